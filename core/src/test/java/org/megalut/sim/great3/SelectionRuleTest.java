package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SelectionRuleTest {

    @Test
    void theRuleKeepsItsIntervalsAndRefusesEmptyOnes() {
        SelectionRule r = new SelectionRule(17, 100, 1.0 / 3);
        assertTrue(r.keeps(17, 1.0 / 3));
        assertTrue(r.keeps(100, 0.9));
        assertFalse(r.keeps(16.99, 0.5));
        assertFalse(r.keeps(100.01, 0.5));
        assertFalse(r.keeps(50, 0.33));
        assertFalse(r.keeps(50, Double.NaN), "a failed resolution measurement rejects");
        assertTrue(new SelectionRule(0, Double.POSITIVE_INFINITY, -1).keeps(1e9, 0), "no cut at all");
        assertEquals("{ snr-min = 17.0000, snr-max = 100.000, min-resolution = 0.333333 }", r.toConfig());
        for (double[] bad : new double[][] {{-1, 100, 0.3}, {17, 17, 0.3}, {17, 10, 0.3}, {17, 100, 1}, {17, 100, Double.NaN},
                {Double.NaN, 100, 0.3}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SelectionRule(bad[0], bad[1], bad[2]));
            assertTrue(e.getMessage().contains("snr-min " + bad[0]), e.getMessage());
        }
    }
}
