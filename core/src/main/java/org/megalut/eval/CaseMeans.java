package org.megalut.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.megalut.ml.data.LongTable;

/**
 * Per-case means of a point estimate over the realizations of each case of a long-form table (one case
 * per shear in MegaLUT's validation and weight-training sets): the unweighted mean ⟨ĝ⟩ over the rows
 * with a valid estimate, and, when a weight column is given, the weighted mean Σ w ĝ / Σ w over the
 * rows where both the estimate and the weight are valid (MegaLUT's grouping, run_52: failed
 * measurements have masked estimates and weights and are left out). A case without any valid row has
 * NaN means.
 *
 * @param caseIds      case ids, ascending
 * @param truth        the true shear of each case (the truth column, constant within a case)
 * @param mean         unweighted mean estimate of each case
 * @param weightedMean weighted mean estimate (NaN everywhere without a weight column)
 * @param count        rows with a valid estimate in each case
 */
public record CaseMeans(long[] caseIds, double[] truth, double[] mean, double[] weightedMean, int[] count) {

    public CaseMeans {
        caseIds = caseIds.clone();
        truth = truth.clone();
        mean = mean.clone();
        weightedMean = weightedMean.clone();
        count = count.clone();
    }

    /**
     * @param estimate column of the point estimate
     * @param weight   column of the weights, or null for unweighted means only
     * @param truth    column of the true shear of the case
     * @throws IllegalArgumentException when a column is missing, or the truth is masked or varies within a case
     */
    public static CaseMeans of(LongTable table, String estimate, String weight, String truth) {
        long[] ids = new long[table.rowCount()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = table.caseId(r);
        }
        long[] cases = Arrays.stream(ids).distinct().sorted().toArray();
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < cases.length; i++) {
            index.put(cases[i], i);
        }
        int n = cases.length;
        double[] t = new double[n];
        Arrays.fill(t, Double.NaN);
        double[] sum = new double[n];
        double[] wsum = new double[n];
        double[] wgsum = new double[n];
        int[] count = new int[n];
        for (int r = 0; r < ids.length; r++) {
            int c = index.get(ids[r]);
            double tv = table.value(r, truth);
            if (!Double.isFinite(tv)) {
                throw new IllegalArgumentException("truth column '" + truth + "' is masked in case " + ids[r]);
            }
            if (!Double.isNaN(t[c]) && t[c] != tv) {
                throw new IllegalArgumentException("truth column '" + truth + "' varies within case " + ids[r] + ": "
                        + t[c] + " and " + tv + " (expected one case per shear)");
            }
            t[c] = tv;
            double g = table.value(r, estimate);
            if (!Double.isFinite(g)) {
                continue;
            }
            sum[c] += g;
            count[c]++;
            if (weight != null) {
                double w = table.value(r, weight);
                if (Double.isFinite(w)) {
                    wsum[c] += w;
                    wgsum[c] += w * g;
                }
            }
        }
        double[] mean = new double[n];
        double[] wmean = new double[n];
        for (int c = 0; c < n; c++) {
            mean[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
            wmean[c] = weight == null || wsum[c] == 0 ? Double.NaN : wgsum[c] / wsum[c];
        }
        return new CaseMeans(cases, t, mean, wmean, count);
    }

    /** Number of cases. */
    public int size() {
        return caseIds.length;
    }

    @Override
    public long[] caseIds() {
        return caseIds.clone();
    }

    @Override
    public double[] truth() {
        return truth.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] weightedMean() {
        return weightedMean.clone();
    }

    @Override
    public int[] count() {
        return count.clone();
    }
}
