package org.megalut.ml.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted normalisation: one (a, b) pair per feature (row of a {@link Tensor3}) or label (row of a
 * {@link Tensor2}), computed over all realizations and cases with non-finite (masked) values ignored.
 * Immutable; stored with the committee and reused at prediction. See {@link NormType} for the formulas.
 */
public final class Normer {
    private final NormType type;
    private final double[] a;
    private final double[] b;

    /**
     * @throws IllegalArgumentException if the arrays differ in length or some b is not finite and non-zero
     */
    public Normer(NormType type, double[] a, double[] b) {
        this.type = Objects.requireNonNull(type, "type");
        if (a.length != b.length) {
            throw new IllegalArgumentException("normer a has " + a.length + " values, b " + b.length);
        }
        for (int i = 0; i < b.length; i++) {
            if (!(Double.isFinite(b[i]) && b[i] != 0.0) || !Double.isFinite(a[i])) {
                throw new IllegalArgumentException("normer " + type.configName() + " row " + i
                        + " has a = " + a[i] + ", b = " + b[i] + " (a constant, empty or fully masked feature?)");
            }
        }
        this.a = a.clone();
        this.b = b.clone();
    }

    /** Fits a normer on each row (feature) of {@code x} over all realizations and cases, skipping NaN/Inf. */
    public static Normer fit(NormType type, Tensor3 x) {
        int rows = x.rows();
        double[][] values = new double[rows][];
        for (int i = 0; i < rows; i++) {
            double[] v = new double[x.realizations() * x.cases()];
            int n = 0;
            for (int r = 0; r < x.realizations(); r++) {
                int base = x.index(r, i, 0);
                for (int c = 0; c < x.cases(); c++) {
                    double val = x.data()[base + c];
                    if (Double.isFinite(val)) {
                        v[n++] = val;
                    }
                }
            }
            values[i] = Arrays.copyOf(v, n);
        }
        return fitRows(type, values);
    }

    /** Fits a normer on each row (label) of {@code t}. */
    public static Normer fit(NormType type, Tensor2 t) {
        double[][] values = new double[t.labels()][];
        for (int l = 0; l < t.labels(); l++) {
            values[l] = Arrays.copyOfRange(t.data(), t.index(l, 0), t.index(l, 0) + t.cases());
        }
        return fitRows(type, values);
    }

    private static Normer fitRows(NormType type, double[][] rows) {
        double[] a = new double[rows.length];
        double[] b = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] v = rows[i];
            if (v.length == 0) {
                throw new IllegalArgumentException("cannot fit normer: row " + i + " has no unmasked values");
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double maxAbs = 0.0;
            double sum = 0.0;
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
                maxAbs = Math.max(maxAbs, Math.abs(x));
                sum += x;
            }
            switch (type) {
                case SA1 -> {
                    a[i] = 0.0;
                    b[i] = maxAbs;
                }
                case MINUS_ONE_ONE, ZERO_ONE -> {
                    a[i] = min;
                    b[i] = max - min;
                }
                case STD -> {
                    double mean = sum / v.length;
                    double ss = 0.0;
                    for (double x : v) {
                        ss += (x - mean) * (x - mean);
                    }
                    a[i] = mean;
                    b[i] = Math.sqrt(ss / v.length);
                }
                default -> throw new IllegalStateException(type.toString());
            }
        }
        return new Normer(type, a, b);
    }

    public NormType type() {
        return type;
    }

    public double[] a() {
        return a.clone();
    }

    public double[] b() {
        return b.clone();
    }

    /** Number of rows (features or labels). */
    public int size() {
        return a.length;
    }

    /** A normalised copy of {@code x}; non-finite (masked) values are copied unchanged. */
    public Tensor3 normalise(Tensor3 x) {
        return map(x, false);
    }

    /** A normalised copy of {@code t}. */
    public Tensor2 normalise(Tensor2 t) {
        // A (label, case) matrix is a one-realization tensor with the same flat layout.
        Tensor3 as3 = new Tensor3(1, t.labels(), t.cases(), t.data());
        return new Tensor2(t.labels(), t.cases(), map(as3, false).data());
    }

    /** A de-normalised copy of {@code y} (rows = outputs). */
    public Tensor3 denormalise(Tensor3 y) {
        return map(y, true);
    }

    private Tensor3 map(Tensor3 x, boolean inverse) {
        checkRows(x.rows());
        Tensor3 out = x.copy();
        double[] d = out.data();
        for (int r = 0; r < x.realizations(); r++) {
            for (int i = 0; i < x.rows(); i++) {
                int base = x.index(r, i, 0);
                for (int c = 0; c < x.cases(); c++) {
                    double v = d[base + c];
                    // Masked (non-finite) entries are left untouched, never computed with.
                    if (Double.isFinite(v)) {
                        d[base + c] = inverse ? type.denormalise(v, a[i], b[i]) : type.normalise(v, a[i], b[i]);
                    }
                }
            }
        }
        return out;
    }

    private void checkRows(int rows) {
        if (rows != a.length) {
            throw new IllegalArgumentException("normer has " + a.length + " rows, data has " + rows);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normer n && n.type == type && Arrays.equals(n.a, a) && Arrays.equals(n.b, b);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(a), Arrays.hashCode(b));
    }

    @Override
    public String toString() {
        return "Normer[" + type.configName() + ", a=" + Arrays.toString(a) + ", b=" + Arrays.toString(b) + "]";
    }
}
