package org.megalut.eval;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A straight-line least-squares fit y = intercept + slope·x, unweighted, with the error conventions of
 * the two codes whose numbers we reproduce.
 *
 * @param intercept      fitted intercept
 * @param slope          fitted slope
 * @param interceptError its error (convention of the factory that made the fit)
 * @param slopeError     its error
 * @param n              number of points
 */
public record LineFit(double intercept, double slope, double interceptError, double slopeError, int n) {

    /**
     * GREAT3's {@code fitline}: ordinary least squares with σ² = (1/N) Σ residual² and
     * Var(c) = σ² Sxx/Δ, Var(m) = σ² N/Δ, Δ = N Sxx − Sx².
     */
    public static LineFit great3(double[] x, double[] y) {
        int n = check(x, y);
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        double delta = n * sxx - sx * sx;
        double c = (sxx * sy - sx * sxy) / delta;
        double m = (n * sxy - sx * sy) / delta;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - c - m * x[i];
            s2 += r * r;
        }
        s2 /= n;
        return new LineFit(c, m, Math.sqrt(s2 * sxx / delta), Math.sqrt(s2 * n / delta), n);
    }

    /**
     * MegaLUT's {@code linreg} with 68 % errors: b1 = cov(x,y)/var(x), b0 = ⟨y⟩ − b1⟨x⟩, s² = Σ r²/n,
     * t = t_{0.84, n−2}; slope error t sqrt(s²/((n−2) var x)), intercept error
     * t sqrt(s²/(n−2) (1 + ⟨x⟩²/var x)), with var the population variance.
     */
    public static LineFit megalut(double[] x, double[] y) {
        int n = check(x, y);
        if (n < 3) {
            throw new IllegalArgumentException("MegaLUT's errors need at least 3 points, got " + n);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double vx = 0;
        double cxy = 0;
        for (int i = 0; i < n; i++) {
            vx += (x[i] - mx) * (x[i] - mx) / n;
            cxy += (x[i] - mx) * (y[i] - my) / n;
        }
        double b1 = cxy / vx;
        double b0 = my - b1 * mx;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - b0 - b1 * x[i];
            s2 += r * r / n;
        }
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.84);
        double slopeErr = t * Math.sqrt(s2 / ((n - 2) * vx));
        double interceptErr = t * Math.sqrt(s2 / (n - 2) * (1 + mx * mx / vx));
        return new LineFit(b0, b1, interceptErr, slopeErr, n);
    }

    private static int check(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a line fit needs matching x and y with at least 2 points, got "
                    + x.length + " and " + y.length);
        }
        return x.length;
    }
}
