package org.megalut.eval.variable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.fits.FitsFormatException;
import org.megalut.great3.Great3FormatException;
import org.megalut.great3.ObservationType;
import org.megalut.great3.SubfieldOffset;

class PresubmissionTest {
    private static final int SIDE = 3;

    /** Two galaxies in each field's subfield 0, 1°/7·k apart, plus a failure in field 3. */
    private static String catalogueText() {
        StringBuilder sb = new StringBuilder("# ID g1 g2 w\n");
        for (int f = 0; f < 10; f++) {
            int sub = 20 * f + 1;
            sb.append(String.format(Locale.ROOT, "%d 0.1 %f 1.0%n", FieldLattice.encode(sub, 10, 10), 0.01 * f));
            sb.append(String.format(Locale.ROOT, "%.1f 0.1 %f 2.0%n", (double) FieldLattice.encode(sub, 24, 10),
                    0.01 * f));
        }
        sb.append(String.format(Locale.ROOT, "%d 10.0 0.0 1.0%n", FieldLattice.encode(61, 11, 11)));
        return sb.toString();
    }

    @Test
    void catalogueToPerFieldStatistics() throws IOException {
        ShearCatalog cat = ShearCatalog.read(new StringReader(catalogueText()), "cat.txt",
                new ShearCatalog.Columns(0, 1, 2, 3));
        assertEquals(21, cat.size());
        List<Presubmission.FieldStatistics> fields = Presubmission.compute(cat, LatticeShearCorrelator.great3(), false);
        assertEquals(10, fields.size());
        // Field 3: one pair 14 steps = 0.2° apart along x (the failure left out): xi+ = |g|².
        ShearCorrelation xi = fields.get(3).correlation();
        int k = AngularBins.GREAT3.index(0.2);
        assertEquals(1, xi.pairs()[k]);
        assertEquals(0.01 + 0.0009, xi.xiPlus()[k], 1e-15);
        assertEquals(0.01 - 0.0009, xi.xiMinus()[k], 1e-15);
        VariableSubmission sub = Presubmission.submission(fields);
        assertEquals(150, sub.rows());
        assertEquals(9, sub.field()[149]);
        VariableShearMetric.Result r = VariableShearMetric.evaluate(sub, sub, ObservationType.GROUND);
        assertEquals(1.837e-4 / 9e-8, r.qv(), 1e-9);
    }

    @Test
    void fitsCataloguesAsGreat3WroteThem(@TempDir Path dir) throws Exception {
        // String IDs ('9A'), float shears and weights, as GREAT3's metric test scripts wrote them.
        BinaryTable table = new BinaryTable();
        table.addColumn(new String[] {"001002003", "137412035"});
        table.addColumn(new float[] {0.25f, 10f});
        table.addColumn(new float[] {-0.5f, 0f});
        table.addColumn(new float[] {2f, 1f});
        Path file = dir.resolve("cat-000.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(BasicHDU.getDummyHDU());
            fits.addHDU(BinaryTableHDU.wrap(table));
            fits.write(file.toFile());
        }
        ShearCatalog cat = ShearCatalog.read(file, new ShearCatalog.Columns(0, 1, 2, 3));
        assertArrayEquals(new long[] {1_002_003L, 137_412_035L}, cat.id());
        assertArrayEquals(new double[] {0.25, 10.0}, cat.g1(), 0.0);
        assertArrayEquals(new double[] {2.0, 1.0}, cat.weight(), 0.0);
        assertArrayEquals(new double[] {1.0, 1.0}, ShearCatalog.read(file, ShearCatalog.Columns.DEFAULT).weight(), 0.0);
        FitsFormatException wide = assertThrows(FitsFormatException.class,
                () -> ShearCatalog.read(file, new ShearCatalog.Columns(0, 1, 2, 5)));
        assertTrue(wide.getMessage().contains("cat-000.fits: expected at least 6 columns, found 4"), wide.getMessage());
    }

