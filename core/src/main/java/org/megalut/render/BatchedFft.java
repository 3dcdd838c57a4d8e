package org.megalut.render;

/**
 * Unnormalised inverse discrete Fourier transforms of length n = 2^a or 3·2^a, many at once: the
 * data are n rows of a batch of independent sequences, z[k][t] for k &lt; n and t &lt; width, and
 * {@link #inverse} replaces them with Σ_k z[k][t]·e^{+2πi·km/n} (sequence t along the row index).
 *
 * <p>Why batched: a stamp's inverse FFT is ~65 column transforms of 128 points plus ~48 row
 * transforms. Doing them one sequence at a time (JTransforms) runs scalar code, and its mixed-radix
 * path for 3·2^a (the sizes GalSim's goodFFTSize picks between powers of two) is markedly slower per
 * point than its power-of-two transforms. Here each butterfly combines whole rows: the
 * same index t in different row arrays, a loop the JIT turns into SIMD instructions. The loops stay small on purpose (at most two stores):
 * C2 stops unrolling, hence vectorising, bodies above its unroll limit.
 *
 * <p>Algorithm: Stockham's autosort decimation in frequency (no bit reversal), alternating between
 * the caller's rows and scratch rows; one radix-3 stage when 3 divides n, radix-4 stages (half the
 * passes over the data of radix 2), and a last radix-2 stage when an odd power of 2 remains. A stage of
 * length L and stride s = n/L maps, for p &lt; L/r and q &lt; s,
 * y[q + s(rp + j)] = w_L^{jp}·Σ_l x[q + s(p + lL/r)]·w_r^{jl}, with w_m = e^{+2πi/m}.
 *
 * <p>The plan is immutable and may be shared between threads; the rows are the caller's.
 */
final class BatchedFft {
    private static final double SIN_60 = Math.sqrt(3) / 2;

    private final int n;
    private final boolean radix3;
    // e^{+2πi·j/n}, j < n
    private final double[] cos;
    private final double[] sin;

    /**
     * @param n transform length, 2^a or 3·2^a (a ≥ 0)
     * @throws IllegalArgumentException for any other length
     */
    BatchedFft(int n) {
        if (!isSupported(n)) {
            throw new IllegalArgumentException("batched FFT length must be 2^a or 3·2^a, got " + n);
        }
        this.n = n;
        this.radix3 = n % 3 == 0;
        cos = new double[n];
        sin = new double[n];
        for (int j = 0; j < n; j++) {
            double phase = 2 * Math.PI * j / n;
            cos[j] = Math.cos(phase);
            sin[j] = Math.sin(phase);
        }
    }

    /** True for the lengths this class transforms: 2^a and 3·2^a. */
    static boolean isSupported(int n) {
        if (n < 1) {
            return false;
        }
        int odd = n >> Integer.numberOfTrailingZeros(n);
        return odd == 1 || odd == 3;
    }

    /**
     * Transforms sequences 0..width−1 held in rows re[k], im[k] (k &lt; n), in place as the caller
     * sees it: the result is in re and im, whose row references may have been exchanged with those of
     * scratchRe and scratchIm (same shape, contents destroyed).
     */
    void inverse(double[][] re, double[][] im, double[][] scratchRe, double[][] scratchIm, int width) {
        double[][] xr = re;
        double[][] xi = im;
        double[][] yr = scratchRe;
        double[][] yi = scratchIm;
        int len = n;
        int s = 1;
        while (len > 1) {
            if (radix3 && len % 3 == 0) {
                radix3Stage(len, s, xr, xi, yr, yi, width);
                len /= 3;
                s *= 3;
            } else if (len % 4 == 0) {
                radix4Stage(len, s, xr, xi, yr, yi, width);
                len /= 4;
                s *= 4;
            } else {
                lastRadix2Stage(s, xr, xi, yr, yi, width);
                len /= 2;
                s *= 2;
            }
            double[][] t = xr;
            xr = yr;
            yr = t;
            t = xi;
            xi = yi;
            yi = t;
        }
        if (xr != re) {
            // the result is in the scratch rows: exchange row references, not values
            for (int k = 0; k < n; k++) {
                double[] t = re[k];
                re[k] = scratchRe[k];
                scratchRe[k] = t;
                t = im[k];
                im[k] = scratchIm[k];
                scratchIm[k] = t;
            }
        }
    }

    /**
     * The radix-2 stage, which with radix 4 first only ever runs last (length 2, stride n/2): its
     * one butterfly group has the twiddle 1.
     */
    private static void lastRadix2Stage(int s, double[][] xr, double[][] xi, double[][] yr, double[][] yi, int width) {
        for (int q = 0; q < s; q++) {
            sumAndDifference(xr[q], xr[q + s], yr[q], yr[q + s], width);
            sumAndDifference(xi[q], xi[q + s], yi[q], yi[q + s], width);
        }
    }

