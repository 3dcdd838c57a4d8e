package org.megalut.eval.variable;

/**
 * Binned shear-shear two-point correlation functions of one field, with the columns corr2 reports.
 * Per bin k, over the unordered pairs (a, b) whose separation falls in it, with the shears rotated into
 * the frame of the separation vector (g_t, g_×):
 * ξ+ = Σ w_a w_b (g_t,a g_t,b + g_×,a g_×,b) / Σ w_a w_b,
 * ξ− = Σ w_a w_b (g_t,a g_t,b − g_×,a g_×,b) / Σ w_a w_b,
 * ξ× = Σ w_a w_b (g_t,a g_×,b + g_×,a g_t,b) / Σ w_a w_b (corr2's imaginary part of ξ−).
 * Empty bins have ξ = 0, mean ln r at the nominal centre and zero variance, as corr2 reports them.
 *
 * @param bins      the separation bins
 * @param meanLogR  per bin, the pair-weighted mean of ln r (r in degrees)
 * @param xiPlus    per bin, ξ+
 * @param xiMinus   per bin, ξ−
 * @param xiCross   per bin, ξ×
 * @param weight    per bin, Σ w_a w_b
 * @param pairs     per bin, the number of pairs
 * @param varXi     per bin, corr2's shape-noise variance of ξ±: σ_g⁴ / pairs, with σ_g² the per-component
 *                  shape variance of the catalogue (see {@link LatticeShearCorrelator})
 */
public record ShearCorrelation(AngularBins bins, double[] meanLogR, double[] xiPlus, double[] xiMinus,
                               double[] xiCross, double[] weight, long[] pairs, double[] varXi) {
    public ShearCorrelation {
        int n = bins.count();
        if (meanLogR.length != n || xiPlus.length != n || xiMinus.length != n || xiCross.length != n
                || weight.length != n || pairs.length != n || varXi.length != n) {
            throw new IllegalArgumentException("every per-bin array needs " + n + " entries");
        }
        meanLogR = meanLogR.clone();
        xiPlus = xiPlus.clone();
        xiMinus = xiMinus.clone();
        xiCross = xiCross.clone();
        weight = weight.clone();
        pairs = pairs.clone();
        varXi = varXi.clone();
    }

    @Override public double[] meanLogR() {
        return meanLogR.clone();
    }

    @Override public double[] xiPlus() {
        return xiPlus.clone();
    }

    @Override public double[] xiMinus() {
        return xiMinus.clone();
    }

    @Override public double[] xiCross() {
        return xiCross.clone();
    }

    @Override public double[] weight() {
        return weight.clone();
    }

    @Override public long[] pairs() {
        return pairs.clone();
    }

    @Override public double[] varXi() {
        return varXi.clone();
    }
}
