package org.megalut.sim.great3;

import java.io.Serializable;

/**
 * One parametric galaxy of a GREAT3-like branch, before shear: a de Vaucouleurs bulge plus an
 * exponential disk, or a single Sérsic profile (then {@code bulgeFraction} is 1 and the bulge slots hold
 * the Sérsic). Each component has its own axis ratio and position angle. Sizes are half-light radii
 * along the circularised profile [arcsec]; flux in ADU.
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
 */
public record GalaxyParams(double flux, double bulgeFraction, double bulgeN, double bulgeHlr, double bulgeQ,
                           double bulgeBeta, double diskHlr, double diskQ, double diskBeta)
        implements Serializable {

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

    /** The same galaxy rotated by an angle [rad] (both components): how 90° twins are made. */
    public GalaxyParams rotated(double angle) {
        return new GalaxyParams(flux, bulgeFraction, bulgeN, bulgeHlr, bulgeQ, bulgeBeta + angle, diskHlr, diskQ,
                diskBeta + angle);
    }

    /** Flux-weighted half-light radius [arcsec] (a summary for catalogues, not a profile parameter). */
    public double meanHlr() {
        return singleSersic() ? bulgeHlr : bulgeFraction * bulgeHlr + (1 - bulgeFraction) * diskHlr;
    }
}
