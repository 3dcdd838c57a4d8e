package org.megalut.great3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Truth PSF shape of a subfield ({@code starshape_parameters-SSS-0.yaml/.txt}): the adaptive-moment
 * reduced-shear shape of the noiseless, centred star 0, used by the metric to rotate shears into the
 * PSF frame. GREAT3 wrote −10 for both components when the measurement failed.
 *
 * @param psfG1         PSF shape g1, or {@link #FAILED}
 * @param psfG2         PSF shape g2, or {@link #FAILED}
 * @param subfieldIndex subfield number
 * @param epochIndex    epoch number (0 for single-epoch branches)
 */
public record StarShapeParams(double psfG1, double psfG2, int subfieldIndex, int epochIndex) {
    /** The keys of the file. */
    public static final List<String> KEYS = List.of("epoch_index", "psf_g1", "psf_g2", "subfield_index");
    /** GREAT3's value for a failed measurement. */
    public static final double FAILED = -10.0;
    /** The metric treats shapes at or below this as failed (R:metrics/evaluate.py). */
    private static final double FAILED_THRESHOLD = -9.9;

    /** True when the shape is GREAT3's failure flag (either component ≤ −9.9). */
    public boolean isFailed() {
        return psfG1 <= FAILED_THRESHOLD || psfG2 <= FAILED_THRESHOLD;
    }

    /** @throws Great3FormatException naming the file unless the keys are exactly {@link #KEYS} */
    public static StarShapeParams fromDict(DictFile dict) {
        dict.requireKeys(KEYS);
        return new StarShapeParams(dict.getDouble("psf_g1"), dict.getDouble("psf_g2"),
                dict.getInt("subfield_index"), dict.getInt("epoch_index"));
    }

    /** The dict, with the two indices as integers as GREAT3 wrote them. */
    /** The dict holding these values, for writing in either format. */
    public DictFile toDict() {
        return DictFile.of(Map.of("psf_g1", psfG1, "psf_g2", psfG2, "subfield_index", subfieldIndex,
                "epoch_index", epochIndex));
    }

    /** Reads a {@code .yaml} or {@code .txt} file, chosen by the name's extension. */
    public static StarShapeParams read(InputStream in, String name) throws IOException {
        return fromDict(DictFile.read(in, name));
    }

    /** Reads a local {@code .yaml} or {@code .txt} file, chosen by the extension. */
    public static StarShapeParams read(Path path) throws IOException {
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
