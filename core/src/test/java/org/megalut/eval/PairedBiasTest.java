package org.megalut.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBiasTest {

    private static GroupedSubfield row(int s, double e1, double e2, double w1, double w2, double t1, double t2) {
        return new GroupedSubfield(s, 100, 100, e1, e2, w1, w2, t1, t2, 0.0, 0.0, 0.0, 0.0, 2.0);
    }

    @Test
    void sharedNoiseCancelsAndTheBiasDifferenceIsExact() {
        Random rng = new Random(3);
        List<GroupedSubfield> a = new ArrayList<>();
        List<GroupedSubfield> b = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            double t1 = 0.05 * (rng.nextDouble() - 0.5);
            double t2 = 0.05 * (rng.nextDouble() - 0.5);
            // A large per-subfield noise common to both runs; run B has Δm = −0.01, Δc = 2e-4 on top.
            double n1 = 0.003 * rng.nextGaussian();
            double n2 = 0.003 * rng.nextGaussian();
            a.add(row(s, t1 + n1, t2 + n2, t1 + n1, t2 + n2, t1, t2));
            b.add(row(s, t1 + n1, t2 + n2, 0.99 * t1 + 2e-4 + n1, 0.99 * t2 + 2e-4 + n2, t1, t2));
        }
        PairedBias w = PairedBias.of(a, b, true);
        assertEquals(-0.01, w.g1().slope(), 1e-12);
        assertEquals(2e-4, w.g1().intercept(), 1e-14);
        assertEquals(-0.01, w.g2().slope(), 1e-12);
        assertTrue(w.g1().slopeError() < 1e-10, "the common noise cancels");
        PairedBias u = PairedBias.of(a, b, false);
        assertEquals(0, u.g1().slope(), 1e-12);
        // Each run alone: m known only to the noise's ~0.03 / sqrt(20 var t) level.
        assertTrue(LineFit.megalut(a.stream().mapToDouble(GroupedSubfield::trueG1).toArray(),
                a.stream().mapToDouble(GroupedSubfield::s1w).toArray()).slopeError() > 0.01);
    }

    @Test
    void differentSubfieldsOrTruthAreErrors() {
        List<GroupedSubfield> a = List.of(row(0, 0, 0, 0, 0, 0.01, 0), row(1, 0, 0, 0, 0, 0.02, 0), row(2, 0, 0, 0, 0, 0.03, 0));
        List<GroupedSubfield> b = List.of(row(0, 0, 0, 0, 0, 0.01, 0), row(1, 0, 0, 0, 0, 0.02, 0), row(3, 0, 0, 0, 0, 0.03, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PairedBias.of(a, b, true));
        assertTrue(e.getMessage().contains("[0, 1, 2]") && e.getMessage().contains("[0, 1, 3]"), e.getMessage());
        List<GroupedSubfield> c = List.of(row(0, 0, 0, 0, 0, 0.01, 0), row(1, 0, 0, 0, 0, 0.02, 0), row(2, 0, 0, 0, 0, 0.04, 0));
        e = assertThrows(IllegalArgumentException.class, () -> PairedBias.of(a, c, true));
        assertTrue(e.getMessage().contains("subfield 2"), e.getMessage());
    }
}
