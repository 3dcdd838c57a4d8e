package org.megalut.eval.variable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatticeShearCorrelatorTest {
    private static final double SPACING = 0.05;
    private static final AngularBins BINS = new AngularBins(0.07, 2.5, 7);

    /** Brute force over unordered pairs, rotating each pair's shears into its tangential/cross frame. */
    private static double[][] bruteForce(List<ShearGalaxy> gals) {
        int n = BINS.count();
        double[] xip = new double[n];
        double[] xim = new double[n];
        double[] xix = new double[n];
        double[] w = new double[n];
        double[] logr = new double[n];
        double[] pairs = new double[n];
        for (int a = 0; a < gals.size(); a++) {
            ShearGalaxy ga = gals.get(a);
            if (!ga.passes()) {
                continue;
            }
            for (int b = a + 1; b < gals.size(); b++) {
                ShearGalaxy gb = gals.get(b);
                if (!gb.passes()) {
                    continue;
                }
                double dx = (gb.ix() - ga.ix()) * SPACING;
                double dy = (gb.iy() - ga.iy()) * SPACING;
                double r = SPACING * Math.hypot(gb.ix() - ga.ix(), gb.iy() - ga.iy());
                int k = BINS.index(r);
                if (k < 0) {
                    continue;
                }
                double phi = Math.atan2(dy, dx);
                double c2 = Math.cos(2 * phi);
                double s2 = Math.sin(2 * phi);
                double gta = -(ga.g1() * c2 + ga.g2() * s2);
                double gxa = -(ga.g2() * c2 - ga.g1() * s2);
                double gtb = -(gb.g1() * c2 + gb.g2() * s2);
                double gxb = -(gb.g2() * c2 - gb.g1() * s2);
                double ww = ga.weight() * gb.weight();
                xip[k] += ww * (gta * gtb + gxa * gxb);
                xim[k] += ww * (gta * gtb - gxa * gxb);
                xix[k] += ww * (gta * gxb + gxa * gtb);
                w[k] += ww;
                logr[k] += ww * Math.log(r);
                pairs[k]++;
            }
        }
        for (int k = 0; k < n; k++) {
            xip[k] /= w[k];
            xim[k] /= w[k];
            xix[k] /= w[k];
            logr[k] /= w[k];
        }
        return new double[][] {xip, xim, xix, w, logr, pairs};
    }

    private static List<ShearGalaxy> random(long seed, int count, int side, double failFraction) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ShearGalaxy> gals = new ArrayList<>();
        boolean[] taken = new boolean[side * side];
        while (gals.size() < count) {
            int ix = rng.nextInt(side);
            int iy = rng.nextInt(side);
            if (taken[iy * side + ix]) {
                continue;
            }
            taken[iy * side + ix] = true;
            double g1 = rng.nextDouble(-0.4, 0.4) + 0.05;
            double g2 = rng.nextDouble(-0.4, 0.4) - 0.03;
            double u = rng.nextDouble();
            if (u < failFraction / 2) {
                g1 = 10.0;
            } else if (u < failFraction) {
                g2 = 11.5;
            }
            gals.add(new ShearGalaxy(ix, iy, g1, g2, rng.nextDouble(0.2, 3.0)));
        }
        return gals;
    }

    private static void assertRel(double expected, double actual, String what) {
        double tol = 1e-10 * Math.max(Math.abs(expected), 1e-300);
        assertEquals(expected, actual, tol, what);
    }

    @Test
    void equalsBruteForceWithWeightsAndFailures() {
        List<ShearGalaxy> gals = random(7, 300, 40, 0.1);
        ShearCorrelation xi = new LatticeShearCorrelator(BINS, SPACING).correlate(gals);
        double[][] bf = bruteForce(gals);
        for (int k = 0; k < BINS.count(); k++) {
            assertTrue(bf[5][k] > 0, "every bin populated in this set-up");
            assertRel(bf[0][k], xi.xiPlus()[k], "xi+ bin " + k);
            assertRel(bf[1][k], xi.xiMinus()[k], "xi- bin " + k);
            assertRel(bf[2][k], xi.xiCross()[k], "xix bin " + k);
            assertRel(bf[3][k], xi.weight()[k], "weight bin " + k);
            assertRel(bf[4][k], xi.meanLogR()[k], "mean ln r bin " + k);
            assertEquals((long) bf[5][k], xi.pairs()[k], "pairs bin " + k);
        }
    }

    @Test
    void blockPairSumsAddUpToTheWholeField() {
        LatticeShearCorrelator corr = new LatticeShearCorrelator(BINS, SPACING);
        List<ShearGalaxy> gals = LatticeShearCorrelator.passing(random(13, 400, 50, 0.1));
        PairSums whole = corr.autoSums(gals);
        List<List<ShearGalaxy>> blocks = LatticeBlocks.split(gals, 12);
        assertEquals(25, blocks.size());
        PairSums parts = PairSums.empty(BINS.count());
        for (int i = 0; i < blocks.size(); i++) {
            parts = parts.plus(corr.autoSums(blocks.get(i)));
            for (int j = i + 1; j < blocks.size(); j++) {
                parts = parts.plus(corr.crossSums(blocks.get(i), blocks.get(j)));
            }
        }
        for (int k = 0; k < BINS.count(); k++) {
            assertEquals(whole.pairs()[k], parts.pairs()[k], "pairs bin " + k);
            assertRel(whole.plus()[k], parts.plus()[k], "xi+ sum bin " + k);
            assertRel(whole.minus()[k], parts.minus()[k], "xi- sum bin " + k);
            assertRel(whole.cross()[k], parts.cross()[k], "xix sum bin " + k);
            assertRel(whole.weight()[k], parts.weight()[k], "weight bin " + k);
            assertRel(whole.logR()[k], parts.logR()[k], "ln r sum bin " + k);
        }
    }

    @Test
    void failedGalaxiesAreIgnoredWhateverTheirPosition() {
        List<ShearGalaxy> gals = random(11, 150, 30, 0.0);
        ShearCorrelation clean = new LatticeShearCorrelator(BINS, SPACING).correlate(gals);
        List<ShearGalaxy> withFailures = new ArrayList<>(gals);
        // Failures far away (they would widen the lattice) and next to kept galaxies.
        withFailures.add(new ShearGalaxy(90, 90, 10.0, 0.1, 1.0));
        withFailures.add(new ShearGalaxy(gals.get(0).ix(), gals.get(0).iy(), 0.1, 25.0, 1.0));
        ShearCorrelation dirty = new LatticeShearCorrelator(BINS, SPACING).correlate(withFailures);
        for (int k = 0; k < BINS.count(); k++) {
            assertRel(clean.xiPlus()[k], dirty.xiPlus()[k], "xi+ bin " + k);
            assertEquals(clean.pairs()[k], dirty.pairs()[k]);
        }
    }

    @Test
    void failureTestIsOneSided() {
        assertTrue(new ShearGalaxy(0, 0, -20.0, -50.0, 1).passes());
        assertTrue(!new ShearGalaxy(0, 0, 10.0, 0.0, 1).passes());
        assertTrue(!new ShearGalaxy(0, 0, 0.0, 10.0, 1).passes());
        assertTrue(!new ShearGalaxy(0, 0, Double.NaN, 0.0, 1).passes());
    }

    @Test
    void constantShearGivesXiPlusEqualToItsSquareAndXiMinusFromTheAngles() {
        // Two galaxies along x: phi = 0, so xi- = g1² − g2², xix = 2 g1 g2.
        List<ShearGalaxy> gals = List.of(new ShearGalaxy(0, 0, 0.3, 0.1, 1), new ShearGalaxy(4, 0, 0.3, 0.1, 1));
        ShearCorrelation xi = new LatticeShearCorrelator(BINS, SPACING).correlate(gals);
        int k = BINS.index(0.2);
        assertEquals(0.1, xi.xiPlus()[k], 1e-14);
        assertEquals(0.08, xi.xiMinus()[k], 1e-14);
        assertEquals(0.06, xi.xiCross()[k], 1e-14);
        assertEquals(1, xi.pairs()[k]);
        // Along the diagonal, phi = 45°: e^{−4iφ} = −1.
        List<ShearGalaxy> diag = List.of(new ShearGalaxy(0, 0, 0.3, 0.1, 1), new ShearGalaxy(3, 3, 0.3, 0.1, 1));
        ShearCorrelation xd = new LatticeShearCorrelator(BINS, SPACING).correlate(diag);
        int kd = BINS.index(SPACING * Math.sqrt(18));
        assertEquals(-0.08, xd.xiMinus()[kd], 1e-14);
        assertEquals(-0.06, xd.xiCross()[kd], 1e-14);
    }

    @Test
    void shapeVarianceIsCorr2s() {
        List<ShearGalaxy> gals = random(3, 80, 25, 0.0);
        ShearCorrelation xi = new LatticeShearCorrelator(BINS, SPACING).correlate(gals);
        double sw = 0;
        double s = 0;
        for (ShearGalaxy g : gals) {
            sw += g.weight();
            s += g.weight() * g.weight() * (g.g1() * g.g1() + g.g2() * g.g2());
        }
        double varg = gals.size() * s / (2 * sw * sw);
        for (int k = 0; k < BINS.count(); k++) {
            if (xi.pairs()[k] > 0) {
                assertRel(varg * varg / xi.pairs()[k], xi.varXi()[k], "var xi bin " + k);
            }
        }
    }

    @Test
    void emptyBinsAreReportedAsCorr2Does() {
        List<ShearGalaxy> gals = List.of(new ShearGalaxy(0, 0, 0.3, 0.1, 1), new ShearGalaxy(4, 0, 0.3, 0.1, 1));
        ShearCorrelation xi = new LatticeShearCorrelator(BINS, SPACING).correlate(gals);
        int k = BINS.index(0.2);
        for (int j = 0; j < BINS.count(); j++) {
            if (j != k) {
                assertEquals(0, xi.pairs()[j]);
                assertEquals(0.0, xi.xiPlus()[j]);
                assertEquals(BINS.nominalLogR(j), xi.meanLogR()[j], 1e-15);
            }
        }
    }

    @Test
    void rejectsACatalogueWithoutUsableGalaxies() {
        assertThrows(IllegalArgumentException.class, () -> new LatticeShearCorrelator(BINS, SPACING)
                .correlate(List.of(new ShearGalaxy(0, 0, 10.0, 0.0, 1))));
    }

    @Test
    void fftSizesAreSmooth() {
        assertEquals(1536, LatticeShearCorrelator.fftSize(1399));
        assertEquals(2048, LatticeShearCorrelator.fftSize(1537));
        assertEquals(1, LatticeShearCorrelator.fftSize(1));
        assertEquals(3, LatticeShearCorrelator.fftSize(3));
    }
}
