package org.megalut.ml.optimiser;

/** A scalar function of n variables with its gradient, as minimised by {@link Optimizer}s. */
public interface DifferentiableFunction {

    /** n. */
    int dimension();

    /** f(x) alone (may be cheaper than {@link #valueAndGradient}). */
    double value(double[] x);

    /** f(x), writing ∇f(x) into {@code gradient}. */
    double valueAndGradient(double[] x, double[] gradient);
}
