package org.megalut.eval.variable;

/**
 * Where a galaxy of a GREAT3 variable-shear branch sits in its field, as GREAT3's public presubmission
 * script reads it from the galaxy ID.
 *
 * <p>A branch has {@value #FIELDS} fields of {@value #SUBFIELDS_PER_FIELD} subfields; field = subfield /
 * 20. The nine-digit ID is SSS·10⁶ + XXX·10³ + YYY: subfield SSS, then the x and y indices of the
 * galaxy on a lattice of {@value #LATTICE_SIZE} points per side over the {@value #FIELD_SIZE_DEG}°
 * field, so position = index · 10°/700 ({@link #SPACING_DEG}). Each subfield is a 100 × 100 grid of
 * spacing 0.1° = 7 lattice steps, shifted by its offset, an integer number of lattice steps in [0, 7)
 * per axis (GREAT3's subfield offsets are k/7 of the 0.1° grid spacing), so the 20 subfields
 * interleave on the same lattice.
 */
public final class FieldLattice {
    /** Fields in a variable-shear branch. */
    public static final int FIELDS = 10;
    /** Subfields in a field. */
    public static final int SUBFIELDS_PER_FIELD = 20;
    /** Galaxies per subfield side. */
    public static final int GRID = 100;
    /** Lattice steps per subfield grid spacing (GREAT3's subfield grid subsampling). */
    public static final int SUBSAMPLING = 7;
    /** Lattice points per field side. */
    public static final int LATTICE_SIZE = GRID * SUBSAMPLING;
    /** Field side [deg]. */
    public static final double FIELD_SIZE_DEG = 10.0;
    /** Lattice spacing [deg]. */
    public static final double SPACING_DEG = FIELD_SIZE_DEG / LATTICE_SIZE;

    private static final long SUBFIELD_FACTOR = 1_000_000L;
    private static final int INDEX_FACTOR = 1000;

    private FieldLattice() { }

    /**
     * A decoded galaxy ID.
     *
     * @param subfield GREAT3 subfield index (0-based)
     * @param ix       x lattice index in [0, 1000)
     * @param iy       y lattice index in [0, 1000)
     */
    public record Position(int subfield, int ix, int iy) {
        /** The position's field: subfield / 20. */
        public int field() {
            return subfield / SUBFIELDS_PER_FIELD;
        }

        /** Field x [deg]: ix · 10°/700. */
        public double xDeg() {
            return ix * SPACING_DEG;
        }

        /** Field y [deg]: iy · 10°/700. */
        public double yDeg() {
            return iy * SPACING_DEG;
        }
    }

    /**
     * The position of a galaxy ID.
     *
     * @throws IllegalArgumentException for a negative ID or one of more than nine digits
     */
    public static Position decode(long id) {
        if (id < 0 || id >= 1000 * SUBFIELD_FACTOR) {
            throw new IllegalArgumentException("a variable-shear galaxy ID has at most 9 digits and is >= 0, got " + id);
        }
        int subfield = (int) (id / SUBFIELD_FACTOR);
        int rest = (int) (id % SUBFIELD_FACTOR);
        return new Position(subfield, rest / INDEX_FACTOR, rest % INDEX_FACTOR);
    }

    /**
     * The ID of a galaxy at lattice point (ix, iy) of a subfield: the inverse of {@link #decode}.
     *
     * @throws IllegalArgumentException if an index is outside [0, 1000) or the subfield outside [0, 1000)
     */
    public static long encode(int subfield, int ix, int iy) {
        requireRange("subfield", subfield, 1000);
        requireRange("x lattice index", ix, INDEX_FACTOR);
        requireRange("y lattice index", iy, INDEX_FACTOR);
        return subfield * SUBFIELD_FACTOR + (long) ix * INDEX_FACTOR + iy;
    }

    /**
     * The lattice index of the galaxy at grid column (or row) {@code k} of a subfield whose offset along
     * that axis is {@code offsetSteps} lattice steps: 7k + offsetSteps.
     *
     * @throws IllegalArgumentException if k is outside [0, 100) or the offset outside [0, 7)
     */
    public static int latticeIndex(int k, int offsetSteps) {
        requireRange("grid index", k, GRID);
        requireRange("offset in lattice steps", offsetSteps, SUBSAMPLING);
        return SUBSAMPLING * k + offsetSteps;
    }

    /**
     * A subfield offset [deg] in lattice steps: offset / (10°/700), which must be an integer in [0, 7)
     * to within 1e-6 step.
     *
     * @throws IllegalArgumentException naming the offset when it is not on the lattice
     */
    public static int offsetSteps(double offsetDeg) {
        double steps = offsetDeg / SPACING_DEG;
        long k = Math.round(steps);
        if (Math.abs(steps - k) > 1e-6 || k < 0 || k >= SUBSAMPLING) {
            throw new IllegalArgumentException("subfield offset " + offsetDeg + " deg is not k·" + SPACING_DEG
                    + " deg with k an integer in [0, " + SUBSAMPLING + ")");
        }
        return (int) k;
    }

    private static void requireRange(String what, int value, int end) {
        if (value < 0 || value >= end) {
            throw new IllegalArgumentException(what + " must be in [0, " + end + "), got " + value);
        }
    }
}
