package org.megalut.meas;

import org.megalut.image.Image;

/**
 * Background statistics from the outer ring of a stamp (its border pixels: 4·(s−1) = 188 for a
 * 48-px stamp), as MegaLUT's {@code skystats}: the galaxy is assumed not to reach the border.
 *
 * @param mean     mean of the ring pixels [image units]
 * @param median   median of the ring pixels (mean of the two central values for an even count)
 * @param std      population standard deviation (ddof = 0) of the ring pixels
 * @param mad      1.4826 · median(|p − median|): a robust estimate of the noise σ
 * @param stampSum sum of all pixels of the stamp
 */
public record SkyStatistics(double mean, double median, double std, double mad, double stampSum) {

    /** Scale from the median absolute deviation to σ for Gaussian noise. */
    public static final double MAD_TO_SIGMA = 1.4826;

    /** Statistics of the stamp's one-pixel outer ring. */
    public static SkyStatistics ofOuterRing(Image stamp) {
        int w = stamp.width();
        int h = stamp.height();
        if (w < 2 || h < 2) {
            throw new IllegalArgumentException("stamp too small for an outer ring: " + w + "x" + h);
        }
        double[] pix = stamp.pixels();
        double[] ring = new double[2 * w + 2 * (h - 2)];
        int n = 0;
        for (int i = 0; i < w; i++) {
            ring[n++] = pix[i];
            ring[n++] = pix[(h - 1) * w + i];
        }
        for (int j = 1; j < h - 1; j++) {
            ring[n++] = pix[j * w];
            ring[n++] = pix[j * w + w - 1];
        }
        double sum = 0;
        for (double v : ring) {
            sum += v;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : ring) {
            ss += (v - mean) * (v - mean);
        }
        double median = median(ring);
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(ring[i] - median);
        }
        return new SkyStatistics(mean, median, Math.sqrt(ss / n), MAD_TO_SIGMA * median(dev), stamp.sum());
    }

    /** Median (mean of the two central values for an even count); reorders the array. */
    private static double median(double[] values) {
        int n = values.length;
        double upper = select(values, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        // After selection, everything left of n/2 is ≤ the upper central value: the lower one is their maximum.
        double lower = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n / 2; i++) {
            lower = Math.max(lower, values[i]);
        }
        return 0.5 * (lower + upper);
    }

    /** The k-th smallest value (0-based) by Hoare's quickselect, partially ordering the array. */
    private static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return a[k];
    }
}
