package org.megalut.sim.megalut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.megalut.great3.ObservationType;
import org.megalut.testing.CrossCpu;

class DatasetCatalogsTest {

    @Test
    void trainWeightCatalogsShareOneShearAndCancelShapeNoise() {
        DatasetSpec tw = DatasetSpec.megalutDefault("train-weight", ObservationType.GROUND);
        List<SimGalaxy> cat = DatasetCatalogs.catalog(tw, 5, 12, 3, 9);
        assertEquals(1000, cat.size());
        double s1 = cat.get(0).s1();
        double sumG1 = 0;
        double sumG2 = 0;
        for (SimGalaxy g : cat) {
            assertEquals(s1, g.s1(), 0);
            assertTrue(Math.abs(g.s1()) <= 0.1 && Math.abs(g.s2()) <= 0.1);
            sumG1 += g.g1();
            sumG2 += g.g2();
        }
        // Four copies rotated by 45° steps in position angle: each galaxy's ellipticities sum to zero.
        assertEquals(0, sumG1, 1e-12);
        assertEquals(0, sumG2, 1e-12);
        assertNotEquals(s1, DatasetCatalogs.catalog(tw, 5, 12, 4, 9).get(0).s1());
        assertEquals(cat, DatasetCatalogs.catalog(tw, 5, 12, 3, 9));
    }

    @Test
    void aDatasetsOwnSizeAndFluxLawsReplaceTheDistributions() {
        DatasetSpec tw = DatasetSpec.megalutDefault("train-weight", ObservationType.GROUND);
        TruncatedNormalLaw hlr = new TruncatedNormalLaw(2.0, 0.2, 1.5, 2.5);
        List<SimGalaxy> own = DatasetCatalogs.catalog(tw.withLaws(hlr, null), 5, 12, 3, 9);
        double mean = 0;
        for (SimGalaxy g : own) {
            assertTrue(g.hlr() >= 1.5 && g.hlr() <= 2.5, "within the law's bounds: " + g.hlr());
            mean += g.hlr() / own.size();
        }
        // G3's ground sizes have a mean near 1.3 px; the law's is 2.0 (symmetric truncation keeps it).
        assertEquals(2.0, mean, 0.03);
        // Without laws, the distribution's draws, unchanged.
        assertEquals(DatasetCatalogs.catalog(tw, 5, 12, 3, 9), DatasetCatalogs.catalog(tw.withLaws(null, null), 5, 12, 3, 9));
    }

    @Test
    void trainShearIsOneCasePerGalaxyWithTenJitteredRealizations() {
        DatasetSpec ts = DatasetSpec.megalutDefault("train-shear", ObservationType.GROUND);
        assertEquals(10_000, ts.stamps());
        List<SimGalaxy> cat = DatasetCatalogs.catalog(ts, 1, 0, 0, 9);
        Set<String> keys = new HashSet<>();
        for (SimGalaxy g : cat) {
            assertEquals(0, g.s1(), 0);
            assertTrue(g.star() >= 0 && g.star() < 9);
            for (int r = 0; r < ts.nrea(); r++) {
                long[] cr = DatasetCatalogs.caseAndRealization(ts, g, r);
                assertEquals(g.galaxy(), cr[0]);
                assertTrue(keys.add(cr[0] + "/" + cr[1]));
                double[] j = DatasetCatalogs.jitter(ts, 1, 0, g, r);
                assertTrue(Math.abs(j[0]) <= 0.5 && Math.abs(j[1]) <= 0.5);
            }
        }
        assertEquals(10_000, keys.size());
        // The Sérsic index follows the grid row: 100 rows from 0.5 to 3.965.
        assertEquals(0.5, cat.get(0).sersicN(), 0);
        assertEquals(0.5 + 3.5 * 99 / 100.0, cat.get(999).sersicN(), 1e-12);
    }

