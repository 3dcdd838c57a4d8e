package org.megalut.sim.great3;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.random.RandomStreams;

/**
 * GREAT3's subfield offsets within a variable-shear field: the first subfield of a field at (0, 0), each
 * other one at (k_x, k_y)/7 of the 0.1° grid spacing with k_x, k_y drawn uniformly in 0..6, redrawn until
 * the pair differs from those of the field's earlier subfields, so the 20 subfields of a field sit on 20
 * distinct interleaved grids of the field's lattice. Drawn from the stream (seed, field, "subfield-offsets")
 * alone, so every subfield of a field sees the same draw.
 */
public final class FieldOffsets {
    private static final long PURPOSE = RandomStreams.label("subfield-offsets");

    private FieldOffsets() { }

    /**
     * The offsets of the 20 subfields of a field, in lattice steps: element j is (k_x, k_y) of subfield
     * 20·field + j.
     */
    public static int[][] ofField(long seed, int field) {
        if (field < 0) {
            throw new IllegalArgumentException("field must be >= 0, got " + field);
        }
        UniformRandomProvider rng = RandomStreams.stream(seed, field, PURPOSE);
        int k = FieldLattice.SUBSAMPLING;
        List<Integer> used = new ArrayList<>();
        used.add(0);
        int[][] out = new int[FieldLattice.SUBFIELDS_PER_FIELD][];
        out[0] = new int[] {0, 0};
        for (int j = 1; j < out.length; j++) {
            int kx;
            int ky;
            do {
                kx = rng.nextInt(k);
                ky = rng.nextInt(k);
            } while (used.contains(kx * k + ky));
            used.add(kx * k + ky);
            out[j] = new int[] {kx, ky};
        }
        return out;
    }

    /** The offset (k_x, k_y) of one subfield, in lattice steps. */
    public static int[] ofSubfield(long seed, int subfield) {
        return ofField(seed, subfield / FieldLattice.SUBFIELDS_PER_FIELD)[subfield % FieldLattice.SUBFIELDS_PER_FIELD];
    }
}
