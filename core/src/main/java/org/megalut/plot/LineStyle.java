package org.megalut.plot;

/**
 * How a line is drawn: colour (an index into the panel palette; −1 = next free colour), dashed or
 * solid, faint (thin and translucent: for context lines such as committee members that were not
 * selected) or normal.
 */
public record LineStyle(int colour, boolean isDashed, boolean isFaint) {

    /** Solid, normal, next colour. */
    public static final LineStyle DEFAULT = new LineStyle(-1, false, false);

    /** Solid, normal, palette colour k. */
    public static LineStyle colour(int k) {
        return new LineStyle(k, false, false);
    }

    /** This style, dashed. */
    public LineStyle dashed() {
        return new LineStyle(colour, true, isFaint);
    }

    /** This style, faint. */
    public LineStyle faint() {
        return new LineStyle(colour, isDashed, true);
    }
}
