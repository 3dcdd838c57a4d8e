package org.megalut.eval.variable;

import java.io.Serializable;

/**
 * Logarithmic separation bins: bin k holds min·e^{kb} ≤ r &lt; min·e^{(k+1)b} with b = ln(max/min)/n;
 * its nominal centre is min·e^{(k+½)b}.
 *
 * @param minSep lower edge of the first bin [deg]
 * @param maxSep upper edge of the last bin [deg]
 * @param count  number of bins
 */
public record AngularBins(double minSep, double maxSep, int count) implements Serializable {
    /** GREAT3's bins (corr2 as GREAT3 called it): 15 bins from 0.02° to 10°. */
    public static final AngularBins GREAT3 = new AngularBins(0.02, 10.0, 15);

    public AngularBins {
        if (!(minSep > 0) || !(maxSep > minSep) || count < 1) {
            throw new IllegalArgumentException("bins need 0 < minSep < maxSep and count >= 1, got minSep " + minSep
                    + ", maxSep " + maxSep + ", count " + count);
        }
    }

    /** The bin width in ln r. */
    public double binSize() {
        return Math.log(maxSep / minSep) / count;
    }

    /** ln of bin k's nominal centre. */
    public double nominalLogR(int k) {
        return Math.log(minSep) + (k + 0.5) * binSize();
    }

    /** Bin k's nominal centre [deg]. */
    public double nominalR(int k) {
        return Math.exp(nominalLogR(k));
    }

    /** The bin of separation r [deg], or -1 when r is outside [minSep, maxSep). */
    public int index(double r) {
        if (!(r >= minSep) || !(r < maxSep)) {
            return -1;
        }
        int k = (int) Math.floor(Math.log(r / minSep) / binSize());
        // ln rounding can push r just under maxSep into bin `count`.
        return Math.min(k, count - 1);
    }
}
