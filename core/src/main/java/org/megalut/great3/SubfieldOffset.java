package org.megalut.great3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Position of a subfield within its field ({@code subfield_offset-SSS.yaml/.txt}); zero in
 * constant-shear branches, where each field has one subfield.
 *
 * @param offsetDegX offset along x, degrees
 * @param offsetDegY offset along y, degrees
 */
public record SubfieldOffset(double offsetDegX, double offsetDegY) {
    /** The keys of the file. */
    public static final List<String> KEYS = List.of("offset_deg_x", "offset_deg_y");
    /** The value in every CGC/RGC subfield. */
    public static final SubfieldOffset ZERO = new SubfieldOffset(0.0, 0.0);

    /** @throws Great3FormatException naming the file unless the keys are exactly {@link #KEYS} */
    public static SubfieldOffset fromDict(DictFile dict) {
        dict.requireKeys(KEYS);
        return new SubfieldOffset(dict.getDouble("offset_deg_x"), dict.getDouble("offset_deg_y"));
    }

    /** The dict holding these values, for writing in either format. */
    public DictFile toDict() {
        return DictFile.of(Map.of("offset_deg_x", offsetDegX, "offset_deg_y", offsetDegY));
    }

    /** Reads a {@code .yaml} or {@code .txt} file, chosen by the name's extension. */
    public static SubfieldOffset read(InputStream in, String name) throws IOException {
        return fromDict(DictFile.read(in, name));
    }

    /** Reads a local {@code .yaml} or {@code .txt} file, chosen by the extension. */
    public static SubfieldOffset read(Path path) throws IOException {
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
