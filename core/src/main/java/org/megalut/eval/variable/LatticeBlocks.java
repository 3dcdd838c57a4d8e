package org.megalut.eval.variable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A field's galaxies split into square blocks of the lattice, for summing its pairs block pair by block
 * pair ({@link LatticeShearCorrelator#autoSums} within a block, {@link LatticeShearCorrelator#crossSums}
 * between two): every unordered pair of galaxies falls in exactly one block pair (i ≤ j).
 */
public final class LatticeBlocks {
    private LatticeBlocks() { }

    /**
     * The non-empty blocks of {@code blockSide} × {@code blockSide} lattice points, in the order of their
     * block row, then block column; galaxies keep their input order within a block.
     *
     * @throws IllegalArgumentException if blockSide &lt; 1
     */
    public static List<List<ShearGalaxy>> split(List<ShearGalaxy> galaxies, int blockSide) {
        if (blockSide < 1) {
            throw new IllegalArgumentException("block side must be >= 1 lattice point, got " + blockSide);
        }
        TreeMap<Long, List<ShearGalaxy>> blocks = new TreeMap<>();
        for (ShearGalaxy g : galaxies) {
            long key = ((long) (g.iy() / blockSide) << 32) | (g.ix() / blockSide);
            blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        return new ArrayList<>(blocks.values());
    }
}
