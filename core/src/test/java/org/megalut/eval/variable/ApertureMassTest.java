package org.megalut.eval.variable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApertureMassTest {
    // Bins of width 1 in ln r with nominal centres e^0.5 and e^1.5.
    private static final AngularBins TWO = new AngularBins(1.0, Math.exp(2), 2);
    private static final double E = Math.exp(-0.25);

    private static ShearCorrelation xi(double[] xip, double[] xim, double[] varXi) {
        return new ShearCorrelation(TWO, new double[] {0.5, 1.5}, xip, xim, new double[2], new double[] {1, 1},
                new long[] {1, 1}, varXi);
    }

    @Test
    void xiPlusAloneFeedsEAndBAlike() {
        ApertureMass m = ApertureMass.of(xi(new double[] {1, 0}, new double[] {0, 0}, new double[] {1, 0}));
        // R = r̄ for bin 0: s = 1, T+(1) = 17/128 e^{-1/4}, T-(1) = 1/128 e^{-1/4}.
        assertEquals(0.5 * 17 / 128 * E, m.mapE()[0], 1e-15);
        assertEquals(0.5 * 17 / 128 * E, m.mapB()[0], 1e-15);
        assertEquals(0.5 * E * Math.sqrt(17 * 17 + 1) / 128, m.sigMap()[0], 1e-15);
        // R = e^1.5 for bin 0's pairs at e^0.5: s = 1/e.
        double s2 = Math.exp(-2);
        double tp = (s2 * s2 - 16 * s2 + 32) / 128 * Math.exp(-s2 / 4);
        assertEquals(0.5 * s2 * tp, m.mapE()[1], 1e-15);
        assertEquals(Math.exp(0.5), m.theta()[0], 1e-12);
        assertEquals(Math.exp(1.5), m.theta()[1], 1e-12);
    }

    @Test
    void xiMinusAloneHasOppositeSignsInEAndB() {
        ApertureMass m = ApertureMass.of(xi(new double[] {0, 0}, new double[] {0, 2}, new double[] {0, 0}));
        assertEquals(0.5 * 2.0 / 128 * E, m.mapE()[1], 1e-15);
        assertEquals(-0.5 * 2.0 / 128 * E, m.mapB()[1], 1e-15);
        // s = e for bin 1's pairs seen from R = e^0.5: s² T−(s) = e⁶/128 e^{−e²/4}.
        double s2 = Math.exp(2);
        assertEquals(0.5 * 2 * s2 * s2 * s2 / 128 * Math.exp(-s2 / 4), m.mapE()[0], 1e-15);
        assertEquals(0.0, m.sigMap()[0]);
    }

    @Test
    void great3ThetasAreTheMetricsExpectedOnes() {
        double[] expected = {0.0246, 0.0372, 0.0563, 0.0853, 0.1290, 0.1953, 0.2955, 0.4472, 0.6768, 1.0242,
            1.5499, 2.3455, 3.5495, 5.3716, 8.1289};
        for (int k = 0; k < 15; k++) {
            assertEquals(expected[k], AngularBins.GREAT3.nominalR(k), 1e-4);
            assertEquals(expected[k], VariableShearMetric.EXPECTED_THETA.get(k), 0.0);
        }
    }
}
