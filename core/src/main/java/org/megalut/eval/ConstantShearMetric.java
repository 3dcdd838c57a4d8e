package org.megalut.eval;

import org.megalut.great3.ObservationType;

/**
 * GREAT3's constant-shear metric Q_c and the per-component biases, from per-subfield true shears,
 * submitted shears and PSF shapes.
 *
 * <p>In the PSF frame, for i ∈ {+, ×}: fit Δg = g_sub − g_true = c_i + m_i g_true (unweighted OLS, no
 * clipping), then Q_c = η·2000 / sqrt(σ²_min + Σ_i [(c_i/2e-4)² + (m_i/2e-3)²]) with η = 1.232 and
 * σ²_min = 4 (ground) or 1 (space). A perfect ground submission scores 1232.
 */
public final class ConstantShearMetric {
    /** GREAT3's normalisation η. */
    public static final double NORMALISATION = 1.232;
    /** Target additive bias. */
    public static final double C_TARGET = 2e-4;
    /** Target multiplicative bias. */
    public static final double M_TARGET = 2e-3;

    private ConstantShearMetric() { }

    /** GREAT3's σ²_min of an observation type: 4 for ground branches, 1 for space ones. */
    public static double sigma2Min(ObservationType obstype) {
        return obstype == ObservationType.GROUND ? 4.0 : 1.0;
    }

    /**
     * The metric's result.
     *
     * @param qc    GREAT3's Q_c
     * @param plus  fit of Δg₊ on g₊ (intercept c₊, slope m₊, GREAT3 errors)
     * @param cross fit of Δg× on g×
     */
    public record Result(double qc, LineFit plus, LineFit cross) { }

    /** Q_c of a submission; arrays are indexed by subfield row and must have equal lengths. */
    public static Result evaluate(double[] trueG1, double[] trueG2, double[] subG1, double[] subG2,
                                  double[] psfG1, double[] psfG2, ObservationType obstype) {
        int n = trueG1.length;
        if (trueG2.length != n || subG1.length != n || subG2.length != n || psfG1.length != n || psfG2.length != n) {
            throw new IllegalArgumentException("all per-subfield arrays must have the same length");
        }
        double[] tp = new double[n];
        double[] tx = new double[n];
        double[] dp = new double[n];
        double[] dx = new double[n];
        for (int s = 0; s < n; s++) {
            PsfFrame f = new PsfFrame(psfG1[s], psfG2[s]);
            tp[s] = f.plus(trueG1[s], trueG2[s]);
            tx[s] = f.cross(trueG1[s], trueG2[s]);
            dp[s] = f.plus(subG1[s], subG2[s]) - tp[s];
            dx[s] = f.cross(subG1[s], subG2[s]) - tx[s];
        }
        LineFit plus = LineFit.great3(tp, dp);
        LineFit cross = LineFit.great3(tx, dx);
        double q = qc(plus.intercept(), plus.slope(), cross.intercept(), cross.slope(), obstype);
        return new Result(q, plus, cross);
    }

    /** Q_c from the four biases. */
    public static double qc(double cPlus, double mPlus, double cCross, double mCross, ObservationType obstype) {
        double sum = sigma2Min(obstype) + sq(cPlus / C_TARGET) + sq(cCross / C_TARGET) + sq(mPlus / M_TARGET)
                + sq(mCross / M_TARGET);
        return NORMALISATION * 2000.0 / Math.sqrt(sum);
    }

    private static double sq(double v) {
        return v * v;
    }
}
