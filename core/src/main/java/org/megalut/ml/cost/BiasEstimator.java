package org.megalut.ml.cost;

/**
 * The per-case estimate E_lc whose bias B_lc = E_lc − T_lc a bias cost penalises, computed over the N unmasked
 * realizations of (l, c) from the outputs y_k and aux inputs a_k (k = 1..N), with its partial derivatives
 * ∂E/∂y_k.
 */
public enum BiasEstimator {
    /** E = (1/N) Σ y_k; ∂E/∂y_k = 1/N (msb, mab). */
    MEAN(false) {
        @Override
        double estimate(double[] y, double[] a, int n, double[] dy) {
            double s = 0.0;
            for (int k = 0; k < n; k++) {
                s += y[k];
            }
            for (int k = 0; k < n; k++) {
                dy[k] = 1.0 / n;
            }
            return s / n;
        }
    },
    /**
     * Weights w = y ∈ (0, 1) (sigmoid output): E = Σ w_k a_k / Σ w_k; ∂E/∂w_k = (a_k − E)/Σ w
     * (msbwsignorm, mabwsignorm).
     */
    SIG_WEIGHTED_MEAN(true) {
        @Override
        double estimate(double[] y, double[] a, int n, double[] dy) {
            double sw = 0.0;
            double swa = 0.0;
            for (int k = 0; k < n; k++) {
                sw += y[k];
                swa += y[k] * a[k];
            }
            double e = swa / sw;
            for (int k = 0; k < n; k++) {
                dy[k] = (a[k] - e) / sw;
            }
            return e;
        }
    },
    /** Weights w = 10^y: E = Σ w_k a_k / Σ w_k; ∂E/∂y_k = ln10·w_k (a_k − E)/Σ w (msbw). */
    POW10_WEIGHTED_MEAN(true) {
        @Override
        double estimate(double[] y, double[] a, int n, double[] dy) {
            double sw = 0.0;
            double swa = 0.0;
            for (int k = 0; k < n; k++) {
                double w = Math.pow(10.0, y[k]);
                dy[k] = w;
                sw += w;
                swa += w * a[k];
            }
            double e = swa / sw;
            for (int k = 0; k < n; k++) {
                dy[k] = LN10 * dy[k] * (a[k] - e) / sw;
            }
            return e;
        }
    },
    /** Weights w = 10^y, no normalisation: E = (1/N) Σ w_k a_k; ∂E/∂y_k = ln10·w_k a_k/N (msbwnonorm). */
    POW10_WEIGHTED_SUM(true) {
        @Override
        double estimate(double[] y, double[] a, int n, double[] dy) {
            double swa = 0.0;
            for (int k = 0; k < n; k++) {
                double wa = Math.pow(10.0, y[k]) * a[k];
                swa += wa;
                dy[k] = LN10 * wa / n;
            }
            return swa / n;
        }
    },
    /** E = (1/N) Σ y_k a_k; ∂E/∂y_k = a_k/N (msbwsig). */
    WEIGHTED_SUM(true) {
        @Override
        double estimate(double[] y, double[] a, int n, double[] dy) {
            double s = 0.0;
            for (int k = 0; k < n; k++) {
                s += y[k] * a[k];
                dy[k] = a[k] / n;
            }
            return s / n;
        }
    },
    /** E = Σ a_k y_k / Σ a_k; ∂E/∂y_k = a_k/Σ a (msbpw). */
    AUX_WEIGHTED_MEAN(true) {
        @Override
        double estimate(double[] y, double[] a, int n, double[] dy) {
            double sa = 0.0;
            double say = 0.0;
            for (int k = 0; k < n; k++) {
                sa += a[k];
                say += a[k] * y[k];
            }
            for (int k = 0; k < n; k++) {
                dy[k] = a[k] / sa;
            }
            return say / sa;
        }
    };

    private static final double LN10 = Math.log(10.0);

    private final boolean needsAux;

    BiasEstimator(boolean needsAux) {
        this.needsAux = needsAux;
    }

    boolean needsAux() {
        return needsAux;
    }

    /**
     * @param y the N unmasked outputs (first n entries)
     * @param a the matching aux inputs (first n entries; unused if {@link #needsAux()} is false)
     * @param dy receives ∂E/∂y_k in its first n entries
     * @return E
     */
    abstract double estimate(double[] y, double[] a, int n, double[] dy);
}
