package org.megalut.render;

/**
 * A per-stamp lookup of an axisymmetric transform F(k²), indexed by the bits of the double k², so
 * that the k-grid loop evaluates a cubic instead of a logarithm and a spline (or pow and exp).
 *
 * <p>Each binary octave [2^e, 2^{e+1}) of k² is split into {@value #BINS_PER_OCTAVE} bins that are
 * uniform in the mantissa, so the bin index is the exponent and the top mantissa bits, and the
 * position t ∈ [0, 1) inside the bin is the remaining mantissa bits. In a bin F is the cubic Hermite
 * interpolant of the node values with fourth-order (five-node) derivative estimates. The relative
 * node spacing is at most 1/64 in k², i.e. 0.0078 in ln k, where the transforms are smooth: the
 * interpolation error is a few 1e-9 of the flux (see {@code RadialLookupTest}). Outside the prepared
 * range, and at k = 0, the profile is evaluated directly.
 *
 * <p>Mutable, reused between stamps; not thread-safe.
 */
final class RadialLookup {
    static final int BITS = 6;
    static final int BINS_PER_OCTAVE = 1 << BITS;
    private static final int SHIFT = 52 - BITS;
    private static final long FRAC_MASK = (1L << SHIFT) - 1;
    private static final double FRAC_SCALE = 1.0 / (1L << SHIFT);

    private Profile profile;
    private int eMinBuilt;
    private int eMaxBuilt;
    private long base;
    private int bins;
    private double[] coef = new double[0];
    private double[] nodeX = new double[0];
    private double[] nodeF = new double[0];

    /**
     * Tabulates {@code radial}'s F for k² in [k2min, k2max] (radians/arcsec)², k2min &gt; 0, unless the
     * table already holds an equal profile over the same octaves: the same galaxy drawn again (another
     * realization, rotation or offset) reuses it. The octaves must be the same, not merely cover the
     * range: values outside the table are evaluated directly, so a wider table left by an earlier stamp
     * would interpolate what a fresh one evaluates, and a stamp's pixels would depend (in the last bits)
     * on the stamps drawn before it. (Padding the range to make reuse likelier cost more than it saved.)
     */
    void prepare(Profile radial, double k2min, double k2max) {
        if (!(k2min > 0) || !(k2max >= k2min) || Double.isInfinite(k2max)) {
            throw new IllegalArgumentException("bad k² range [" + k2min + ", " + k2max + "]");
        }
        if (radial.equals(profile) && Math.getExponent(k2min) == eMinBuilt && Math.getExponent(k2max) == eMaxBuilt) {
            return;
        }
        this.profile = radial;
        int eMin = Math.getExponent(k2min);
        int eMax = Math.getExponent(k2max);
        eMinBuilt = eMin;
        eMaxBuilt = eMax;
        bins = (eMax - eMin + 1) * BINS_PER_OCTAVE;
        base = Double.doubleToRawLongBits(Math.scalb(1.0, eMin)) >>> SHIFT;
        int nodes = bins + 5;   // nodes −2 .. bins + 2
        if (nodeX.length < nodes) {
            nodeX = new double[nodes];
            nodeF = new double[nodes];
            coef = new double[4 * (bins + 1)];
        }
        if (coef.length < 4 * bins) {
            coef = new double[4 * bins];
        }
        for (int m = -2; m <= bins + 2; m++) {
            int e = eMin + Math.floorDiv(m, BINS_PER_OCTAVE);
            int k = Math.floorMod(m, BINS_PER_OCTAVE);
            double x = Math.scalb(1.0 + (double) k / BINS_PER_OCTAVE, e);
            nodeX[m + 2] = x;
            nodeF[m + 2] = radial.radialKValue(x);
        }
        double dPrev = derivative(2);
        for (int m = 0; m < bins; m++) {
            double dNext = derivative(m + 3);
            double f0 = nodeF[m + 2];
            double f1 = nodeF[m + 3];
            double w = nodeX[m + 3] - nodeX[m + 2];
            int p = 4 * m;
            coef[p] = f0;
            coef[p + 1] = w * dPrev;
            coef[p + 2] = 3 * (f1 - f0) - 2 * w * dPrev - w * dNext;
            coef[p + 3] = 2 * (f0 - f1) + w * dPrev + w * dNext;
            dPrev = dNext;
        }
    }

    /**
     * dF/dk² at stored node i: the derivative of the quartic through nodes i−2..i+2 (fourth order,
     * any spacing, so octave boundaries need no special case).
     */
    private double derivative(int i) {
        double h = nodeX[i + 1] - nodeX[i];
        if (nodeX[i] - nodeX[i - 1] == h && nodeX[i + 2] - nodeX[i + 1] == h && nodeX[i - 1] - nodeX[i - 2] == h) {
            // equal spacing (nodes are exact binary fractions, so inside an octave the test is exact)
            return (nodeF[i - 2] - 8 * nodeF[i - 1] + 8 * nodeF[i + 1] - nodeF[i + 2]) / (12 * h);
        }
        double xi = nodeX[i];
        double d = 0;
        for (int a = i - 2; a <= i + 2; a++) {
            double w;
            if (a == i) {
                w = 0;
                for (int b = i - 2; b <= i + 2; b++) {
                    if (b != i) {
                        w += 1 / (xi - nodeX[b]);
                    }
                }
            } else {
                double num = 1;
                double den = 1;
                for (int b = i - 2; b <= i + 2; b++) {
                    if (b != a) {
                        den *= nodeX[a] - nodeX[b];
                        if (b != i) {
                            num *= xi - nodeX[b];
                        }
                    }
                }
                w = num / den;
            }
            d += w * nodeF[a];
        }
        return d;
    }

    /** Kept out of {@link #value} so that the fast path stays small enough to inline. */
    private double outside(double k2) {
        return profile.radialKValue(k2);
    }

    /**
     * Fills out[jj] = scale·F(c·(a + j(b + c2·j))) for j = jj − half, jj = 0..count−1: one row of
     * the k-grid, where the quadratic form is |Jᵀk|² along the row. A separate small method so
     * that the JIT compiles this loop on its own.
     */
    void fillRow(double[] out, int count, int half, double a, double b, double c2, double c, double scale) {
        for (int jj = 0; jj < count; jj++) {
            int j = jj - half;
            out[jj] = scale * value(c * (a + j * (b + c2 * j)));
        }
    }

    /** As {@link #fillRow} but adds to out (further terms of a sum). */
    void addRow(double[] out, int count, int half, double a, double b, double c2, double c, double scale) {
        for (int jj = 0; jj < count; jj++) {
            int j = jj - half;
            out[jj] += scale * value(c * (a + j * (b + c2 * j)));
        }
    }

    /** F(k²). */
    double value(double k2) {
        long bits = Double.doubleToRawLongBits(k2);
        long idx = (bits >>> SHIFT) - base;
        if (idx < 0 || idx >= bins) {
            return outside(k2);
        }
        double t = (bits & FRAC_MASK) * FRAC_SCALE;
        int p = 4 * (int) idx;
        return coef[p] + t * (coef[p + 1] + t * (coef[p + 2] + t * coef[p + 3]));
    }
}
