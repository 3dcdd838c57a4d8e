package org.megalut.sim.megalut;

import java.io.Serializable;
import org.megalut.sim.great3.GalaxyParams;

/**
 * One simulated galaxy stamp of a MegaLUT dataset catalog (before the image realizations): a single
 * Sérsic profile, or (bulge fraction &gt; 0) a de Vaucouleurs bulge plus an exponential disk sharing the
 * ellipticity and centre, the bulge with half the disk's half-light radius (see {@link Distribution}).
 *
 * @param catalog       catalog index
 * @param galaxy        galaxy index within the catalog (before the rotated copies)
 * @param copy          shape-noise-cancellation copy j (rotated by j·180°/snc in position angle)
 * @param sersicN       Sérsic index of a single Sérsic (set by the grid row); NaN for a bulge+disk galaxy,
 *                      which has no single index (its components have n = 4 and n = 1)
 * @param bulgeFraction bulge-to-total flux ratio B/T in [0, 1): 0 for a single Sérsic, positive for a
 *                      bulge+disk galaxy
 * @param hlr           half-light radius [px]; of a bulge+disk galaxy, the flux-weighted one
 *                      B/T·{@link #bulgeHlr()} + (1 − B/T)·{@link #diskHlr()}
 * @param flux          flux [ADU] (bulge and disk together)
 * @param g1            intrinsic ellipticity (reduced-shear form), after the copy's rotation
 * @param g2            intrinsic ellipticity, component 2
 * @param s1            applied shear, component 1
 * @param s2            applied shear, component 2
 * @param star          index of the subfield's star stamp used as the PSF (the same for all copies)
 */
public record SimGalaxy(int catalog, int galaxy, int copy, double sersicN, double bulgeFraction, double hlr,
                        double flux, double g1, double g2, double s1, double s2, int star) implements Serializable {

    /**
     * @throws IllegalArgumentException if B/T is outside [0, 1) or a single Sérsic has no finite index
     */
    public SimGalaxy {
        if (!(bulgeFraction >= 0 && bulgeFraction < 1)) {
            throw new IllegalArgumentException("bulge fraction must be in [0, 1), got " + bulgeFraction);
        }
        if (bulgeFraction == 0 && !Double.isFinite(sersicN)) {
            throw new IllegalArgumentException("a single-Sérsic galaxy needs a finite Sérsic index, got " + sersicN);
        }
    }

    /** Whether the galaxy is a bulge plus a disk rather than a single Sérsic. */
    public boolean bulgeDisk() {
        return bulgeFraction > 0;
    }

    /** Disk half-light radius [px] of a bulge+disk galaxy (GREAT3-like rule, {@link GalaxyParams#diskHlr}). */
    public double diskHlr() {
        return GalaxyParams.diskHlr(hlr, bulgeFraction);
    }

    /** Bulge half-light radius [px] of a bulge+disk galaxy: {@link GalaxyParams#BULGE_TO_DISK_HLR} × the disk's. */
    public double bulgeHlr() {
        return GalaxyParams.BULGE_TO_DISK_HLR * diskHlr();
    }
}
