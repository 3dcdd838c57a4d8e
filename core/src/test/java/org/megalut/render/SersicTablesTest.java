package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fast (interpolated in n) Sérsic tables against exact per-n tables. */
class SersicTablesTest {

    private static double maxDiff(SersicKTable a, SersicKTable b) {
        double worst = 0;
        for (double x = Math.log(1e-3); x < Math.log(3e4); x += 0.01) {
            double q2 = Math.exp(2 * x);
            worst = Math.max(worst, Math.abs(a.value(q2) - b.value(q2)));
        }
        return worst;
    }

    @Test
    void interpolatedTablesMatchExactOnes() {
        for (double n : new double[] {0.52, 2.33}) {
            SersicKTable fast = SersicTables.interpolated(n);
            SersicKTable exact = SersicTables.exact(n);
            double d = maxDiff(fast, exact);
            System.out.printf("Sersic n=%.2f interpolated vs exact: max |dF| = %.3g%n", n, d);
            assertTrue(d < 5e-6, "n = " + n + ": " + d);
            // sizes are solved exactly, not interpolated
            assertEquals(exact.b(), fast.b(), 1e-13 * exact.b());
            assertEquals(exact.foldRadius(), fast.foldRadius(), 1e-10 * exact.foldRadius());
            assertEquals(exact.maxKr0(), fast.maxKr0(), 1e-12 * exact.maxKr0());
            assertSame(fast, SersicTables.interpolated(n));
        }
    }

    @Test
    void gridNodesAreExactTablesAndRangeIsChecked() {
        SersicKTable node = SersicTables.interpolated(1.0);
        double r = node.hlrOverR0();
        double worst = 0;
        for (double q0 = 1e-3; q0 < 1e3; q0 *= 1.01) {
            double qh = q0 * r;
            worst = Math.max(worst, Math.abs(node.value(qh * qh) - Math.pow(1 + q0 * q0, -1.5)));
        }
        assertTrue(worst < 1e-7, "n = 1 node: " + worst);
        assertThrows(IllegalArgumentException.class, () -> SersicTables.interpolated(0.2));
        assertThrows(IllegalArgumentException.class, () -> SersicTables.exact(6.3));
    }
}
