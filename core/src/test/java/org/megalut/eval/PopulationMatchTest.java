package org.megalut.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.megalut.random.RandomStreams;

class PopulationMatchTest {

    @Test
    void distanceIsTheLargestGapBetweenTheEmpiricalDistributionsTiesIncluded() {
        // F_obs: 2/3 at 1, 1 at 2; F_sim: 1/3 at 1, 1 at 2 -> D = 1/3 (both jump at the tied values).
        PopulationMatch.FeatureDistance d = PopulationMatch.distance("f", new double[] {1, 1, 2}, new double[] {2, 1, 2});
        assertEquals(1.0 / 3, d.ks(), 1e-12);
        // Disjoint samples are as far apart as can be.
        assertEquals(1.0, PopulationMatch.distance("f", new double[] {0, 1}, new double[] {5, 6, 7}).ks(), 0);
        // Failed measurements (NaN) are left out, not counted as values.
        PopulationMatch.FeatureDistance n = PopulationMatch.distance("f", new double[] {1, Double.NaN, 2},
                new double[] {1, 2, Double.POSITIVE_INFINITY});
        assertEquals(0.0, n.ks(), 0);
        assertEquals(2, n.nObs());
        assertEquals(2, n.nSim());
    }

    @Test
    void shiftedGaussianGivesTheAnalyticDistanceAndIsFlaggedWhileEqualPopulationsAreNot() {
        UniformRandomProvider rng = RandomStreams.stream(7, RandomStreams.label("population-match-test"));
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 20_000;
        double[] a = new double[n];
        double[] b = new double[2 * n];
        double[] shifted = new double[2 * n];
        for (int i = 0; i < n; i++) {
            a[i] = normal.sample();
        }
        for (int i = 0; i < 2 * n; i++) {
            b[i] = normal.sample();
            shifted[i] = normal.sample() + 0.5;
        }
        // Two unit Gaussians a shift δ apart: D = 2Φ(δ/2) − 1 = 0.1974 for δ = 0.5.
        PopulationMatch.FeatureDistance far = PopulationMatch.distance("x", a, shifted);
        assertEquals(0.19741, far.ks(), 0.015);
        assertTrue(far.mismatch(0.1));
        PopulationMatch.FeatureDistance same = PopulationMatch.distance("x", a, b);
        assertEquals(1.628 * Math.sqrt(1.5 / n), same.critical99(), 1e-4);
        assertTrue(same.ks() < same.critical99(), "same population: D = " + same.ks());
        assertFalse(same.mismatch(0.0), "a difference within sampling noise is not a mismatch");
    }

    @Test
    void subfieldKeepsTheGivenFeatureOrderAndNamesTheWorst() {
        Map<String, double[]> obs = Map.of("a", new double[] {1, 2, 3}, "b", new double[] {1, 2, 3},
                "c", new double[] {1});
        Map<String, double[]> sim = Map.of("a", new double[] {1, 2, 3}, "b", new double[] {7, 8, 9});
        PopulationMatch.SubfieldDistances s = PopulationMatch.of(4, List.of("b", "a", "c"), obs, sim);
        assertEquals(List.of("b", "a"), s.features().stream().map(PopulationMatch.FeatureDistance::feature).toList());
        assertEquals("b", s.worst().feature());
        assertEquals(0, s.mismatches(1.0).size());
    }

    @Test
    void aSampleWithoutFiniteValuesIsAnErrorNamingTheFeature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PopulationMatch.distance("adamom_rho4", new double[] {Double.NaN}, new double[] {1}));
        assertTrue(e.getMessage().contains("adamom_rho4") && e.getMessage().contains("observed"), e.getMessage());
    }
}
