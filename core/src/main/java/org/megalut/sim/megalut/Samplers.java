package org.megalut.sim.megalut;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** The elementary distributions of MegaLUT's simulation parameters. */
public final class Samplers {

    private Samplers() { }

    /**
     * MegaLUT's "contracted Rayleigh" ellipticity modulus: r ~ Rayleigh(σ), g = r / (1 + (r/max)^p)^{1/p},
     * which stays below max and behaves as Rayleigh(σ) for small r.
     */
    public static double contractedRayleigh(UniformRandomProvider rng, double sigma, double max, double p) {
        double r = sigma * Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
        return r / Math.pow(1 + Math.pow(r / max, p), 1 / p);
    }

    /** N(μ, σ²) restricted to [lo, hi], by rejection. */
    public static double truncatedNormal(UniformRandomProvider rng, double mu, double sigma, double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("empty truncation interval [" + lo + ", " + hi + "]");
        }
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < 1_000_000; i++) {
            double x = mu + sigma * g.sample();
            if (x >= lo && x <= hi) {
                return x;
            }
        }
        throw new IllegalArgumentException("truncated normal N(" + mu + ", " + sigma + "²) on [" + lo + ", " + hi
                + "] has negligible mass");
    }

    /** U(lo, hi). */
    public static double uniform(UniformRandomProvider rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
