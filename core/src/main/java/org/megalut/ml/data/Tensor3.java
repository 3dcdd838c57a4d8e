package org.megalut.ml.data;

/**
 * A dense 3-D array of doubles indexed (realization, row, case), stored flat in C order (case fastest):
 * element (r, i, c) is at {@code (r * rows + i) * cases + c}.
 *
 * <p>This is Tenbilac's layout for inputs X[r][f][c], aux inputs A[r][l][c] and predictions Y[r][o][c].
 * Keeping a realization's values of one row contiguous over cases lets the layer loops run over long
 * unit-stride vectors. The backing array is shared, not copied: treat a tensor as a buffer owned by
 * whoever created it.
 */
public final class Tensor3 {
    private final int realizations;
    private final int rows;
    private final int cases;
    private final double[] data;

    /** A zero tensor. */
    public Tensor3(int realizations, int rows, int cases) {
        this(realizations, rows, cases, new double[checkedSize(realizations, rows, cases)]);
    }

    /**
     * Wraps a flat C-order array (not copied).
     *
     * @throws IllegalArgumentException if the length does not match the shape
     */
    public Tensor3(int realizations, int rows, int cases, double[] data) {
        int n = checkedSize(realizations, rows, cases);
        if (data.length != n) {
            throw new IllegalArgumentException("tensor data has " + data.length + " values, expected "
                    + realizations + "x" + rows + "x" + cases + " = " + n);
        }
        this.realizations = realizations;
        this.rows = rows;
        this.cases = cases;
        this.data = data;
    }

    private static int checkedSize(int realizations, int rows, int cases) {
        if (realizations <= 0 || rows <= 0 || cases <= 0) {
            throw new IllegalArgumentException("tensor dimensions must be positive, got "
                    + realizations + "x" + rows + "x" + cases);
        }
        long n = (long) realizations * rows * cases;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor too large: " + realizations + "x" + rows + "x" + cases);
        }
        return (int) n;
    }

    public int realizations() {
        return realizations;
    }

    public int rows() {
        return rows;
    }

    public int cases() {
        return cases;
    }

    /** The backing array (shared). */
    public double[] data() {
        return data;
    }

    /** Flat index of (r, i, c). */
    public int index(int r, int i, int c) {
        return (r * rows + i) * cases + c;
    }

    public double get(int r, int i, int c) {
        return data[index(r, i, c)];
    }

    public void set(int r, int i, int c, double value) {
        data[index(r, i, c)] = value;
    }

    /** A new tensor holding the given cases, in the given order. */
    public Tensor3 selectCases(int[] caseIndices) {
        Tensor3 out = new Tensor3(realizations, rows, caseIndices.length);
        for (int r = 0; r < realizations; r++) {
            for (int i = 0; i < rows; i++) {
                int src = index(r, i, 0);
                int dst = out.index(r, i, 0);
                for (int k = 0; k < caseIndices.length; k++) {
                    out.data[dst + k] = data[src + caseIndices[k]];
                }
            }
        }
        return out;
    }

    /** A deep copy. */
    public Tensor3 copy() {
        return new Tensor3(realizations, rows, cases, data.clone());
    }
}
