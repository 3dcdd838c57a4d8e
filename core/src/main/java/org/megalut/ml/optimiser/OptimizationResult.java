package org.megalut.ml.optimiser;

/**
 * The outcome of a minimisation: the last point, its value, its gradient ∞-norm, iterations done, function
 * evaluations used (each computes value and gradient) and why it stopped.
 */
public record OptimizationResult(double[] x, double value, double gradientNorm, int iterations,
                                 int evaluations, Stop stop) {

    /** Why an optimiser stopped. */
    public enum Stop {
        /** ‖∇f‖_∞ ≤ gtol. */
        CONVERGED,
        /** maxiter iterations done. */
        MAX_ITERATIONS,
        /** No step satisfying the Wolfe conditions was found (usually: converged to machine precision). */
        LINE_SEARCH_FAILED,
        /** f or ∇f became non-finite. */
        NOT_FINITE
    }
}
