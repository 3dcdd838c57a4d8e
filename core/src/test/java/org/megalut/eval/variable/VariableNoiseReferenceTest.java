package org.megalut.eval.variable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.great3.ObservationType;
import org.megalut.great3.SubfieldOffset;

class VariableNoiseReferenceTest {
    private static final int SIDE = 5;
    private static final int[] FIELDS = {1, 3};
    private static final LatticeShearCorrelator CORR = LatticeShearCorrelator.great3();

    /** A truth tree of fields 1 and 3 (20 subfields of SIDE² galaxies each) and the observed truth catalogue. */
    private static ShearCatalog writeTruth(Path dir) throws IOException {
        SplittableRandom rng = new SplittableRandom(11);
        List<ShearCatalog> parts = new ArrayList<>();
        for (int f : FIELDS) {
            for (int j = 0; j < 20; j++) {
                int s = 20 * f + j;
                int n = SIDE * SIDE;
                double[][] c = new double[4][n];
                for (int i = 0; i < n; i++) {
                    // A smooth shear field plus random intrinsic shapes.
                    c[0][i] = 0.03 * Math.sin(0.3 * i + f);
                    c[1][i] = 0.02 * Math.cos(0.2 * i);
                    c[2][i] = rng.nextDouble(-0.3, 0.3);
                    c[3][i] = rng.nextDouble(-0.3, 0.3);
                }
                TruthCatalog cat = new TruthCatalog(c[0], c[1], c[2], c[3]);
                SubfieldOffset off = new SubfieldOffset((j % 7) * 0.1 / 7, (j / 7) * 0.1 / 7);
                cat.write(dir.resolve(TruthApertureMass.catalogName(s)));
                off.write(dir.resolve(TruthApertureMass.offsetName(s)));
                parts.add(TruthApertureMass.catalog(s, new TruthApertureMass.SubfieldTruth(off, cat), SIDE));
            }
        }
        return ShearCatalog.concat(parts);
    }

    /** The truth plus Gaussian noise of sigma per component, some galaxies failed. */
    private static ShearCatalog noisy(ShearCatalog truth, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = truth.size();
        double[] g1 = truth.g1();
        double[] g2 = truth.g2();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            g1[i] += sigma * gauss(rng);
            g2[i] += sigma * gauss(rng);
            w[i] = 1.0;
            if (i % 37 == 5) {
                g1[i] = Double.NaN;
            }
        }
        return ShearCatalog.ofEstimates(truth.id(), g1, g2, w);
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static VariableSubmission submit(ShearCatalog c) {
        return Presubmission.submission(Presubmission.computeFields(c, CORR));
    }

    @Test
    void theTruthAsPredictionScoresTheMaximumOnTheFieldsPresent(@TempDir Path dir) throws IOException {
        ShearCatalog truth = writeTruth(dir);
        VariableSubmission ref = TruthApertureMass.reference(dir, FIELDS, SIDE, CORR);
        assertEquals(30, ref.rows());
        assertArrayEquals(FIELDS, ref.fields());
        VariableSubmission sub = submit(truth);
        assertArrayEquals(FIELDS, sub.fields());
        for (int i = 0; i < 30; i++) {
            assertEquals(ref.mapE()[i], sub.mapE()[i], 1e-15 + 1e-10 * Math.abs(ref.mapE()[i]));
        }
        VariableShearMetric.Result best = VariableShearMetric.evaluate(sub, ref, ObservationType.GROUND);
        assertEquals(1.837e-4 / 9e-8, best.qv(), 1e-3);
        VariableShearMetric.Result worse = VariableShearMetric.evaluate(submit(noisy(truth, 0.2, 1)), ref,
                ObservationType.GROUND);
        assertTrue(worse.qv() < best.qv() - 1, worse.qv() + " vs " + best.qv());
    }

