package org.megalut.ml.data;

/**
 * A dense 2-D array of doubles indexed (label, case), flat in C order: (l, c) is at {@code l * cases + c}.
 * This is Tenbilac's layout for targets T[l][c]. The backing array is shared, not copied.
 */
public final class Tensor2 {
    private final int labels;
    private final int cases;
    private final double[] data;

    /** A zero matrix. */
    public Tensor2(int labels, int cases) {
        this(labels, cases, new double[checkedSize(labels, cases)]);
    }

    /**
     * Wraps a flat C-order array (not copied).
     *
     * @throws IllegalArgumentException if the length does not match the shape
     */
    public Tensor2(int labels, int cases, double[] data) {
        int n = checkedSize(labels, cases);
        if (data.length != n) {
            throw new IllegalArgumentException("matrix data has " + data.length + " values, expected "
                    + labels + "x" + cases + " = " + n);
        }
        this.labels = labels;
        this.cases = cases;
        this.data = data;
    }

    private static int checkedSize(int labels, int cases) {
        if (labels <= 0 || cases <= 0) {
            throw new IllegalArgumentException("matrix dimensions must be positive, got " + labels + "x" + cases);
        }
        long n = (long) labels * cases;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix too large: " + labels + "x" + cases);
        }
        return (int) n;
    }

    public int labels() {
        return labels;
    }

    public int cases() {
        return cases;
    }

    /** The backing array (shared). */
    public double[] data() {
        return data;
    }

    public int index(int l, int c) {
        return l * cases + c;
    }

    public double get(int l, int c) {
        return data[index(l, c)];
    }

    public void set(int l, int c, double value) {
        data[index(l, c)] = value;
    }

    /** A new matrix holding the given cases, in the given order. */
    public Tensor2 selectCases(int[] caseIndices) {
        Tensor2 out = new Tensor2(labels, caseIndices.length);
        for (int l = 0; l < labels; l++) {
            for (int k = 0; k < caseIndices.length; k++) {
                out.data[out.index(l, k)] = data[index(l, caseIndices[k])];
            }
        }
        return out;
    }
}
