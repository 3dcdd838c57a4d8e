package org.megalut.eval;

/**
 * The inverse-variance weighted mean of measurements with 68 % errors: x̄ = Σ x_i/σ_i² / Σ 1/σ_i², error
 * (Σ 1/σ_i²)^(-1/2), and χ² = Σ (x_i − x̄)²/σ_i² against n − 1 degrees of freedom. A χ² far above n − 1 says
 * the measurements scatter by more than their errors (they do not measure one common value), and the
 * error of the mean is then too small. Measurements with a zero error (two identical recipes compared on one
 * simulation differ by exactly zero) are exact: the mean is theirs alone, with a zero error and a NaN χ².
 *
 * @param value the weighted mean
 * @param error its formal 68 % error
 * @param chi2  scatter of the measurements about the mean, in units of their errors
 * @param n     measurements
 */
public record WeightedMean(double value, double error, double chi2, int n) {

    /**
     * @throws IllegalArgumentException when there is no measurement, the arrays differ in length, or an error
     *                                  is negative or not finite
     */
    public static WeightedMean of(double[] x, double[] error) {
        if (x.length != error.length || x.length == 0) {
            throw new IllegalArgumentException("a weighted mean needs as many errors as values, at least one: found "
                    + x.length + " values and " + error.length + " errors");
        }
        for (int i = 0; i < x.length; i++) {
            if (!(error[i] >= 0) || !Double.isFinite(error[i])) {
                throw new IllegalArgumentException("weighted mean: error " + i + " must be finite and not negative,"
                        + " found " + error[i]);
            }
        }
        double exact = 0;
        int nExact = 0;
        for (int i = 0; i < x.length; i++) {
            if (error[i] == 0) {
                exact += x[i];
                nExact++;
            }
        }
        if (nExact > 0) {
            return new WeightedMean(exact / nExact, 0, Double.NaN, x.length);
        }
        double s = 0;
        double sx = 0;
        for (int i = 0; i < x.length; i++) {
            double w = 1 / (error[i] * error[i]);
            s += w;
            sx += w * x[i];
        }
        double mean = sx / s;
        double chi2 = 0;
        for (int i = 0; i < x.length; i++) {
            double r = (x[i] - mean) / error[i];
            chi2 += r * r;
        }
        return new WeightedMean(mean, 1 / Math.sqrt(s), chi2, x.length);
    }
}