    @Test
    void twoFieldsAverageOverTwo() {
        int[] fields = {2, 5};
        List<ApertureMass> maps = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            double[] t = new double[15];
            for (int k = 0; k < 15; k++) {
                t[k] = VariableShearMetric.EXPECTED_THETA.get(k);
            }
            maps.add(new ApertureMass(t, new double[15], new double[15], new double[15]));
        }
        VariableSubmission ref = VariableSubmission.of(fields, maps);
        double[] e = new double[30];
        e[3] = 4e-6; // field 2, first used bin
        e[15 + 3] = 2e-6; // field 5, same bin: mean difference 3e-6
        e[15 + 7] = -1e-6; // field 5 only: mean difference -0.5e-6
        VariableSubmission sub = new VariableSubmission(ref.field(), ref.theta(), e, new double[30], new double[30]);
        VariableShearMetric.Result r = VariableShearMetric.evaluate(sub, ref, ObservationType.SPACE);
        assertEquals(3e-6, r.meanDiff()[0], 1e-18);
        assertEquals(-0.5e-6, r.meanDiff()[4], 1e-18);
        // (1/10) Σ_θ |(1/2) Σ_f D|: the sums are over 10 used bins and the 2 fields present.
        assertEquals((3e-6 + 0.5e-6) / 10, r.meanAbsDiff(), 1e-20);
        assertEquals(1.837e-4 / (4e-8 + 3.5e-7), r.qv(), 1e-9);
    }

    @Test
    void scatterIsTheStandardDeviationOfPassingResiduals() {
        long[] id = {FieldLattice.encode(20, 0, 0), FieldLattice.encode(20, 7, 0), FieldLattice.encode(20, 14, 0),
            FieldLattice.encode(20, 21, 0)};
        ShearCatalog truth = new ShearCatalog(id, new double[] {0.1, 0.2, 0.3, 0.4}, new double[4],
                new double[] {1, 1, 1, 1});
        // Residuals of the three passing galaxies: g1 0.01, 0.03, 0.05 (sd 0.02), g2 -0.1, 0, 0.1 (sd 0.1).
        ShearCatalog pred = ShearCatalog.ofEstimates(id, new double[] {0.11, 0.23, 0.35, Double.NaN},
                new double[] {-0.1, 0, 0.1, 0}, new double[] {1, 1, 1, 1});
        VariableNoiseReference.Scatter s = VariableNoiseReference.Residuals.of(pred, truth).scatter();
        assertEquals(3, s.galaxies());
        assertEquals(0.02, s.sigma1(), 1e-12);
        assertEquals(0.1, s.sigma2(), 1e-12);
        ShearCatalog stranger = new ShearCatalog(new long[] {FieldLattice.encode(21, 1, 1)}, new double[1],
                new double[1], new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VariableNoiseReference.Residuals.of(stranger, truth));
        assertTrue(e.getMessage().contains("galaxy ID 21001001 of the prediction has no truth"), e.getMessage());
    }

    @Test
    void realizationsAreKeyedByFieldAndRealizationNotByOrder(@TempDir Path dir) throws IOException {
        ShearCatalog truth = writeTruth(dir);
        ShearCatalog pred = noisy(truth, 0.05, 3);
        VariableNoiseReference.Scatter s = new VariableNoiseReference.Scatter(0.05, 0.05, 10);
        List<ShearGalaxy> a = VariableNoiseReference.realization(pred, truth, s, 7, 3, 0);
        assertEquals(20 * SIDE * SIDE, a.size());
        // The same catalogue in reverse order gives the same realization.
        ShearCatalog reversed = reverse(pred);
        assertEquals(a, VariableNoiseReference.realization(reversed, truth, s, 7, 3, 0));
        assertNotEquals(a, VariableNoiseReference.realization(pred, truth, s, 7, 3, 1));
        assertNotEquals(a, VariableNoiseReference.realization(pred, truth, s, 8, 3, 0));
        // Failures stay failed, with their predicted weight.
        long failedCount = a.stream().filter(g -> !g.passes()).count();
        long predFailed = 0;
        long[] ids = pred.id();
        for (int i = 0; i < pred.size(); i++) {
            predFailed += !pred.passes(i) && FieldLattice.decode(ids[i]).field() == 3 ? 1 : 0;
        }
        assertTrue(predFailed > 0);
        assertEquals(predFailed, failedCount);
    }

    @Test
    void noiseReferenceIsDeterministicAndFallsWithTheScatter(@TempDir Path dir) throws IOException {
        ShearCatalog truth = writeTruth(dir);
        VariableSubmission ref = TruthApertureMass.reference(dir, FIELDS, SIDE, CORR);
        ShearCatalog small = noisy(truth, 0.01, 5);
        ShearCatalog large = noisy(truth, 0.2, 5);
        VariableNoiseReference.Result a = VariableNoiseReference.compute(small, truth, ref, ObservationType.GROUND, 5,
                2014, CORR);
        VariableNoiseReference.Result again = VariableNoiseReference.compute(small, truth, ref, ObservationType.GROUND,
                5, 2014, CORR);
        assertArrayEquals(a.qv(), again.qv());
        assertEquals(5, a.realizations());
        assertEquals(0.01, a.scatter().sigma1(), 0.002);
        assertTrue(a.min() <= a.median() && a.median() <= a.max());
        VariableNoiseReference.Result b = VariableNoiseReference.compute(large, truth, ref, ObservationType.GROUND, 5,
                2014, CORR);
        assertEquals(0.2, b.scatter().sigma1(), 0.03);
        assertTrue(b.max() < a.min(), "larger scatter must score lower: " + b.max() + " vs " + a.min());
        assertTrue(a.max() <= 1.837e-4 / 9e-8 + 1e-6);
    }

    @Test
    void estimatesAreFlaggedAndWrittenAsGreat3Reads() throws IOException {
        long[] id = {1002, FieldLattice.encode(5, 7, 8), FieldLattice.encode(5, 14, 8)};
        ShearCatalog c = ShearCatalog.ofEstimates(id, new double[] {0.1, Double.NaN, -0.3},
                new double[] {0.2, 0.1, 0.05}, new double[] {2.0, 1.0, -0.5});
        StringWriter w = new StringWriter();
        c.write(w);
        String text = w.toString();
        assertTrue(text.startsWith("# id g1 g2 weight\n000001002 1.0000000000e-01 2.0000000000e-01 2.0000000000e+00\n"),
                text);
        ShearCatalog back = ShearCatalog.read(new StringReader(text), "c.txt", ShearCatalog.Columns.WRITTEN);
        assertArrayEquals(id, back.id());
        assertEquals(ShearGalaxy.FAILED_SHEAR, back.g1()[1]);
        assertEquals(ShearGalaxy.FAILED_SHEAR, back.g2()[1]);
        assertEquals(0.0, back.weight()[1]);
        assertEquals(0.0, back.weight()[2]);
        assertEquals(-0.3, back.g1()[2], 1e-15);
        assertTrue(back.passes(0) && !back.passes(1) && back.passes(2));
    }

    private static ShearCatalog reverse(ShearCatalog c) {
        int n = c.size();
        long[] id = c.id();
        double[] g1 = c.g1();
        double[] g2 = c.g2();
        double[] w = c.weight();
        long[] rid = new long[n];
        double[] r1 = new double[n];
        double[] r2 = new double[n];
        double[] rw = new double[n];
        for (int i = 0; i < n; i++) {
            rid[i] = id[n - 1 - i];
            r1[i] = g1[n - 1 - i];
            r2[i] = g2[n - 1 - i];
            rw[i] = w[n - 1 - i];
        }
        return new ShearCatalog(rid, r1, r2, rw);
    }
}
