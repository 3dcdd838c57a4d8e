package org.megalut.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationLeakageTest {

    @Test
    void exactLineIsRecoveredWithZeroChi2() {
        double[] e = {-0.02, 0.0, 0.01, 0.03};
        double[] c = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            c[i] = 1e-4 + 0.05 * e[i];
        }
        ValidationLeakage f = ValidationLeakage.fit("g1", e, c, new double[] {1e-5, 2e-5, 1e-5, 3e-5});
        assertEquals(0.05, f.alpha(), 1e-12);
        assertEquals(1e-4, f.c0(), 1e-15);
        assertEquals(0, f.chi2(), 1e-12);
    }

    @Test
    void errorsAndWeightsFollowTheStraightLineFormulas() {
        // Hand computation: e = (0, 1, 2), σ = (1, 1, 0.5) -> w = (1, 1, 4): S = 6, S_x = 9, S_xx = 17,
        // Δ = 6·17 − 81 = 21, var α = 6/21, var c₀ = 17/21. c = (0, 2, 1): S_y = 6, S_xy = 10,
        // α = (6·10 − 9·6)/21 = 2/7, c₀ = (17·6 − 9·10)/21 = 4/7.
        ValidationLeakage f = ValidationLeakage.fit("g2", new double[] {0, 1, 2}, new double[] {0, 2, 1},
                new double[] {1, 1, 0.5});
        assertEquals(2.0 / 7, f.alpha(), 1e-12);
        assertEquals(4.0 / 7, f.c0(), 1e-12);
        assertEquals(Math.sqrt(6.0 / 21), f.alphaError(), 1e-12);
        assertEquals(Math.sqrt(17.0 / 21), f.c0Error(), 1e-12);
        // residuals: 0 − 4/7, 2 − 6/7, (1 − 8/7)/0.5 -> χ² = 16/49 + 64/49 + 4/49 = 84/49
        assertEquals(84.0 / 49, f.chi2(), 1e-12);
    }

    @Test
    void tooFewSubfieldsOrNoPsfVariationGiveNaN() {
        assertTrue(Double.isNaN(ValidationLeakage.fit("g1", new double[] {0, 1}, new double[] {0, 1},
                new double[] {1, 1}).alpha()));
        assertTrue(Double.isNaN(ValidationLeakage.fit("g1", new double[] {0.01, 0.01, 0.01}, new double[] {0, 1, 2},
                new double[] {1, 1, 1}).alpha()));
        assertThrows(IllegalArgumentException.class, () -> ValidationLeakage.fit("g1", new double[] {0, 1, 2},
                new double[] {0, 1, 2}, new double[] {1, 0, 1}));
    }

    @Test
    void componentsPairWithTheirOwnPsfComponent() {
        List<ValidationLeakage.Point> points = List.of(
                new ValidationLeakage.Point(0, -0.01, 0.02, -0.001, 1e-5, 0.0004, 1e-5),
                new ValidationLeakage.Point(1, 0.00, 0.00, 0.0, 1e-5, 0.0, 1e-5),
                new ValidationLeakage.Point(2, 0.02, -0.01, 0.002, 1e-5, -0.0002, 1e-5));
        List<ValidationLeakage> fits = ValidationLeakage.fit(points);
        assertEquals(0.1, fits.get(0).alpha(), 1e-9);
        assertEquals(0.02, fits.get(1).alpha(), 1e-9);
    }
}
