package org.megalut.ml.cost;

/** How a per-case bias B enters a bias cost: mean of B² (the "ms…" costs) or of |B| (the "ma…" costs). */
public enum Penalty {
    /** p(B) = B², p'(B) = 2B. */
    SQUARE {
        @Override
        double value(double b) {
            return b * b;
        }

        @Override
        double derivative(double b) {
            return 2.0 * b;
        }
    },
    /** p(B) = |B|, p'(B) = sign(B) (0 at B = 0). */
    ABS {
        @Override
        double value(double b) {
            return Math.abs(b);
        }

        @Override
        double derivative(double b) {
            return Math.signum(b);
        }
    };

    abstract double value(double b);

    abstract double derivative(double b);
}
