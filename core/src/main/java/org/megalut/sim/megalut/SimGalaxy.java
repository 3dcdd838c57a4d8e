package org.megalut.sim.megalut;

import java.io.Serializable;

/**
 * One simulated galaxy stamp of a MegaLUT dataset catalog (before the image realizations).
 *
 * @param catalog  catalog index
 * @param galaxy   galaxy index within the catalog (before the rotated copies)
 * @param copy     shape-noise-cancellation copy j (rotated by j·180°/snc in position angle)
 * @param sersicN  Sérsic index (set by the grid row)
 * @param hlr      half-light radius [px]
 * @param flux     flux [ADU]
 * @param g1       intrinsic ellipticity (reduced-shear form), after the copy's rotation
 * @param g2       intrinsic ellipticity, component 2
 * @param s1       applied shear, component 1
 * @param s2       applied shear, component 2
 * @param star     index of the subfield's star stamp used as the PSF (the same for all copies)
 */
public record SimGalaxy(int catalog, int galaxy, int copy, double sersicN, double hlr, double flux, double g1,
                        double g2, double s1, double s2, int star) implements Serializable {
}
