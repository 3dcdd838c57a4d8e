package org.megalut.great3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Dither of an epoch ({@code epoch_dither-SSS-0.yaml/.txt}); zero in single-epoch branches.
 *
 * @param xditherPixels dither along x, pixels
 * @param yditherPixels dither along y, pixels
 */
public record EpochDither(double xditherPixels, double yditherPixels) {
    /** The keys of the file. */
    public static final List<String> KEYS = List.of("xdither_pixels", "ydither_pixels");
    /** The value in every single-epoch subfield. */
    public static final EpochDither ZERO = new EpochDither(0.0, 0.0);

    /** @throws Great3FormatException naming the file unless the keys are exactly {@link #KEYS} */
    public static EpochDither fromDict(DictFile dict) {
        dict.requireKeys(KEYS);
        return new EpochDither(dict.getDouble("xdither_pixels"), dict.getDouble("ydither_pixels"));
    }

    /** The dict holding these values, for writing in either format. */
    public DictFile toDict() {
        return DictFile.of(Map.of("xdither_pixels", xditherPixels, "ydither_pixels", yditherPixels));
    }

    /** Reads a {@code .yaml} or {@code .txt} file, chosen by the name's extension. */
    public static EpochDither read(InputStream in, String name) throws IOException {
        return fromDict(DictFile.read(in, name));
    }

    /** Reads a local {@code .yaml} or {@code .txt} file, chosen by the extension. */
    public static EpochDither read(Path path) throws IOException {
        return fromDict(DictFile.read(path));
    }

    /** Writes the file exactly as GREAT3 did; the stream is flushed, not closed. */
    public void write(OutputStream out, DictFormat format) throws IOException {
        toDict().write(out, format);
    }

    /** Writes a local file in the format given by its extension (.yaml or .txt). */
    public void write(Path path) throws IOException {
        toDict().write(path);
    }
}
