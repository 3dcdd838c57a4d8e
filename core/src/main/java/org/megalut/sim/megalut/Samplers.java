package org.megalut.sim.megalut;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** The elementary distributions of MegaLUT's simulation parameters. */
public final class Samplers {

    private static final double SQRT2 = Math.sqrt(2);

    private Samplers() { }

    /**
     * MegaLUT's "contracted Rayleigh" ellipticity modulus: r ~ Rayleigh(σ), g = r / (1 + (r/max)^p)^{1/p},
     * which stays below max and behaves as Rayleigh(σ) for small r.
     */
    public static double contractedRayleigh(UniformRandomProvider rng, double sigma, double max, double p) {
        double r = sigma * Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
        return r / Math.pow(1 + Math.pow(r / max, p), 1 / p);
    }

    /**
     * Below this mass of N(μ, σ²) in [lo, hi], {@link #truncatedNormal} leaves plain rejection (about 1/mass normal
     * draws per value) for proposals that fit the interval.
     */
    static final double PLAIN_REJECTION_MIN_MASS = 0.01;

    /**
     * N(μ, σ²) restricted to [lo, hi]. When the interval holds at least {@value #PLAIN_REJECTION_MIN_MASS} of the
     * normal, by rejection of normal draws (the draws of every law the distributions and datasets had before
     * far tails were needed); otherwise, as in Robert (1995, Statistics and Computing 5, 121), with the
     * standardised interval [a, b]: a translated exponential proposal of rate (a + sqrt(a² + 4))/2 when the
     * interval lies in a tail and is wide, a uniform one otherwise, so that a fitted law whose interval is far in
     * the normal's tail (a decreasing or increasing law on [lo, hi]) is drawn at the cost of a few uniform draws.
     */
    public static double truncatedNormal(UniformRandomProvider rng, double mu, double sigma, double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("empty truncation interval [" + lo + ", " + hi + "]");
        }
        double a = (lo - mu) / sigma;
        double b = (hi - mu) / sigma;
        if (mass(a, b) >= PLAIN_REJECTION_MIN_MASS) {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < 1_000_000; i++) {
                double x = mu + sigma * g.sample();
                if (x >= lo && x <= hi) {
                    return x;
                }
            }
            throw new IllegalStateException("truncated normal N(" + mu + ", " + sigma + "²) on [" + lo + ", " + hi
                    + "]: no draw in 1,000,000");
        }
        // the normal is symmetric: draw the upper tail and mirror a lower one
        boolean lower = b <= 0;
        double from = lower ? -b : a;
        double to = lower ? -a : b;
        double z = standardTail(rng, from, to);
        return mu + sigma * (lower ? -z : z);
    }

    /** A standard normal restricted to [a, b], with a ≥ 0 or an interval around 0 of small mass (Robert 1995). */
    private static double standardTail(UniformRandomProvider rng, double a, double b) {
        double rate = (a + Math.sqrt(a * a + 4)) / 2;
        // uniform proposal when the interval is narrow against the normal's local scale there, else exponential
        boolean uniform = a <= 0 || (b - a) * rate <= 1;
        double peak = a > 0 ? a : 0;   // where the density is largest in [a, b]
        for (int i = 0; i < 1_000_000; i++) {
            double z;
            double accept;
            if (uniform) {
                z = a + (b - a) * rng.nextDouble();
                accept = Math.exp(0.5 * (peak * peak - z * z));
            } else {
                z = a - Math.log(1 - rng.nextDouble()) / rate;
                if (z > b) {
                    continue;
                }
                accept = Math.exp(-0.5 * (z - rate) * (z - rate));
            }
            if (rng.nextDouble() <= accept) {
                return z;
            }
        }
        throw new IllegalStateException("standard normal on [" + a + ", " + b + "]: no draw in 1,000,000");
    }

    /** The standard normal's probability in [a, b], accurate in either tail (from the complementary error function). */
    static double mass(double a, double b) {
        if (a >= 0) {
            return 0.5 * (Erf.erfc(a / SQRT2) - Erf.erfc(b / SQRT2));
        }
        if (b <= 0) {
            return 0.5 * (Erf.erfc(-b / SQRT2) - Erf.erfc(-a / SQRT2));
        }
        return 1 - 0.5 * (Erf.erfc(-a / SQRT2) + Erf.erfc(b / SQRT2));
    }

    /** U(lo, hi). */
    public static double uniform(UniformRandomProvider rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
