package org.megalut.ml.data;

/**
 * Which (realization, case) pairs are masked, i.e. excluded from every mean, with the per-case count N_c
 * of unmasked realizations. Following Tenbilac, a realization is masked as a whole when any of its
 * features (or aux inputs) is missing. Immutable.
 */
public final class RealizationMask {
    private final int realizations;
    private final int cases;
    private final boolean[] masked;
    private final int[] unmaskedCount;

    /**
     * @param masked flat (realization, case) array, {@code masked[r * cases + c]}; copied
     */
    public RealizationMask(int realizations, int cases, boolean[] masked) {
        if (masked.length != realizations * cases) {
            throw new IllegalArgumentException("mask has " + masked.length + " entries, expected "
                    + realizations + "x" + cases);
        }
        this.realizations = realizations;
        this.cases = cases;
        this.masked = masked.clone();
        this.unmaskedCount = new int[cases];
        for (int r = 0; r < realizations; r++) {
            for (int c = 0; c < cases; c++) {
                if (!this.masked[r * cases + c]) {
                    unmaskedCount[c]++;
                }
            }
        }
    }

    public int realizations() {
        return realizations;
    }

    public int cases() {
        return cases;
    }

    public boolean isMasked(int r, int c) {
        return masked[r * cases + c];
    }

    /** N_c, the number of unmasked realizations of case c. */
    public int unmaskedCount(int c) {
        return unmaskedCount[c];
    }

    /** Whether any entry is masked. */
    public boolean any() {
        for (boolean m : masked) {
            if (m) {
                return true;
            }
        }
        return false;
    }

    /** The mask of the given cases, in the given order. */
    public RealizationMask selectCases(int[] caseIndices) {
        boolean[] out = new boolean[realizations * caseIndices.length];
        for (int r = 0; r < realizations; r++) {
            for (int k = 0; k < caseIndices.length; k++) {
                out[r * caseIndices.length + k] = masked[r * cases + caseIndices[k]];
            }
        }
        return new RealizationMask(realizations, caseIndices.length, out);
    }
}
