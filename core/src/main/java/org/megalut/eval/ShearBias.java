package org.megalut.eval;

/**
 * Multiplicative and additive bias of shear estimates against the truth over a set of cases: the
 * straight-line fit ĝ − g = c + m·g (MegaLUT's OLS with 68 % errors, {@link LineFit#megalut}; fitting
 * the residual instead of ĝ gives the same m = slope − 1, c and errors, since the residuals of the two
 * fits are identical) and the root-mean-square residual RMSD = sqrt(⟨(ĝ − g)²⟩) (MegaLUT's
 * {@code tools/metrics.py}).
 *
 * @param m    multiplicative bias
 * @param mErr its 68 % error
 * @param c    additive bias (shear units)
 * @param cErr its 68 % error
 * @param rmsd root-mean-square residual (shear units)
 * @param n    cases with an estimate used in the fit
 */
public record ShearBias(double m, double mErr, double c, double cErr, double rmsd, int n) {

    /**
     * The fit over the cases whose estimate and truth are finite.
     *
     * @throws IllegalArgumentException with fewer than 3 such cases, or arrays of different lengths
     */
    public static ShearBias fit(double[] truth, double[] estimate) {
        if (truth.length != estimate.length) {
            throw new IllegalArgumentException("truth and estimates differ in length: " + truth.length + " and "
                    + estimate.length);
        }
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (Double.isFinite(truth[i]) && Double.isFinite(estimate[i])) {
                n++;
            }
        }
        if (n < 3) {
            throw new IllegalArgumentException("a bias fit needs at least 3 cases with an estimate, found " + n
                    + " of " + truth.length);
        }
        double[] x = new double[n];
        double[] d = new double[n];
        double ss = 0;
        int k = 0;
        for (int i = 0; i < truth.length; i++) {
            if (Double.isFinite(truth[i]) && Double.isFinite(estimate[i])) {
                x[k] = truth[i];
                d[k] = estimate[i] - truth[i];
                ss += d[k] * d[k];
                k++;
            }
        }
        LineFit f = LineFit.megalut(x, d);
        return new ShearBias(f.slope(), f.slopeError(), f.intercept(), f.interceptError(), Math.sqrt(ss / n), n);
    }
}
