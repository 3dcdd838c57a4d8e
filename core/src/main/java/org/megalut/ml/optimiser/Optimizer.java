package org.megalut.ml.optimiser;

/** A local minimiser of a {@link DifferentiableFunction}. Implementations are stateless between calls. */
public interface Optimizer {

    /** Called after each completed iteration k = 1, 2, … with the new point and its value. */
    @FunctionalInterface
    interface IterationListener {
        void iteration(int k, double[] x, double value);
    }

    /** Minimises {@code f} from {@code x0} (not modified). */
    OptimizationResult minimize(DifferentiableFunction f, double[] x0, IterationListener listener);
}
