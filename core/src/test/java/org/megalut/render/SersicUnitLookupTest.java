package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SersicUnitLookupTest {

    @Test
    void combinedNodesMatchTheInterpolatedTableInsideAndOutsideThePreparedRange() {
        for (double n : new double[] {0.73, 1.37, 2.9, 4.41}) {
            SersicKTable[] t = new SersicKTable[4];
            double[] w = new double[4];
            int j0 = SersicTables.lagrangeNodes(n, w);
            for (int a = 0; a < 4; a++) {
                t[a] = SersicTables.node(j0 + a);
            }
            SersicUnitLookup lookup = new SersicUnitLookup();
            lookup.select(t, w, 4);
            lookup.prepare(1e-3, 50);
            SersicKTable ref = SersicTables.interpolated(n);
            double worst = 0;
            for (double q2 = 1e-6; q2 < 1e4; q2 *= 1.037) {
                worst = Math.max(worst, Math.abs(lookup.value(q2) - ref.value(q2)));
            }
            assertTrue(worst < 1e-8, "n " + n + ": max |dT| " + worst);
            assertEquals(1, lookup.value(0), 1e-15);
        }
    }

    @Test
    void aSingleExactTableUsesItsOwnLookup() {
        SersicUnitLookup lookup = new SersicUnitLookup();
        lookup.select(new SersicKTable[] {SersicTables.exact(1)}, new double[] {1}, 1);
        lookup.prepare(0.01, 10);
        for (double q2 = 1e-3; q2 < 1e3; q2 *= 1.5) {
            // exponential profile: T = (1 + (k r0)²)^(−3/2), r0 = hlr / 1.6783469900166605
            double kr0 = Math.sqrt(q2) / 1.6783469900166605;
            assertEquals(Math.pow(1 + kr0 * kr0, -1.5), lookup.value(q2), 1e-8, "q² " + q2);
        }
    }

    @Test
    void refusesTruncatedOrInterpolatedTablesAndBadRanges() {
        SersicUnitLookup lookup = new SersicUnitLookup();
        assertThrows(IllegalArgumentException.class,
                () -> lookup.select(new SersicKTable[] {SersicTables.interpolated(1.2345)}, new double[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> lookup.select(new SersicKTable[0], new double[0], 0));
        lookup.select(new SersicKTable[] {SersicTables.exact(4)}, new double[] {1}, 1);
        assertThrows(IllegalArgumentException.class, () -> lookup.prepare(0, 1));
        assertThrows(IllegalArgumentException.class, () -> lookup.prepare(2, 1));
    }
}
