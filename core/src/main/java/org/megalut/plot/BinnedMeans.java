package org.megalut.plot;

import java.util.Arrays;

/**
 * Means of y in equal-width bins of x, with the standard error of each mean, s/√n (s the sample
 * standard deviation, n − 1 in its denominator; NaN for a bin with a single point). Pairs with a
 * non-finite x or y are ignored; empty bins are left out.
 *
 * @param x     mean x of the points of each bin
 * @param mean  mean y of each bin
 * @param error standard error of each mean
 * @param count points in each bin
 */
public record BinnedMeans(double[] x, double[] mean, double[] error, int[] count) {

    public BinnedMeans {
        x = x.clone();
        mean = mean.clone();
        error = error.clone();
        count = count.clone();
    }

    /**
     * @param bins number of equal-width bins spanning the finite x range, positive
     * @throws IllegalArgumentException when the arrays differ in length or bins ≤ 0
     */
    public static BinnedMeans of(double[] x, double[] y, int bins) {
        XyPanel.checkLengths(x, y);
        if (bins <= 0) {
            throw new IllegalArgumentException("number of bins must be positive, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
        }
        if (lo > hi) {
            return new BinnedMeans(new double[0], new double[0], new double[0], new int[0]);
        }
        int[] count = new int[bins];
        double[] sx = new double[bins];
        double[] sy = new double[bins];
        double[] syy = new double[bins];
        double width = (hi - lo) / bins;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            int b = width == 0 ? 0 : Math.min(bins - 1, (int) ((x[i] - lo) / width));
            count[b]++;
            sx[b] += x[i];
            sy[b] += y[i];
            syy[b] += y[i] * y[i];
        }
        int k = 0;
        double[] ox = new double[bins];
        double[] om = new double[bins];
        double[] oe = new double[bins];
        int[] on = new int[bins];
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                continue;
            }
            double m = sy[b] / count[b];
            // Sample variance from the sums; clamped at 0 against rounding.
            double var = count[b] > 1 ? Math.max(0, (syy[b] - count[b] * m * m) / (count[b] - 1)) : Double.NaN;
            ox[k] = sx[b] / count[b];
            om[k] = m;
            oe[k] = Math.sqrt(var / count[b]);
            on[k] = count[b];
            k++;
        }
        return new BinnedMeans(Arrays.copyOf(ox, k), Arrays.copyOf(om, k), Arrays.copyOf(oe, k), Arrays.copyOf(on, k));
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] error() {
        return error.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }
}
