package org.megalut.sim.great3;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A parametric stand-in for GREAT3's COSMOS I &lt; 23.5 parametric-fit population after GREAT3's ×0.6
 * size rescaling (the fit catalogue itself is not available here). The distributions reproduce the
 * summary statistics of the GREAT3 reference:
 * <ul>
 *   <li>model: bulge + disk with probability {@code bulgeDiskFraction} (36 % in GREAT3's example
 *       catalogue), else a single Sérsic with ln n ~ N(ln 1.06, 0.47²) (median 1.06, 10–90 %:
 *       0.6–2.0), clamped to [0.3, 6.2];</li>
 *   <li>flux-weighted half-light radius: ln r ~ N(ln 0.25″, 0.47²) (median 0.25″, 10–90 %:
 *       0.15–0.50″); in a bulge+disk galaxy the bulge has half the disk's radius, the two chosen so
 *       that their flux-weighted radius is r ({@link GalaxyParams#diskHlr}), bulge fraction U[0.1, 0.9];</li>
 *   <li>shape of the disk (or Sérsic): |g| = σ sqrt(−2 ln(1−u)) with σ = 0.2455 (median |g| 0.289, mean
 *       0.308), redrawn above 0.9, q = (1−|g|)/(1+|g|), angle U[0, π); the bulge is rounder, q_b ~ U[0.6,
 *       1], at the disk angle + N(0, (10°)²);</li>
 *   <li>flux: 10^(−0.4 (I − 25.94)) ADU (≈ F814W counts/s) with I drawn from dN/dI ∝ 10^(0.3 I) on
 *       [{@code magBright}, {@code magFaint}] (rising galaxy counts).</li>
 * </ul>
 * GREAT3's selection (S/N, resolution) is applied by the branch generator with the subfield's PSF and
 * noise; this class only proposes candidates.
 *
 * <p>The knotted population ({@link #withKnots}) is the same population whose disks (or single Sérsics)
 * carry knots of star formation per {@link KnotRecipe}: the knots are drawn by the branch generator from
 * each candidate's own stream, so that the smooth galaxies of a seed are those of the Sérsic population.
 */
public record GalaxyPopulation(double bulgeDiskFraction, double sersicLogMedianN, double sersicLogSigmaN,
                               double hlrMedian, double hlrLogSigma, double shapeSigma, double magBright,
                               double magFaint, KnotRecipe knots) implements Serializable {

    /** The Sérsic population (no knots). */
    public GalaxyPopulation(double bulgeDiskFraction, double sersicLogMedianN, double sersicLogSigmaN,
                            double hlrMedian, double hlrLogSigma, double shapeSigma, double magBright,
                            double magFaint) {
        this(bulgeDiskFraction, sersicLogMedianN, sersicLogSigmaN, hlrMedian, hlrLogSigma, shapeSigma, magBright,
                magFaint, KnotRecipe.NONE);
    }

    /** Flux zero point: 1 ADU at I = 25.94 (GREAT3 flux units). */
    public static final double ZERO_POINT = 25.94;

    /** Fraction of bulge+disk galaxies in GREAT3's parametric-fit COSMOS catalogue (its example catalogue). */
    public static final double GREAT3_BULGE_DISK_FRACTION = 0.36;

    /** The defaults described above, with magnitudes 20–23.5. */
    public static GalaxyPopulation great3Like() {
        return new GalaxyPopulation(GREAT3_BULGE_DISK_FRACTION, Math.log(1.06), 0.47, 0.25, 0.47, 0.2455, 20.0, 23.5);
    }

    /** The same population with the given knots. */
    public GalaxyPopulation withKnots(KnotRecipe k) {
        return new GalaxyPopulation(bulgeDiskFraction, sersicLogMedianN, sersicLogSigmaN, hlrMedian, hlrLogSigma,
                shapeSigma, magBright, magFaint, k);
    }

    /** One candidate galaxy, without knots (see {@link KnotRecipe#draw}). */
    public GalaxyParams draw(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double flux = Math.pow(10, -0.4 * (magnitude(rng) - ZERO_POINT));
        double hlr = hlrMedian * Math.exp(hlrLogSigma * gauss.sample());
        double g = shapeSigma * Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
        while (g > 0.9) {
            g = shapeSigma * Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
        }
        double q = (1 - g) / (1 + g);
        double beta = Math.PI * rng.nextDouble();
        if (rng.nextDouble() < bulgeDiskFraction) {
            double bt = 0.1 + 0.8 * rng.nextDouble();
            double qb = 0.6 + 0.4 * rng.nextDouble();
            double betaB = beta + Math.toRadians(10) * gauss.sample();
            double diskHlr = GalaxyParams.diskHlr(hlr, bt);
            return new GalaxyParams(flux, bt, 4.0, GalaxyParams.BULGE_TO_DISK_HLR * diskHlr, qb, betaB, diskHlr, q,
                    beta);
        }
        double n = Math.exp(sersicLogMedianN + sersicLogSigmaN * gauss.sample());
        n = Math.max(0.3, Math.min(6.2, n));
        return new GalaxyParams(flux, 1.0, n, hlr, q, beta, 0.0, 1.0, 0.0);
    }

    /** I from dN/dI ∝ 10^(0.3 I) on [magBright, magFaint], by inverting its CDF. */
    private double magnitude(UniformRandomProvider rng) {
        double k = 0.3 * Math.log(10);
        double a = Math.exp(k * magBright);
        double b = Math.exp(k * magFaint);
        return Math.log(a + rng.nextDouble() * (b - a)) / k;
    }
}
