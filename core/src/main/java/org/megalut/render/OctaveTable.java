package org.megalut.render;

import java.util.function.DoubleUnaryOperator;

/**
 * Piecewise-cubic tables of a smooth positive-argument function f(x) on binary octaves, laid out so
 * that a lookup needs no logarithm: each octave [2^e, 2^{e+1}) of x is split into
 * {@value #BINS_PER_OCTAVE} bins uniform in the mantissa, so the bin of x is read off the bits of the
 * double x (exponent and top {@value #BITS} mantissa bits) and the position t ∈ [0, 1) inside the bin
 * is the remaining mantissa bits. In a bin, f is the cubic Hermite interpolant
 * c₀ + t(c₁ + t(c₂ + t c₃)) of the node values with fourth-order (five-node) derivative estimates.
 * The relative node spacing is at most 1/64 in x, 1/128 in √x: for the Fourier transforms of galaxy
 * profiles as functions of k² the interpolation error is a few 1e-9 of the flux (RadialLookupTest).
 *
 * <p>A table of octaves e₀..e₁ is the array of 4·{@link #bins}(e₀, e₁) coefficients, bin-major; bin m
 * starts at x = 2^{e₀ + ⌊m/64⌋}(1 + (m mod 64)/64). Tables over the same octaves are linear in f: a
 * weighted sum of tables is the table of the weighted sum (how Sérsic tables are interpolated in n).
 */
final class OctaveTable {
    /** Mantissa bits that select the bin inside an octave. */
    static final int BITS = 6;
    static final int BINS_PER_OCTAVE = 1 << BITS;
    /** Right shift of the raw bits of x that leaves exponent and bin: the bin key. */
    static final int SHIFT = 52 - BITS;
    static final long FRAC_MASK = (1L << SHIFT) - 1;
    /** Raw bits of 1.0: OR-ed with the fraction bits, they give the double 1 + t. */
    static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private OctaveTable() {
    }

    /** Number of bins of octaves eMin..eMax. */
    static int bins(int eMin, int eMax) {
        return (eMax - eMin + 1) * BINS_PER_OCTAVE;
    }

    /** Bin key (raw bits &gt;&gt;&gt; {@link #SHIFT}) of the first bin of octave e, for positive normal x. */
    static long key(int e) {
        return Double.doubleToRawLongBits(Math.scalb(1.0, e)) >>> SHIFT;
    }

    /**
     * Position t ∈ [0, 1) of x inside its bin, exactly: the fraction bits as the double 1.t − 1. A
     * long-to-double conversion would do the same, but it is an instruction (cvtsi2sd) that keeps the
     * old upper half of its register, which chains the iterations of a lookup loop together.
     */
    static double position(long bits) {
        return Double.longBitsToDouble(ONE_BITS | ((bits & FRAC_MASK) << BITS)) - 1;
    }

    /**
     * The cubic of the bin whose coefficients start at coef[p], at the position of x (raw bits) in it.
     */
    static double cubic(double[] coef, int p, long bits) {
        double t = position(bits);
        return coef[p] + t * (coef[p + 1] + t * (coef[p + 2] + t * coef[p + 3]));
    }

    /**
     * Tabulates f over octaves eMin..eMax into {@code coef} (length ≥ 4·bins); {@code nodeX} and
     * {@code nodeF} are scratch arrays of length ≥ bins + 5 (nodes −2 .. bins + 2).
     */
    static void tabulate(DoubleUnaryOperator f, int eMin, int eMax, double[] coef, double[] nodeX, double[] nodeF) {
        int bins = bins(eMin, eMax);
        for (int m = -2; m <= bins + 2; m++) {
            int e = eMin + Math.floorDiv(m, BINS_PER_OCTAVE);
            int k = Math.floorMod(m, BINS_PER_OCTAVE);
            double x = Math.scalb(1.0 + (double) k / BINS_PER_OCTAVE, e);
            nodeX[m + 2] = x;
            nodeF[m + 2] = f.applyAsDouble(x);
        }
        double dPrev = derivative(nodeX, nodeF, 2);
        for (int m = 0; m < bins; m++) {
            double dNext = derivative(nodeX, nodeF, m + 3);
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

    /** As {@link #tabulate(DoubleUnaryOperator, int, int, double[], double[], double[])} into a new array. */
    static double[] tabulate(DoubleUnaryOperator f, int eMin, int eMax) {
        int bins = bins(eMin, eMax);
        double[] coef = new double[4 * bins];
        tabulate(f, eMin, eMax, coef, new double[bins + 5], new double[bins + 5]);
        return coef;
    }

    /**
     * df/dx at node i: the derivative of the quartic through nodes i−2..i+2 (fourth order, any
     * spacing, so octave boundaries need no special case).
     */
    private static double derivative(double[] nodeX, double[] nodeF, int i) {
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
}