    private void radix4Stage(int len, int s, double[][] xr, double[][] xi, double[][] yr, double[][] yi, int width) {
        int quarter = len / 4;
        int step = n / len;
        for (int p = 0; p < quarter; p++) {
            for (int q = 0; q < s; q++) {
                int a = q + s * p;
                int b = a + s * quarter;
                int c = b + s * quarter;
                int d = c + s * quarter;
                int y0 = q + 4 * s * p;
                int y1 = y0 + s;
                int y2 = y1 + s;
                int y3 = y2 + s;
                // with w_4 = i: y0 = (a + c) + (b + d), y2 = (a + c) − (b + d),
                // y1 = (a − c) + i(b − d), y3 = (a − c) − i(b − d); then y_j times w_L^{jp}
                sumOfSumsAndDifference(xr[a], xr[c], xr[b], xr[d], yr[y0], yr[y2], width);
                sumOfSumsAndDifference(xi[a], xi[c], xi[b], xi[d], yi[y0], yi[y2], width);
                // re: (ar − cr) ∓ (bi − di); im: (ai − ci) ± (br − dr)
                differencePlusDifference(xr[a], xr[c], xi[d], xi[b], yr[y1], yr[y3], width);
                differencePlusDifference(xi[a], xi[c], xr[b], xr[d], yi[y1], yi[y3], width);
                if (p > 0) {
                    rotate(yr[y1], yi[y1], cos[p * step], sin[p * step], width);
                    rotate(yr[y2], yi[y2], cos[2 * p * step], sin[2 * p * step], width);
                    rotate(yr[y3], yi[y3], cos[3 * p * step], sin[3 * p * step], width);
                }
            }
        }
    }

    /** plus = (a + c) + (b + d), minus = (a + c) − (b + d). */
    private static void sumOfSumsAndDifference(double[] a, double[] c, double[] b, double[] d, double[] plus,
                                               double[] minus, int width) {
        for (int t = 0; t < width; t++) {
            double u = a[t] + c[t];
            double v = b[t] + d[t];
            plus[t] = u + v;
            minus[t] = u - v;
        }
    }

    /** plus = (a − c) + (b − d), minus = (a − c) − (b − d). */
    private static void differencePlusDifference(double[] a, double[] c, double[] b, double[] d, double[] plus,
                                                 double[] minus, int width) {
        for (int t = 0; t < width; t++) {
            double u = a[t] - c[t];
            double v = b[t] - d[t];
            plus[t] = u + v;
            minus[t] = u - v;
        }
    }

    /** (re + i·im) ← (re + i·im)·(c + i·d). */
    private static void rotate(double[] re, double[] im, double c, double d, int width) {
        for (int t = 0; t < width; t++) {
            double u = re[t];
            double v = im[t];
            re[t] = u * c - v * d;
            im[t] = u * d + v * c;
        }
    }

    private static void sumAndDifference(double[] a, double[] b, double[] sum, double[] diff, int width) {
        for (int t = 0; t < width; t++) {
            double u = a[t];
            double v = b[t];
            sum[t] = u + v;
            diff[t] = u - v;
        }
    }

    private void radix3Stage(int len, int s, double[][] xr, double[][] xi, double[][] yr, double[][] yi, int width) {
        int third = len / 3;
        int step = n / len;
        for (int p = 0; p < third; p++) {
            int j1 = p * step;
            int j2 = 2 * p * step;
            for (int q = 0; q < s; q++) {
                int a = q + s * p;
                int b = a + s * third;
                int c = b + s * third;
                int y0 = q + 3 * s * p;
                // w_3 = −1/2 + i√3/2: the outputs are a + b + c and (a − (b + c)/2 ± i(√3/2)(b − c)),
                // the latter two times w_L^p and w_L^{2p}
                radix3Sum(xr[a], xr[b], xr[c], yr[y0], width);
                radix3Sum(xi[a], xi[b], xi[c], yi[y0], width);
                radix3Branch(xr[a], xr[b], xr[c], xi[a], xi[b], xi[c], +1, cos[j1], sin[j1], yr[y0 + s], yi[y0 + s],
                        width);
                radix3Branch(xr[a], xr[b], xr[c], xi[a], xi[b], xi[c], -1, cos[j2], sin[j2], yr[y0 + 2 * s],
                        yi[y0 + 2 * s], width);
            }
        }
    }

    private static void radix3Sum(double[] a, double[] b, double[] c, double[] out, int width) {
        for (int t = 0; t < width; t++) {
            out[t] = a[t] + b[t] + c[t];
        }
    }

    /** (a − (b + c)/2 + sign·i(√3/2)(b − c))·(wr + i·wi), real and imaginary parts. */
    private static void radix3Branch(double[] ar, double[] br, double[] cr, double[] ai, double[] bi, double[] ci,
                                     int sign, double wr, double wi, double[] outRe, double[] outIm, int width) {
        double h = sign * SIN_60;
        for (int t = 0; t < width; t++) {
            double ur = ar[t] - 0.5 * (br[t] + cr[t]) - h * (bi[t] - ci[t]);
            double ui = ai[t] - 0.5 * (bi[t] + ci[t]) + h * (br[t] - cr[t]);
            outRe[t] = ur * wr - ui * wi;
            outIm[t] = ur * wi + ui * wr;
        }
    }
}