    @Test
    void badCataloguesAreNamed() {
        Great3FormatException shortRow = assertThrows(Great3FormatException.class, () -> ShearCatalog.read(
                new StringReader("# c\n1001002 0.1\n"), "cat.txt", ShearCatalog.Columns.DEFAULT));
        assertTrue(shortRow.getMessage().contains("cat.txt, line 2: expected at least 3 columns, found 2"),
                shortRow.getMessage());
        Great3FormatException badId = assertThrows(Great3FormatException.class, () -> ShearCatalog.read(
                new StringReader("12.5 0.1 0.2\n"), "cat.txt", ShearCatalog.Columns.DEFAULT));
        assertTrue(badId.getMessage().contains("line 1: column 0: expected a galaxy ID"), badId.getMessage());
        Great3FormatException badG = assertThrows(Great3FormatException.class, () -> ShearCatalog.read(
                new StringReader("1001002 0.1 x0.2\n"), "cat.txt", ShearCatalog.Columns.DEFAULT));
        assertTrue(badG.getMessage().contains("line 1: column 2 (g2) = 'x0.2', expected a number"), badG.getMessage());
        ShearCatalog python = assertDoesNotThrow(() -> ShearCatalog.read(new StringReader("1001002 nan 0.2\n"
                + "1001003 0.1 -inf\n"), "cat.txt", ShearCatalog.Columns.DEFAULT));
        // Python's nan is a failed galaxy (GREAT3's test g < 10 is false); -inf passes it, as in GREAT3.
        assertFalse(python.passes(0));
        assertTrue(python.passes(1));
        ShearCatalog dup = new ShearCatalog(new long[] {5, 5}, new double[2], new double[2], new double[] {1, 1});
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> Presubmission.compute(dup, LatticeShearCorrelator.great3(), false));
        assertTrue(d.getMessage().contains("galaxy ID 5 appears more than once"), d.getMessage());
        ShearCatalog oneField = new ShearCatalog(new long[] {5, 6}, new double[2], new double[2], new double[] {1, 1});
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> Presubmission.compute(oneField, LatticeShearCorrelator.great3(), false));
        assertTrue(m.getMessage().contains("no galaxy in field(s) [1, 2, 3, 4, 5, 6, 7, 8, 9]"), m.getMessage());
    }

    @Test
    void shearAdditionIsGreat3s() {
        assertArrayEquals(new double[] {0.3 / 1.02, 0.0}, TruthApertureMass.shear(0.2, 0, 0.1, 0), 1e-15);
        assertArrayEquals(new double[] {0.05, -0.02}, TruthApertureMass.shear(0, 0, 0.05, -0.02), 1e-15);
        assertArrayEquals(new double[] {0.05, -0.02}, TruthApertureMass.shear(0.05, -0.02, 0, 0), 1e-15);
        // Imaginary intrinsic, real shear: (0.1 + 0.2i) / (1 + 0.02i).
        double[] g = TruthApertureMass.shear(0, 0.2, 0.1, 0);
        assertEquals((0.1 + 0.2 * 0.02) / (1 + 0.0004), g[0], 1e-15);
        assertEquals((0.2 - 0.1 * 0.02) / (1 + 0.0004), g[1], 1e-15);
    }

    @Test
    void referenceFromTruthFilesMatchesTheSameGalaxiesCorrelatedDirectly(@TempDir Path dir) throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        List<List<TruthApertureMass.SubfieldTruth>> perField = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            List<TruthApertureMass.SubfieldTruth> subs = new ArrayList<>();
            for (int j = 0; j < 20; j++) {
                int s = 20 * f + j;
                int n = SIDE * SIDE;
                double[][] c = new double[4][n];
                for (double[] col : c) {
                    for (int i = 0; i < n; i++) {
                        col[i] = rng.nextDouble(-0.2, 0.2);
                    }
                }
                TruthCatalog cat = new TruthCatalog(c[0], c[1], c[2], c[3]);
                SubfieldOffset off = new SubfieldOffset((j % 7) * 0.1 / 7, (j / 7) * 0.1 / 7);
                cat.write(dir.resolve(String.format(Locale.ROOT, "galaxy_catalog-%03d.fits", s)));
                off.write(dir.resolve(String.format(Locale.ROOT, "subfield_offset-%03d.yaml", s)));
                subs.add(new TruthApertureMass.SubfieldTruth(off, cat));
            }
            perField.add(subs);
        }
        LatticeShearCorrelator corr = LatticeShearCorrelator.great3();
        VariableSubmission ref = TruthApertureMass.reference(dir, SIDE, corr);
        assertEquals(150, ref.rows());
        for (int f : new int[] {0, 7}) {
            List<ShearGalaxy> gals = TruthApertureMass.galaxies(perField.get(f), SIDE);
            assertEquals(20 * SIDE * SIDE, gals.size());
            // Subfield j, column 2 row 1 sits at lattice (14 + j mod 7, 7 + j div 7).
            ShearGalaxy g = gals.get(5 * SIDE * SIDE + SIDE + 2);
            assertEquals(14 + 5, g.ix());
            assertEquals(7, g.iy());
            ApertureMass m = ApertureMass.of(corr.correlate(gals));
            for (int k = 0; k < 15; k++) {
                assertEquals(m.mapE()[k], ref.mapE()[15 * f + k], 1e-18);
            }
        }
        Files.delete(dir.resolve("subfield_offset-042.yaml"));
        IOException missing = assertThrows(IOException.class, () -> TruthApertureMass.reference(dir, SIDE, corr));
        assertTrue(missing.getMessage().contains("subfield_offset-042.yaml: truth file missing"), missing.getMessage());
    }
}
