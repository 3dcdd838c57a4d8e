package org.megalut.sim.great3;

import java.io.Serializable;

/**
 * The star-forming knots of one galaxy ({@link org.megalut.render.RandomKnots}): how many, the fraction
 * of their component's flux they carry, and the seed of their positions. The component is the disk of a
 * bulge + disk galaxy, or the single Sérsic; the knots are drawn from its light profile and take
 * {@code fraction} of its flux, the smooth profile keeping the rest (GalSim's usage: knots drawn from the
 * disk, plus (1 − f) × disk).
 *
 * @param count    number of knots (0: a smooth galaxy)
 * @param fraction fraction of the component's flux in the knots, in [0, 1); 0 when count is 0
 * @param seed     key of the knots' position stream, in [0, 2^53) so that it is exact in a double
 *                 (the stamp truth travels as doubles); 0 when count is 0
 */
public record KnotParams(int count, double fraction, long seed) implements Serializable {

    /** No knots. */
    public static final KnotParams NONE = new KnotParams(0, 0, 0);

    /** Exclusive upper bound of {@link #seed}: 2^53, the doubles' exact-integer range. */
    public static final long SEED_BOUND = 1L << 53;

    /**
     * @throws IllegalArgumentException for a negative count, a fraction outside [0, 1), a seed outside
     *                                  [0, 2^53), or a fraction or seed without knots
     */
    public KnotParams {
        if (count < 0) {
            throw new IllegalArgumentException("knot count must be >= 0, got " + count);
        }
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("knot flux fraction must be in [0, 1), got " + fraction);
        }
        if (seed < 0 || seed >= SEED_BOUND) {
            throw new IllegalArgumentException("knot seed must be in [0, 2^53), got " + seed);
        }
        if (count == 0 && (fraction != 0 || seed != 0)) {
            throw new IllegalArgumentException("no knots but a fraction " + fraction + " or seed " + seed);
        }
    }

    /** Whether the galaxy has knots. */
    public boolean any() {
        return count > 0;
    }
}
