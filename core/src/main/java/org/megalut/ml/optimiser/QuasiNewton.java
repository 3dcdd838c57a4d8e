package org.megalut.ml.optimiser;

/**
 * The quasi-Newton iteration shared by {@link Bfgs} and {@link Lbfgs}: from x_k, direction p = −H_k∇f, a
 * {@link WolfeLineSearch} step, then an update of the inverse-Hessian approximation H with s = x_{k+1} − x_k,
 * y = ∇f_{k+1} − ∇f_k. Stops when ‖∇f‖_∞ ≤ gtol, after maxIterations iterations, or when the line search fails
 * (the current point is then returned), like scipy's fmin_bfgs.
 *
 * <p>First trial step, as in scipy: α0 = min(1, 1.01·2(f_k − f_{k−1})/(∇f_k·p)), with the fictitious
 * f_{−1} = f_0 + ‖∇f_0‖₂/2 so that the first step has length about 1; α0 = 1 when that is not positive.
 */
abstract class QuasiNewton implements Optimizer {
    private final int maxIterations;
    private final double gtol;
    private final WolfeLineSearch lineSearch;

    QuasiNewton(int maxIterations, double gtol, WolfeLineSearch lineSearch) {
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
        }
        if (!(gtol >= 0)) {
            throw new IllegalArgumentException("gtol must be >= 0, got " + gtol);
        }
        this.maxIterations = maxIterations;
        this.gtol = gtol;
        this.lineSearch = lineSearch;
    }

    /** The inverse-Hessian approximation of one minimisation. */
    interface InverseHessian {
        /** p = −H·g. */
        void direction(double[] g, double[] p);

        /** Incorporates the pair (s, y), which has s·y &gt; 0. */
        void update(double[] s, double[] y);

        /** Back to H = I (used when −H·g is not a descent direction). */
        void reset();
    }

    abstract InverseHessian newInverseHessian(int n);

    @Override
    public OptimizationResult minimize(DifferentiableFunction f, double[] x0, IterationListener listener) {
        int n = x0.length;
        if (n != f.dimension()) {
            throw new IllegalArgumentException("start point has " + n + " values, function dimension "
                    + f.dimension());
        }
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!allFinite(fx, g)) {
            return new OptimizationResult(x, fx, Double.NaN, 0, evaluations, OptimizationResult.Stop.NOT_FINITE);
        }
        InverseHessian h = newInverseHessian(n);
        double[] p = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        double fPrevious = fx + Math.sqrt(WolfeLineSearch.dot(g, g)) / 2.0;
        double gnorm = normInf(g);
        int k = 0;
        while (gnorm > gtol) {
            if (k >= maxIterations) {
                return new OptimizationResult(x, fx, gnorm, k, evaluations, OptimizationResult.Stop.MAX_ITERATIONS);
            }
            h.direction(g, p);
            double slope = WolfeLineSearch.dot(g, p);
            if (!(slope < 0)) {
                h.reset();
                h.direction(g, p);
                slope = WolfeLineSearch.dot(g, p);
            }
            double alpha0 = Math.min(1.0, 1.01 * 2.0 * (fx - fPrevious) / slope);
            if (!(alpha0 > 0)) {
                alpha0 = 1.0;
            }
            WolfeLineSearch.Result ls = lineSearch.search(f, x, fx, g, p, alpha0);
            evaluations += ls.evaluations();
            if (!ls.success()) {
                return new OptimizationResult(x, fx, gnorm, k, evaluations,
                        OptimizationResult.Stop.LINE_SEARCH_FAILED);
            }
            WolfeLineSearch.Step step = ls.step();
            for (int i = 0; i < n; i++) {
                s[i] = step.x()[i] - x[i];
                y[i] = step.gradient()[i] - g[i];
            }
            fPrevious = fx;
            x = step.x();
            g = step.gradient();
            fx = step.value();
            k++;
            if (listener != null) {
                listener.iteration(k, x, fx);
            }
            if (!allFinite(fx, g)) {
                return new OptimizationResult(x, fx, Double.NaN, k, evaluations, OptimizationResult.Stop.NOT_FINITE);
            }
            gnorm = normInf(g);
            if (WolfeLineSearch.dot(s, y) > 0) {
                h.update(s, y);
            }
        }
        return new OptimizationResult(x, fx, gnorm, k, evaluations, OptimizationResult.Stop.CONVERGED);
    }

    private static boolean allFinite(double f, double[] g) {
        if (!Double.isFinite(f)) {
            return false;
        }
        for (double v : g) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double normInf(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
