package org.megalut.eval;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.megalut.great3.ObservationType;
import org.megalut.random.RandomStreams;

/**
 * The noise floor of Q_c: the score that an <em>unbiased</em> estimator with a given per-subfield scatter
 * gets on a given set of subfields. With few subfields the fitted m and c are dominated by that scatter
 * (their errors scale as σ/√N), so Q_c cannot be read without this reference: GREAT3's 200 subfields
 * and an estimator scattering by 1.5e-3 per subfield give a floor near 870, 20 subfields about 250.
 *
 * <p>Each draw submits g_sub = g_true + N(0, σ₁²), N(0, σ₂²) per subfield (same true shears and PSF
 * shapes as the data) and scores it with {@link ConstantShearMetric}; the floor is the median over the
 * draws. Draws come from a fixed stream, so the floor of given inputs is reproducible.
 */
public final class NoiseFloor {
    private static final long STREAM = RandomStreams.label("noise-floor");

    private NoiseFloor() { }

    /**
     * The distribution of Q_c of unbiased submissions.
     *
     * @param median   median Q_c over the draws
     * @param low      16th percentile
     * @param high     84th percentile
     * @param draws    number of simulated submissions
     */
    public record Result(double median, double low, double high, int draws) { }

    /**
     * @param sigma1 per-subfield scatter of g₁ (standard deviation, shear units)
     * @param sigma2 per-subfield scatter of g₂
     * @param draws  simulated submissions (≥ 1)
     * @param seed   seed of the draws
     */
    public static Result of(double[] trueG1, double[] trueG2, double[] psfG1, double[] psfG2, double sigma1,
                            double sigma2, ObservationType obstype, int draws, long seed) {
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, found " + draws);
        }
        if (!(sigma1 >= 0) || !(sigma2 >= 0)) {
            throw new IllegalArgumentException("scatter must be finite and non-negative, found " + sigma1 + ", " + sigma2);
        }
        int n = trueG1.length;
        UniformRandomProvider rng = RandomStreams.stream(seed, STREAM);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] q = new double[draws];
        double[] s1 = new double[n];
        double[] s2 = new double[n];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < n; i++) {
                s1[i] = trueG1[i] + sigma1 * normal.sample();
                s2[i] = trueG2[i] + sigma2 * normal.sample();
            }
            q[d] = ConstantShearMetric.evaluate(trueG1, trueG2, s1, s2, psfG1, psfG2, obstype).qc();
        }
        Arrays.sort(q);
        return new Result(quantile(q, 0.5), quantile(q, 0.16), quantile(q, 0.84), draws);
    }

    /** Linear-interpolated quantile of sorted values. */
    private static double quantile(double[] sorted, double p) {
        double x = p * (sorted.length - 1);
        int i = (int) Math.floor(x);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (x - i) * (sorted[j] - sorted[i]);
    }
}
