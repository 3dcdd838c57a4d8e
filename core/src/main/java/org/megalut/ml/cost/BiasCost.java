package org.megalut.ml.cost;

import java.util.Arrays;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.RealizationMask;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;

/**
 * A noise-aware bias cost: cost = mean over the (l, c) with N_c &gt; 0 of p(B_lc), with B_lc = E_lc − T_lc, E_lc a
 * {@link BiasEstimator} over the unmasked realizations and p a {@link Penalty}. Examples:
 * MSB = mean_{l,c} (mean_r Y − T)²; msbwsignorm = mean_{l,c} (Σ_r Y·A / Σ_r Y − T)².
 *
 * <p>Analytic gradient, back-propagated through the per-case estimate:
 * dCost/dY_rlc = p'(B_lc)/M · ∂E_lc/∂Y_rlc, with M the number of (l, c) entries with unmasked realizations,
 * and 0 at masked realizations. Fully masked cases drop out of the mean.
 */
public final class BiasCost implements CostFunction {
    private final String name;
    private final BiasEstimator estimator;
    private final Penalty penalty;
    private double[] ys = new double[0];
    private double[] as = new double[0];
    private double[] ds = new double[0];
    private int[] rs = new int[0];

    public BiasCost(String name, BiasEstimator estimator, Penalty penalty) {
        this.name = name;
        this.estimator = estimator;
        this.penalty = penalty;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean needsAux() {
        return estimator.needsAux();
    }

    @Override
    public double evaluate(Tensor3 y, NetworkData data, double[] dy) {
        CostChecks.check(this, y, data);
        int nr = y.realizations();
        if (ys.length < nr) {
            ys = new double[nr];
            as = new double[nr];
            ds = new double[nr];
            rs = new int[nr];
        }
        RealizationMask mask = data.mask();
        Tensor2 t = data.targets();
        double[] yd = y.data();
        double[] ad = estimator.needsAux() ? data.aux().data() : null;
        if (dy != null) {
            Arrays.fill(dy, 0.0);
        }
        int entries = 0;
        for (int c = 0; c < y.cases(); c++) {
            if (mask.unmaskedCount(c) > 0) {
                entries += y.rows();
            }
        }
        if (entries == 0) {
            throw new IllegalArgumentException(name + ": every realization is masked");
        }
        double sum = 0.0;
        for (int l = 0; l < y.rows(); l++) {
            for (int c = 0; c < y.cases(); c++) {
                int n = 0;
                for (int r = 0; r < nr; r++) {
                    if (!mask.isMasked(r, c)) {
                        int idx = y.index(r, l, c);
                        ys[n] = yd[idx];
                        as[n] = ad == null ? 0.0 : ad[idx];
                        rs[n] = idx;
                        n++;
                    }
                }
                if (n == 0) {
                    continue;
                }
                double bias = estimator.estimate(ys, as, n, ds) - t.get(l, c);
                sum += penalty.value(bias);
                if (dy != null) {
                    double f = penalty.derivative(bias) / entries;
                    for (int k = 0; k < n; k++) {
                        dy[rs[k]] = f * ds[k];
                    }
                }
            }
        }
        return sum / entries;
    }
}