    @Test
    void validShearGroupsTheCopiesOfAGalaxy() {
        DatasetSpec vs = DatasetSpec.megalutDefault("valid-shear", ObservationType.GROUND);
        List<SimGalaxy> cat = DatasetCatalogs.catalog(vs, 2, 1, 7, 9);
        long[] first = DatasetCatalogs.caseAndRealization(vs, cat.get(0), 0);
        long[] last = DatasetCatalogs.caseAndRealization(vs, cat.get(999), 0);
        assertEquals(first[0], last[0], "the 1000 copies of galaxy 0 form one case");
        assertEquals(999, last[1]);
        assertEquals(7 * 20, first[0]);
    }

    private static DatasetSpec pinnedSpec(Distribution d) {
        return new DatasetSpec("probe", d, ObservationType.GROUND, 20, 10, 1, 2, 2, 0.1, false, true, DatasetSpec.Grouping.SHEAR);
    }

    /**
     * About 50 ulps: a draw is a composition of a few transcendental functions, each within an ulp on any
     * CPU, whose errors the composition can magnify by the size of its arguments (ln of a small uniform).
     */
    private static final double DRAW_RELATIVE = 1e-14;

    @Test
    void singleSersicCatalogsAreThoseOfTheCodeBeforeBulgeDiskGalaxies() {
        // Recorded with the code before the bulge+disk distributions existed: adding them must not move a
        // single draw of the others (seed 11, subfield 3, catalog 1, 9 stars; stamps 0, 17 and 39).
        double[][] train = {
            {0.5, 1.6628180189351045, 56.97283058022511, 0.0962228091674734, -0.30547516070952063,
                0.0954481402333287, 0.09766709476838589, 0},
            {0.5, 1.8427266674594165, 93.38668777160888, -0.08424269293406425, -0.0491447939369255,
                -0.048563301604780534, -0.07876319896051948, 1},
            {2.25, 2.866504491981089, 88.78201428385225, -0.29842304708330814, 0.2378929956498582,
                -0.057045462864123556, 0.032685577201478605, 5}};
        double[][] g3 = {
            {0.5, 2.735713236219077, 23.22245117798531, 0.0962228091674734, -0.30547516070952063,
                0.0954481402333287, 0.09766709476838589, 5},
            {0.5, 0.9043373881533069, 18.504131605861932, -0.08424269293406425, -0.0491447939369255,
                -0.048563301604780534, -0.07876319896051948, 2},
            {1.0, 0.8562216669230617, 45.26365903074171, -0.29842304708330814, 0.2378929956498582,
                -0.057045462864123556, 0.032685577201478605, 2}};
        double[][] uni = {
            {0.5, 1.2765210021830236, 44.14402548352092, 0.3227144428723443, -0.14100312168873452,
                0.0954481402333287, 0.09766709476838589, 0},
            {0.5, 1.5084032602810258, 74.48890647634073, 0.5430267105636026, 0.64116485866578,
                -0.048563301604780534, -0.07876319896051948, 1},
            {2.25, 2.827939122997848, 70.65167856987688, -0.4920233450072309, 0.07497912975295234,
                -0.057045462864123556, 0.032685577201478605, 5}};
        int[] stamps = {0, 17, 39};
        for (Distribution d : List.of(Distribution.TRAIN, Distribution.G3, Distribution.UNI)) {
            double[][] expected = d == Distribution.TRAIN ? train : d == Distribution.G3 ? g3 : uni;
            List<SimGalaxy> cat = DatasetCatalogs.catalog(pinnedSpec(d), 11, 3, 1, 9);
            for (int k = 0; k < stamps.length; k++) {
                SimGalaxy g = cat.get(stamps[k]);
                double[] e = expected[k];
                String where = d + " stamp " + stamps[k];
                assertEquals(e[0], g.sersicN(), 0, where);
                assertEquals(0, g.bulgeFraction(), 0, where);
                // Recorded on another CPU: the draws pass through log/exp/sin/cos, whose last bit may differ
                // between machines (CrossCpu). A moved draw would be a different random number altogether.
                CrossCpu.assertRelative(e[1], g.hlr(), DRAW_RELATIVE, where + " hlr");
                CrossCpu.assertRelative(e[2], g.flux(), DRAW_RELATIVE, where + " flux");
                CrossCpu.assertRelative(e[3], g.g1(), DRAW_RELATIVE, where + " g1");
                CrossCpu.assertRelative(e[4], g.g2(), DRAW_RELATIVE, where + " g2");
                CrossCpu.assertRelative(e[5], g.s1(), DRAW_RELATIVE, where + " s1");
                CrossCpu.assertRelative(e[6], g.s2(), DRAW_RELATIVE, where + " s2");
                assertEquals((int) e[7], g.star(), where);
            }
        }
    }

