package org.megalut.sim.great3;

import org.megalut.great3.SubfieldOffset;

/**
 * How the galaxies of one subfield are lensed and identified: the reduced shear, the magnification and the
 * GREAT3 galaxy ID at each grid position, and the subfield's offset within its field.
 */
public interface SubfieldLensing {

    /** The reduced shear (g₁, g₂) applied to the galaxy at grid column {@code column}, row {@code row}. */
    double[] shear(int column, int row);

    /**
     * The magnification μ applied to the galaxy at grid column {@code column}, row {@code row}: lengths
     * × √μ, flux × μ (GalSim's lens(g₁, g₂, μ), as GREAT3 applied it); 1 for constant shear.
     */
    double magnification(int column, int row);

    /** The GREAT3 galaxy ID of grid column {@code column}, row {@code row}. */
    long id(int column, int row);

    /** The subfield's offset in its field, as written to {@code subfield_offset-SSS.yaml} [deg]. */
    SubfieldOffset offset();
}
