package org.megalut.sim.megalut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.megalut.great3.ObservationType.GROUND;
import static org.megalut.great3.ObservationType.SPACE;

import org.apache.commons.math3.distribution.NormalDistribution;
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
            double r = Distribution.G3.halfLightRadius(rng, GROUND);
            double f = Distribution.G3.flux(rng, GROUND);
            assertTrue(r >= 0.75 && r <= 3.0 && f >= 10 && f <= 200);
            meanFluxTrain += Distribution.TRAIN.flux(rng, GROUND) / n;
        }
        assertEquals(55, meanFluxTrain, 1.0);
        assertEquals(0.5, Distribution.TRAIN.sersicIndex(0, 10, GROUND), 0);
        assertEquals(0.5 + 3.5 * 0.9, Distribution.TRAIN.sersicIndex(9, 10, GROUND), 1e-12);
        assertEquals(0.5 + 2.0 * 0.81, Distribution.G3.sersicIndex(9, 10, GROUND), 1e-12);
        assertEquals(Distribution.G3, Distribution.byName("g3"));
        assertThrows(IllegalArgumentException.class, () -> Distribution.byName("cosmos"));
    }

    @Test
    void spaceVariantsFollowMegalut() {
        // MegaLUT's space variants, in 0.05" pixels: G3 hlr TN(2.5, 3.5, [1.25, 10]), flux TN(0, 30, [10, 200]),
        // n to 4; train hlr U(1.25, 10); uni hlr U(0.1, 10); fluxes of train and uni as on the ground.
        UniformRandomProvider rng = RandomStreams.stream(5);
        int n = 40_000;
        double meanTrainHlr = 0;
        double minG3Hlr = Double.MAX_VALUE;
        double maxG3Hlr = 0;
        double meanG3Flux = 0;
        for (int i = 0; i < n; i++) {
            double r = Distribution.G3.halfLightRadius(rng, SPACE);
            minG3Hlr = Math.min(minG3Hlr, r);
            maxG3Hlr = Math.max(maxG3Hlr, r);
            double f = Distribution.G3.flux(rng, SPACE);
            assertTrue(f >= 10 && f <= 200, "flux " + f);
            meanG3Flux += f / n;
            meanTrainHlr += Distribution.TRAIN.halfLightRadius(rng, SPACE) / n;
            double u = Distribution.UNI.halfLightRadius(rng, SPACE);
            assertTrue(u >= 0.1 && u <= 10, "uni hlr " + u);
        }
        assertTrue(minG3Hlr >= 1.25 && minG3Hlr < 1.3 && maxG3Hlr <= 10 && maxG3Hlr > 9.5, minG3Hlr + " " + maxG3Hlr);
        assertEquals((1.25 + 10) / 2, meanTrainHlr, 0.05);
        // Mean of N(0, 30²) truncated to [10, 200]: μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α)), α = 1/3, β = 20/3.
        double alpha = 1.0 / 3;
        double phiAlpha = Math.exp(-alpha * alpha / 2) / Math.sqrt(2 * Math.PI);
        double tail = 1 - new NormalDistribution().cumulativeProbability(alpha);
        assertEquals(30 * phiAlpha / tail, meanG3Flux, 0.4);
        assertEquals(0.5 + 3.5 * 0.81, Distribution.G3.sersicIndex(9, 10, SPACE), 1e-12);
        assertEquals(Distribution.TRAIN.sersicIndex(9, 10, GROUND), Distribution.TRAIN.sersicIndex(9, 10, SPACE), 0);
    }

    @Test
    void bulgeDiskDistributionsShareTheSersicRulesAndOnlyTheyDrawBulges() {
        assertEquals(Distribution.G3BD, Distribution.byName("g3bd"));
        assertEquals(Distribution.TRAINBD, Distribution.byName("trainBD"));
        assertEquals(Distribution.G3.sersicIndex(7, 10, GROUND), Distribution.G3BD.sersicIndex(7, 10, GROUND), 0);
        assertEquals(Distribution.TRAIN.sersicIndex(7, 10, GROUND), Distribution.TRAINBD.sersicIndex(7, 10, GROUND), 0);
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
