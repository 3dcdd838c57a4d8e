package org.megalut.sim.great3;

import java.io.Serializable;

/**
 * Geometry of a GREAT3-format branch.
 *
 * @param grid       galaxy stamps per side of a subfield image (100 in GREAT3)
 * @param stampSize  stamp size [px] (48 ground, 96 space)
 * @param pixelScale pixel scale [arcsec/px] (0.2 ground, 0.05 space)
 * @param starGrid   star stamps per side of the star field (3)
 */
public record BranchGeometry(int grid, int stampSize, double pixelScale, int starGrid) implements Serializable {

    public BranchGeometry {
        if (grid < 1 || starGrid < 1 || stampSize < 2 || stampSize % 2 != 0 || !(pixelScale > 0)) {
            throw new IllegalArgumentException("invalid branch geometry: grid " + grid + ", stamp " + stampSize
                    + ", scale " + pixelScale + ", star grid " + starGrid + " (stamps must be even)");
        }
    }

    /** GREAT3 ground: 100×100 stamps of 48 px at 0.2″. */
    public static BranchGeometry ground() {
        return new BranchGeometry(100, 48, 0.2, 3);
    }

    /** GREAT3 space single-epoch: 100×100 stamps of 96 px at 0.05″. */
    public static BranchGeometry space() {
        return new BranchGeometry(100, 96, 0.05, 3);
    }

    /** Galaxies per subfield. */
    public int galaxies() {
        return grid * grid;
    }
}
