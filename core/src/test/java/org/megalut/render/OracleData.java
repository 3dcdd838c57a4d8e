package org.megalut.render;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;

/**
 * Test-only access to the GalSim reference set in {@code shared/oracle/galsim}.
 *
 * <p>The shared folder is {@code ../../shared} relative to the core module (the Surefire working
 * directory), or the system property {@code megalut.shared}. When it is missing the calling test is
 * skipped, except under CI=true where that is a failure.
 */
final class OracleData {
    private OracleData() {
    }

    /** The oracle/galsim folder, or skip (fail under CI) when absent. */
    static Path galsimDir() {
        String prop = System.getProperty("megalut.shared");
        Path shared = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        Path dir = shared.resolve("oracle").resolve("galsim");
        if (!Files.isRegularFile(dir.resolve("gal_cases.csv"))) {
            String msg = "GalSim oracle not found at " + dir.toAbsolutePath() + " (set -Dmegalut.shared)";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
        return dir;
    }

    /** Rows of a CSV file with a header line, as column → text maps (no quoting in these files). */
    static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < f.length ? f[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * A float64 cube (NAXIS1 = x, NAXIS2 = y, NAXIS3 = plane) as [plane][y·nx + x].
     */
    static double[][] readCube(Path file) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            ImageHDU hdu = (ImageHDU) fits.readHDU();
            double[][][] cube = (double[][][]) hdu.getKernel();
            double[][] out = new double[cube.length][];
            for (int k = 0; k < cube.length; k++) {
                int ny = cube[k].length;
                int nx = cube[k][0].length;
                out[k] = new double[nx * ny];
                for (int y = 0; y < ny; y++) {
                    System.arraycopy(cube[k][y], 0, out[k], y * nx, nx);
                }
            }
            return out;
        }
    }

    static double num(Map<String, String> row, String key) {
        String v = row.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no column " + key);
        }
        return Double.parseDouble(v);
    }
}