    @Test
    void bulgeDiskDistributionsMakeAThirdOfTheGalaxiesBulgeDisk() {
        int n = 4000;
        for (Distribution[] pair : new Distribution[][] {{Distribution.G3BD, Distribution.G3},
                {Distribution.TRAINBD, Distribution.TRAIN}}) {
            // The same dataset name, so the same streams: the bulge+disk draws come after the others.
            List<SimGalaxy> bd = DatasetCatalogs.catalog(new DatasetSpec("train-weight", pair[0], ObservationType.GROUND, n, 10, 1, 1, 1, 0.1,
                    true, true, DatasetSpec.Grouping.SHEAR), 4, 2, 0, 9);
            List<SimGalaxy> single = DatasetCatalogs.catalog(new DatasetSpec("train-weight", pair[1], ObservationType.GROUND, n, 10, 1, 1, 1,
                    0.1, true, true, DatasetSpec.Grouping.SHEAR), 4, 2, 0, 9);
            int bulgeDisk = 0;
            double meanBt = 0;
            for (int i = 0; i < n; i++) {
                SimGalaxy g = bd.get(i);
                SimGalaxy s = single.get(i);
                String where = pair[0] + " galaxy " + i;
                // Ellipticity, size, flux, shear and star as the single-Sérsic distribution.
                assertEquals(s.hlr(), g.hlr(), 0, where);
                assertEquals(s.flux(), g.flux(), 0, where);
                assertEquals(s.g1(), g.g1(), 0, where);
                assertEquals(s.g2(), g.g2(), 0, where);
                assertEquals(s.s1(), g.s1(), 0, where);
                assertEquals(s.star(), g.star(), where);
                if (!g.bulgeDisk()) {
                    assertEquals(s, g, where);
                    continue;
                }
                bulgeDisk++;
                meanBt += g.bulgeFraction();
                assertTrue(g.bulgeFraction() >= 0.1 && g.bulgeFraction() < 0.9, where + ": B/T " + g.bulgeFraction());
                assertTrue(Double.isNaN(g.sersicN()), where);
                // GREAT3-like radii: bulge half the disk, flux-weighted radius = the drawn one.
                assertEquals(0.5 * g.diskHlr(), g.bulgeHlr(), 1e-15 * g.hlr(), where);
                assertEquals(g.hlr(), g.bulgeFraction() * g.bulgeHlr() + (1 - g.bulgeFraction()) * g.diskHlr(),
                        1e-12 * g.hlr(), where);
                assertTrue(g.bulgeHlr() < g.hlr() && g.diskHlr() > g.hlr(), where);
            }
            // Binomial(4000, 0.36): σ = 0.0076 on the fraction, so 0.03 is a 4σ tolerance.
            assertEquals(Distribution.BULGE_DISK_PROBABILITY, bulgeDisk / (double) n, 0.03, pair[0].toString());
            // U[0.1, 0.9): mean 0.5, σ of the mean 0.23/sqrt(1440) = 0.006.
            assertEquals(0.5, meanBt / bulgeDisk, 0.025, pair[0].toString());
        }
        assertFalse(Distribution.G3.hasBulgeDisk());
    }
}
