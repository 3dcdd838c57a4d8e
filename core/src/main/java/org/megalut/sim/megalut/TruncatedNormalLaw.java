package org.megalut.sim.megalut;

import java.io.Serializable;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A normal law N(mean, sigma²) truncated to [min, max], the form of MegaLUT's GREAT3-like size and flux
 * distributions, drawn by rejection ({@link Samplers#truncatedNormal}). A dataset may set one in place of
 * its distribution's own size or flux law (for instance one fitted to a branch's observations).
 *
 * @param mean  mean of the untruncated normal (the law's units: px for sizes, ADU for fluxes)
 * @param sigma its standard deviation, positive
 * @param min   lower bound of the drawn values
 * @param max   upper bound, above min
 */
public record TruncatedNormalLaw(double mean, double sigma, double min, double max) implements Serializable {

    public TruncatedNormalLaw {
        if (!Double.isFinite(mean) || !(sigma > 0) || !Double.isFinite(sigma) || !(min < max)
                || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a truncated normal law needs finite mean, sigma > 0 and min < max,"
                    + " found " + this);
        }
    }

    /** Whether x lies within the law's bounds [min, max]. */
    public boolean contains(double x) {
        return x >= min && x <= max;
    }

    /** One value. */
    public double sample(UniformRandomProvider rng) {
        return Samplers.truncatedNormal(rng, mean, sigma, min, max);
    }

    /** The law as the configuration writes it: {@code { mean = …, sigma = …, min = …, max = … }}. */
    public String toConfig() {
        return String.format(Locale.ROOT, "{ mean = %.6g, sigma = %.6g, min = %.6g, max = %.6g }", mean, sigma, min, max);
    }
}
