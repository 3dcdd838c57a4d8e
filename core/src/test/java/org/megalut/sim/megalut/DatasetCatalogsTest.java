package org.megalut.sim.megalut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetCatalogsTest {

    @Test
    void trainWeightCatalogsShareOneShearAndCancelShapeNoise() {
        DatasetSpec tw = DatasetSpec.megalutDefault("train-weight");
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
    void trainShearIsOneCasePerGalaxyWithTenJitteredRealizations() {
        DatasetSpec ts = DatasetSpec.megalutDefault("train-shear");
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
        DatasetSpec vs = DatasetSpec.megalutDefault("valid-shear");
        List<SimGalaxy> cat = DatasetCatalogs.catalog(vs, 2, 1, 7, 9);
        long[] first = DatasetCatalogs.caseAndRealization(vs, cat.get(0), 0);
        long[] last = DatasetCatalogs.caseAndRealization(vs, cat.get(999), 0);
        assertEquals(first[0], last[0], "the 1000 copies of galaxy 0 form one case");
        assertEquals(999, last[1]);
        assertEquals(7 * 20, first[0]);
    }
}
