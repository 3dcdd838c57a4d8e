package org.megalut.sim.megalut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.megalut.random.RandomStreams;

class DistributionTest {

    @Test
    void contractedRayleighIsBoundedAndRayleighLikeAtSmallR() {
        UniformRandomProvider rng = RandomStreams.stream(1);
        int n = 50_000;
        double sumSq = 0;
        double max = 0;
        int small = 0;
        for (int i = 0; i < n; i++) {
            double g = Samplers.contractedRayleigh(rng, 0.2, 0.7, 4);
            max = Math.max(max, g);
            sumSq += g * g;
            if (g < 0.1) {
                small++;
            }
        }
        assertTrue(max < 0.7, "max " + max);
        // P(r < 0.1) for Rayleigh(0.2) is 1 − e^{−1/8}; the contraction barely moves small values.
        assertEquals(1 - Math.exp(-0.125), small / (double) n, 0.01);
        assertTrue(Math.sqrt(sumSq / n) < 0.2 * Math.sqrt(2), "contracted below the Rayleigh rms");
    }

    @Test
    void rangesAndMeansFollowMegalut() {
        UniformRandomProvider rng = RandomStreams.stream(2);
        double meanFluxTrain = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double r = Distribution.G3.halfLightRadius(rng);
            double f = Distribution.G3.flux(rng);
            assertTrue(r >= 0.75 && r <= 3.0 && f >= 10 && f <= 200);
            meanFluxTrain += Distribution.TRAIN.flux(rng) / n;
        }
        assertEquals(55, meanFluxTrain, 1.0);
        assertEquals(0.5, Distribution.TRAIN.sersicIndex(0, 10), 0);
        assertEquals(0.5 + 3.5 * 0.9, Distribution.TRAIN.sersicIndex(9, 10), 1e-12);
        assertEquals(0.5 + 2.0 * 0.81, Distribution.G3.sersicIndex(9, 10), 1e-12);
        assertEquals(Distribution.G3, Distribution.byName("g3"));
        assertThrows(IllegalArgumentException.class, () -> Distribution.byName("cosmos"));
    }

    @Test
    void bulgeDiskDistributionsShareTheSersicRulesAndOnlyTheyDrawBulges() {
        assertEquals(Distribution.G3BD, Distribution.byName("g3bd"));
        assertEquals(Distribution.TRAINBD, Distribution.byName("trainBD"));
        assertEquals(Distribution.G3.sersicIndex(7, 10), Distribution.G3BD.sersicIndex(7, 10), 0);
        assertEquals(Distribution.TRAIN.sersicIndex(7, 10), Distribution.TRAINBD.sersicIndex(7, 10), 0);
        // A single-Sérsic distribution draws nothing for the bulge: the stream is left where it was.
        UniformRandomProvider a = RandomStreams.stream(3);
        UniformRandomProvider b = RandomStreams.stream(3);
        for (Distribution d : new Distribution[] {Distribution.TRAIN, Distribution.G3, Distribution.UNI}) {
            assertEquals(0, d.bulgeFraction(a), 0);
        }
        assertEquals(b.nextLong(), a.nextLong());
        UniformRandomProvider rng = RandomStreams.stream(4);
        int bd = 0;
        for (int i = 0; i < 20_000; i++) {
            double bt = Distribution.G3BD.bulgeFraction(rng);
            if (bt > 0) {
                bd++;
                assertTrue(bt >= 0.1 && bt < 0.9, "B/T " + bt);
            }
        }
        // Binomial(20000, 0.36): σ = 0.0034 on the fraction.
        assertEquals(0.36, bd / 20_000.0, 0.015);
    }
}
