package org.megalut.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.megalut.image.Image;

/**
 * White Gaussian pixel noise drawn from a caller-supplied deterministic stream.
 *
 * <p>The caller owns the generator and seeds it from the stamp's identity (docs/conventions.md,
 * "Keyed randomness"), so the same stream always gives the same noise. Pixels are visited in storage
 * order (row-major, x fastest), one standard normal deviate each (McFarland's ziggurat from
 * commons-rng).
 */
public final class GaussianNoise {
    private GaussianNoise() {
    }

    /**
     * Adds N(0, sigma²) independently to every pixel of {@code image}.
     *
     * @param sigma standard deviation in image counts, ≥ 0
     * @throws IllegalArgumentException if sigma is negative or not finite
     */
    public static void add(Image image, double sigma, UniformRandomProvider rng) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise sigma must be finite and >= 0, got " + sigma);
        }
        if (sigma == 0) {
            return;
        }
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] pix = image.pixels();
        for (int i = 0; i < pix.length; i++) {
            pix[i] += sigma * normal.sample();
        }
    }

    /**
     * The sigma giving a matched-filter S/N of {@code snr} for a noiseless stamp, as GalSim's
     * addNoiseSNR with preserve_flux: σ² = Σ I²/snr².
     */
    public static double sigmaForSnr(Image noiseless, double snr) {
        if (!(snr > 0)) {
            throw new IllegalArgumentException("S/N must be positive, got " + snr);
        }
        double s = 0;
        for (double v : noiseless.pixels()) {
            s += v * v;
        }
        return Math.sqrt(s) / snr;
    }
}
