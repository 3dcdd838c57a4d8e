package org.megalut.sim.megalut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.megalut.random.RandomStreams;

/**
 * The truncated normal sampler against the exact truncated-normal law: its CDF (Kolmogorov–Smirnov), mean and
 * variance, for intervals far in either tail and narrow around the mode, where plain rejection cannot draw.
 */
class SamplersTest {
    private static final int N = 20_000;

    private static UniformRandomProvider rng(int k) {
        return RandomStreams.stream(5, k, RandomStreams.label("samplers-test"));
    }

    @Test
    void farTailsAndNarrowIntervalsFollowTheTruncatedNormal() {
        // a fitted decreasing size law (mass ~1e-22 of its normal in the interval), its mirror, a narrow interval
        checkLaw(-56.3406, 5.877, 0.75, 8.0, 1);
        checkLaw(60, 5, 0, 10, 2);
        checkLaw(0, 1, -0.005, 0.01, 3);
        // a tail interval both far and wide: the exponential proposal; a short one: the uniform proposal
        checkLaw(0, 1, 4, 30, 4);
        checkLaw(0, 1, 3, 3.3, 5);
    }

    @Test
    void lawsWithMostOfTheirMassInTheIntervalDrawAsPlainRejectionDoes() {
        // MegaLUT's G3 size law: the same values, draw for draw, as rejecting normal draws outside the bounds
        UniformRandomProvider a = rng(10);
        UniformRandomProvider b = rng(10);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(b);
        for (int i = 0; i < 1000; i++) {
            double expected;
            do {
                expected = 1.0 + 0.8 * g.sample();
            } while (expected < 0.75 || expected > 3.0);
            assertEquals(expected, Samplers.truncatedNormal(a, 1.0, 0.8, 0.75, 3.0), 0, "draw " + i);
            g = ZigguratSampler.NormalizedGaussian.of(b);
        }
    }

    private static void checkLaw(double mu, double sigma, double lo, double hi, int stream) {
        UniformRandomProvider r = rng(stream);
        double[] x = new double[N];
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < N; i++) {
            x[i] = Samplers.truncatedNormal(r, mu, sigma, lo, hi);
            assertTrue(x[i] >= lo && x[i] <= hi, x[i] + " outside [" + lo + ", " + hi + "]");
            sum += x[i];
            sum2 += x[i] * x[i];
        }
        double a = (lo - mu) / sigma;
        double b = (hi - mu) / sigma;
        double z = Samplers.mass(a, b);
        double m = (phi(a) - phi(b)) / z;
        double var = 1 + (a * phi(a) - b * phi(b)) / z - m * m;
        double mean = sum / N;
        double sd = sigma * Math.sqrt(var);
        String law = "N(" + mu + ", " + sigma + "^2) on [" + lo + ", " + hi + "]";
        assertEquals(mu + sigma * m, mean, 4 * sd / Math.sqrt(N), law + " mean");
        assertEquals(sd * sd, sum2 / N - mean * mean, 0.05 * sd * sd, law + " variance");
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < N; i++) {
            double cdf = Samplers.mass(a, (x[i] - mu) / sigma) / z;
            d = Math.max(d, Math.max(Math.abs(cdf - i / (double) N), Math.abs(cdf - (i + 1) / (double) N)));
        }
        // 1 % critical value of the one-sample KS statistic: 1.63/sqrt(N)
        assertTrue(d < 1.63 / Math.sqrt(N), law + ": KS distance " + d);
    }

    private static double phi(double u) {
        return Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
    }
}
