package org.megalut.ml.cost;

import java.util.Arrays;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.RealizationMask;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;

/**
 * Mean square error, realizations treated as independent cases: MSE = mean over unmasked (r, l, c) of
 * (Y_rlc − T_lc)²; dMSE/dY_rlc = 2(Y_rlc − T_lc)/N with N the number of unmasked (r, l, c).
 */
public final class MseCost implements CostFunction {

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public boolean needsAux() {
        return false;
    }

    @Override
    public double evaluate(Tensor3 y, NetworkData data, double[] dy) {
        CostChecks.check(this, y, data);
        RealizationMask mask = data.mask();
        Tensor2 t = data.targets();
        double[] yd = y.data();
        if (dy != null) {
            Arrays.fill(dy, 0.0);
        }
        double sum = 0.0;
        long n = 0;
        for (int r = 0; r < y.realizations(); r++) {
            for (int l = 0; l < y.rows(); l++) {
                int base = y.index(r, l, 0);
                for (int c = 0; c < y.cases(); c++) {
                    if (!mask.isMasked(r, c)) {
                        double e = yd[base + c] - t.get(l, c);
                        sum += e * e;
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("mse: every realization is masked");
        }
        if (dy != null) {
            double f = 2.0 / n;
            for (int r = 0; r < y.realizations(); r++) {
                for (int l = 0; l < y.rows(); l++) {
                    int base = y.index(r, l, 0);
                    for (int c = 0; c < y.cases(); c++) {
                        if (!mask.isMasked(r, c)) {
                            dy[base + c] = f * (yd[base + c] - t.get(l, c));
                        }
                    }
                }
            }
        }
        return sum / n;
    }
}
