package org.megalut.great3;

import java.util.ArrayList;
import java.util.List;

import org.megalut.image.Image;

/**
 * GREAT3 postage-stamp geometry: the one place where catalogue positions, stamp indices, stamp
 * pixel ranges and true centres are converted into each other.
 *
 * <p>Convention (GREAT3 handbook; R:great3sims/builder.py): stamps of even size S tile the image;
 * stamp i along an axis covers 0-based pixels [S·i, S·i + S − 1]. The catalogue lists the integer
 * position p = S·i + S/2 − 1 (23 for S = 48), and the stamp around p covers [p − (S/2 − 1), p + S/2].
 * The stamp's true centre, on which GalSim centred the profile, is the pixel corner p + 0.5 in
 * 0-based pixel-centre coordinates.
 */
public final class Stamps {
    private Stamps() {
    }

    /** Catalogue position (0-based pixel) of stamp index i along one axis: S·i + S/2 − 1. */
    public static int catalogPosition(int index, int stampSize) {
        requireStampSize(stampSize);
        if (index < 0) {
            throw new IllegalArgumentException("stamp index must be >= 0, got " + index);
        }
        return stampSize * index + stampSize / 2 - 1;
    }

    /** Stamp index along one axis of a pixel or catalogue position: ⌊p / S⌋. */
    public static int stampIndex(int position, int stampSize) {
        requireStampSize(stampSize);
        return Math.floorDiv(position, stampSize);
    }

    /** True centre of the stamp around catalogue position p, in 0-based pixel-centre coordinates: p + 0.5. */
    public static double trueCenter(int position) {
        return position + 0.5;
    }

    /**
     * Cuts the S×S stamp around catalogue position (x, y): pixels [x − (S/2 − 1), x + S/2] along
     * each axis. The stamp keeps the field's coordinates, so its pixel (x, y) is the field's.
     *
     * @param field the galaxy image or star field, or a band of it (its coordinates must be those of
     *              the full image)
     * @throws IllegalArgumentException naming the position and the field bounds if the stamp is not
     *                                  entirely inside the field
     */
    public static Image stamp(Image field, int x, int y, int stampSize) {
        requireStampSize(stampSize);
        int x0 = x - (stampSize / 2 - 1);
        int y0 = y - (stampSize / 2 - 1);
        if (!field.contains(x0, y0) || !field.contains(x0 + stampSize - 1, y0 + stampSize - 1)) {
            throw new IllegalArgumentException("the " + stampSize + "x" + stampSize + " stamp at catalogue position ("
                    + x + ", " + y + ") covers [" + x0 + ".." + (x0 + stampSize - 1) + "] x [" + y0 + ".."
                    + (y0 + stampSize - 1) + "], which is not inside the image " + field);
        }
        return field.cut(x0, y0, stampSize, stampSize);
    }

    /**
     * Splits {@code gridSize} stamp rows into {@code bandCount} contiguous bands whose sizes differ
     * by at most one, in ascending order. Stamps are never split between bands.
     */
    public static List<StampRowBand> bands(int gridSize, int bandCount, int stampSize) {
        if (bandCount < 1 || bandCount > gridSize) {
            throw new IllegalArgumentException("band count must be in [1, " + gridSize + "], got " + bandCount);
        }
        List<StampRowBand> out = new ArrayList<>(bandCount);
        int first = 0;
        for (int b = 0; b < bandCount; b++) {
            int rows = gridSize / bandCount + (b < gridSize % bandCount ? 1 : 0);
            out.add(new StampRowBand(first, rows, stampSize));
            first += rows;
        }
        return out;
    }

    static void requireStampSize(int stampSize) {
        if (stampSize < 2 || stampSize % 2 != 0) {
            throw new IllegalArgumentException("stamp size must be even and >= 2 (GREAT3 uses 48), got " + stampSize);
        }
    }
}
