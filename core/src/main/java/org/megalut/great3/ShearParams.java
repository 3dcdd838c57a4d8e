package org.megalut.great3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Truth shear of a subfield ({@code shear_params-SSS.yaml/.txt}): the applied reduced shear.
 *
 * @param g1 reduced shear component 1
 * @param g2 reduced shear component 2
 */
public record ShearParams(double g1, double g2) {
    /** The keys of the file. */
    public static final List<String> KEYS = List.of("g1", "g2");

    /** @throws Great3FormatException naming the file unless the keys are exactly g1, g2 */
    public static ShearParams fromDict(DictFile dict) {
        dict.requireKeys(KEYS);
        return new ShearParams(dict.getDouble("g1"), dict.getDouble("g2"));
    }

    /** The dict holding these values, for writing in either format. */
    public DictFile toDict() {
        return DictFile.of(Map.of("g1", g1, "g2", g2));
    }

    /** Reads a {@code .yaml} or {@code .txt} file, chosen by the name's extension. */
    public static ShearParams read(InputStream in, String name) throws IOException {
        return fromDict(DictFile.read(in, name));
    }

    /** Reads a local {@code .yaml} or {@code .txt} file, chosen by the extension. */
    public static ShearParams read(Path path) throws IOException {
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
