package org.megalut.sim.great3;

import java.io.Serializable;

/**
 * One parametric galaxy of a GREAT3-like branch, before shear: a de Vaucouleurs bulge plus an
 * exponential disk, or a single Sérsic profile (then {@code bulgeFraction} is 1 and the bulge slots hold
 * the Sérsic). Each component has its own axis ratio and position angle. Sizes are half-light radii
 * along the circularised profile [arcsec]; flux in ADU. The disk (or the single Sérsic) may carry knots
 * of star formation ({@link KnotParams}); {@code flux} is always the total, knots included.
 *
 * @param flux          total flux [ADU]
 * @param bulgeFraction bulge-to-total flux ratio (1 for a single Sérsic)
 * @param bulgeN        Sérsic index of the bulge (4 for bulge+disk) or of the single Sérsic
 * @param bulgeHlr      bulge half-light radius [arcsec]
 * @param bulgeQ        bulge axis ratio b/a
 * @param bulgeBeta     bulge position angle [rad]
 * @param diskHlr       disk half-light radius [arcsec] (0 for a single Sérsic)
 * @param diskQ         disk axis ratio
 * @param diskBeta      disk position angle [rad]
 * @param knots         the knots of the disk (or single Sérsic), {@link KnotParams#NONE} for a smooth galaxy
 */
public record GalaxyParams(double flux, double bulgeFraction, double bulgeN, double bulgeHlr, double bulgeQ,
                           double bulgeBeta, double diskHlr, double diskQ, double diskBeta, KnotParams knots)
        implements Serializable {

    /** A smooth galaxy (no knots). */
    public GalaxyParams(double flux, double bulgeFraction, double bulgeN, double bulgeHlr, double bulgeQ,
                        double bulgeBeta, double diskHlr, double diskQ, double diskBeta) {
        this(flux, bulgeFraction, bulgeN, bulgeHlr, bulgeQ, bulgeBeta, diskHlr, diskQ, diskBeta, KnotParams.NONE);
    }

    /** Bulge half-light radius over disk half-light radius of a bulge+disk galaxy (GREAT3-like). */
    public static final double BULGE_TO_DISK_HLR = 0.5;

    /**
     * The disk half-light radius of a bulge+disk galaxy whose bulge has {@link #BULGE_TO_DISK_HLR} times
     * the disk's radius and whose flux-weighted radius B/T·hlr_b + (1 − B/T)·hlr_d is {@code meanHlr}
     * (the inverse of {@link #meanHlr()}); any length unit.
     *
     * @param bulgeFraction B/T in [0, 1)
     */
    public static double diskHlr(double meanHlr, double bulgeFraction) {
        return meanHlr / (1 - (1 - BULGE_TO_DISK_HLR) * bulgeFraction);
    }

    /** Whether the galaxy is a single Sérsic profile. */
    public boolean singleSersic() {
        return bulgeFraction >= 1.0;
    }

    /**
     * The same galaxy rotated by an angle [rad] (both components, and the knots, which are drawn in the
     * disk's frame): how 90° twins are made.
     */
    public GalaxyParams rotated(double angle) {
        return new GalaxyParams(flux, bulgeFraction, bulgeN, bulgeHlr, bulgeQ, bulgeBeta + angle, diskHlr, diskQ,
                diskBeta + angle, knots);
    }

    /** The same galaxy with the given knots. */
    public GalaxyParams withKnots(KnotParams k) {
        return new GalaxyParams(flux, bulgeFraction, bulgeN, bulgeHlr, bulgeQ, bulgeBeta, diskHlr, diskQ, diskBeta, k);
    }

    /**
     * The galaxy's intrinsic shape as GREAT3's truth catalogues give it ({@code g1_intrinsic},
     * {@code g2_intrinsic}): the reduced shear |g| = (1 − q)/(1 + q) at 2β of the component whose
     * ellipticity the population draws, the disk of a bulge + disk galaxy or the single Sérsic (the
     * bulge's own, rounder shape is left out).
     *
     * @return {g₁, g₂}
     */
    public double[] intrinsicShape() {
        double q = singleSersic() ? bulgeQ : diskQ;
        double beta = singleSersic() ? bulgeBeta : diskBeta;
        double g = (1 - q) / (1 + q);
        return new double[] {g * Math.cos(2 * beta), g * Math.sin(2 * beta)};
    }

    /** Flux-weighted half-light radius [arcsec] (a summary for catalogues, not a profile parameter). */
    public double meanHlr() {
        return singleSersic() ? bulgeHlr : bulgeFraction * bulgeHlr + (1 - bulgeFraction) * diskHlr;
    }
}
