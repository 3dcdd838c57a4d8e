package org.megalut.great3;

import java.io.Serializable;

/**
 * A band of whole stamp rows of a GREAT3 image, and the image rows it needs: the unit of work when a
 * subfield's image is split between tasks (read it with
 * {@link org.megalut.fits.FitsImages#readRows}, then cut stamps with {@link Stamps#stamp}).
 *
 * @param firstStampRow 0-based index of the first stamp row
 * @param stampRows     number of stamp rows, ≥ 1
 * @param stampSize     stamp size in pixels (even; 48 for GREAT3 ground)
 */
public record StampRowBand(int firstStampRow, int stampRows, int stampSize) implements Serializable {

    public StampRowBand {
        Stamps.requireStampSize(stampSize);
        if (firstStampRow < 0 || stampRows < 1) {
            throw new IllegalArgumentException("a band needs firstStampRow >= 0 and stampRows >= 1, got "
                    + firstStampRow + " and " + stampRows);
        }
    }

    /** First image row (0-based) of the band. */
    public int y0() {
        return firstStampRow * stampSize;
    }

    /** Number of image rows of the band. */
    public int nrows() {
        return stampRows * stampSize;
    }

    /** True when the stamp at catalogue row position y lies in this band. */
    public boolean containsPosition(int y) {
        int row = Stamps.stampIndex(y, stampSize);
        return row >= firstStampRow && row < firstStampRow + stampRows;
    }
}
