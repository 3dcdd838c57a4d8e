package org.megalut.ml;

import java.util.Arrays;
import java.util.Locale;

/**
 * Neuron activation functions, named as in Tenbilac.
 *
 * <p>Each derivative is expressed through the activation's output y = act(x), so back-propagation only needs
 * the stored layer outputs.
 */
public enum Activation {
    /** y = tanh(x); y' = 1 − y². */
    TANH("tanh") {
        @Override
        void applyInPlace(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                v[i] = Math.tanh(v[i]);
            }
        }

        @Override
        void multiplyByDerivative(double[] y, double[] d, int from, int to) {
            for (int i = from; i < to; i++) {
                d[i] *= 1.0 - y[i] * y[i];
            }
        }
    },
    /** y = x; y' = 1. */
    IDEN("iden") {
        @Override
        void applyInPlace(double[] v, int from, int to) {
            // identity
        }

        @Override
        void multiplyByDerivative(double[] y, double[] d, int from, int to) {
            // derivative is 1
        }
    },
    /** y = 1/(1+e^{−x}); y' = y(1 − y). */
    SIG("sig") {
        @Override
        void applyInPlace(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                v[i] = 1.0 / (1.0 + Math.exp(-v[i]));
            }
        }

        @Override
        void multiplyByDerivative(double[] y, double[] d, int from, int to) {
            for (int i = from; i < to; i++) {
                d[i] *= y[i] * (1.0 - y[i]);
            }
        }
    },
    /** y = 1/(1+e^{−4x}) (a sigmoid of central slope 1); y' = 4y(1 − y). */
    SIGI("sigi") {
        @Override
        void applyInPlace(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                v[i] = 1.0 / (1.0 + Math.exp(-4.0 * v[i]));
            }
        }

        @Override
        void multiplyByDerivative(double[] y, double[] d, int from, int to) {
            for (int i = from; i < to; i++) {
                d[i] *= 4.0 * y[i] * (1.0 - y[i]);
            }
        }
    },
    /** y = 2/(1+e^{−x}) − 1 (= tanh(x/2), values in (−1, 1)); y' = (1 − y²)/2. */
    SIGE("sige") {
        @Override
        void applyInPlace(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                v[i] = 2.0 / (1.0 + Math.exp(-v[i])) - 1.0;
            }
        }

        @Override
        void multiplyByDerivative(double[] y, double[] d, int from, int to) {
            for (int i = from; i < to; i++) {
                d[i] *= 0.5 * (1.0 - y[i] * y[i]);
            }
        }
    },
    /** y = max(0, x); y' = 1 for y > 0, else 0. */
    RELU("relu") {
        @Override
        void applyInPlace(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                v[i] = Math.max(0.0, v[i]);
            }
        }

        @Override
        void multiplyByDerivative(double[] y, double[] d, int from, int to) {
            for (int i = from; i < to; i++) {
                d[i] = y[i] > 0.0 ? d[i] : 0.0;
            }
        }
    },
    /** y = min(max(0, x), 6); y' = 1 for 0 < y < 6, else 0. */
    RELU6("relu6") {
        @Override
        void applyInPlace(double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                v[i] = Math.min(Math.max(0.0, v[i]), 6.0);
            }
        }

        @Override
        void multiplyByDerivative(double[] y, double[] d, int from, int to) {
            for (int i = from; i < to; i++) {
                d[i] = y[i] > 0.0 && y[i] < 6.0 ? d[i] : 0.0;
            }
        }
    };

    private final String tenbilacName;

    Activation(String tenbilacName) {
        this.tenbilacName = tenbilacName;
    }

    /** The Tenbilac / config name ("tanh", "iden", "sig", "sigi", "sige", "relu", "relu6"). */
    public String tenbilacName() {
        return tenbilacName;
    }

    /** Replaces v[from..to) by act(v). */
    abstract void applyInPlace(double[] v, int from, int to);

    /** Multiplies d[i] by act'(x_i), given the outputs y[i] = act(x_i), for i in [from, to). */
    abstract void multiplyByDerivative(double[] y, double[] d, int from, int to);

    /** act(x) for a single value (convenience for tests and tools). */
    public double value(double x) {
        double[] v = {x};
        applyInPlace(v, 0, 1);
        return v[0];
    }

    /**
     * Looks an activation up by its Tenbilac name.
     *
     * @throws IllegalArgumentException naming the valid names if {@code name} is unknown
     */
    public static Activation byName(String name) {
        for (Activation a : values()) {
            if (a.tenbilacName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "', valid: "
                + Arrays.stream(values()).map(Activation::tenbilacName).toList());
    }
}
