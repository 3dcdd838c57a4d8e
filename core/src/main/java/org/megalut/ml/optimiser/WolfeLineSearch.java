package org.megalut.ml.optimiser;

/**
 * A line search for a step α along a descent direction p satisfying the strong Wolfe conditions
 * (Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6), with φ(α) = f(x + αp):
 * <ul>
 * <li>sufficient decrease: φ(α) ≤ φ(0) + c1·α·φ'(0);</li>
 * <li>curvature: |φ'(α)| ≤ c2·|φ'(0)|.</li>
 * </ul>
 * The bracketing phase doubles α until the conditions hold or an interval containing acceptable steps is found;
 * the zoom phase shrinks it with safeguarded cubic interpolation (falling back to bisection). Defaults
 * c1 = 1e-4, c2 = 0.9 are those of scipy's BFGS, which Tenbilac used. Stateless and thread-safe.
 */
public final class WolfeLineSearch {
    private static final int MAX_BRACKET = 25;
    private static final int MAX_ZOOM = 40;
    /** Interpolated trial steps must stay this fraction of the interval away from its ends. */
    private static final double SAFEGUARD = 0.1;

    private final double c1;
    private final double c2;

    /** c1 = 1e-4, c2 = 0.9. */
    public WolfeLineSearch() {
        this(1e-4, 0.9);
    }

    /** @throws IllegalArgumentException unless 0 &lt; c1 &lt; c2 &lt; 1 */
    public WolfeLineSearch(double c1, double c2) {
        if (!(0 < c1 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("Wolfe constants need 0 < c1 < c2 < 1, got c1=" + c1 + ", c2=" + c2);
        }
        this.c1 = c1;
        this.c2 = c2;
    }

    /** A point on the line: step, value, directional derivative, and the full point and gradient. */
    public record Step(double alpha, double value, double slope, double[] x, double[] gradient) {
    }

    /**
     * The outcome: the accepted step (null on failure) and the number of evaluations of f used.
     */
    public record Result(Step step, int evaluations) {
        public boolean success() {
            return step != null;
        }
    }

    /**
     * Searches along {@code p} from {@code x}.
     *
     * @param fx f(x)
     * @param gx ∇f(x)
     * @param alpha0 the first trial step (&gt; 0)
     * @throws IllegalArgumentException if p is not a descent direction (∇f·p ≥ 0)
     */
    public Result search(DifferentiableFunction f, double[] x, double fx, double[] gx, double[] p, double alpha0) {
        double slope0 = dot(gx, p);
        if (!(slope0 < 0)) {
            throw new IllegalArgumentException("line search direction is not a descent direction: g·p = " + slope0);
        }
        Evaluator ev = new Evaluator(f, x, p);
        Step origin = new Step(0.0, fx, slope0, x, gx);
        Step prev = origin;
        double alpha = alpha0;
        for (int i = 0; i < MAX_BRACKET; i++) {
            Step cur = ev.at(alpha);
            if (!Double.isFinite(cur.value) || cur.value > fx + c1 * alpha * slope0
                    || (i > 0 && cur.value >= prev.value)) {
                return zoom(ev, origin, prev, cur);
            }
            if (Math.abs(cur.slope) <= -c2 * slope0) {
                return new Result(cur, ev.count);
            }
            if (cur.slope >= 0) {
                return zoom(ev, origin, cur, prev);
            }
            prev = cur;
            alpha *= 2.0;
        }
        return new Result(null, ev.count);
    }

    /** Algorithm 3.6: lo satisfies sufficient decrease with the lowest value so far; the minimiser lies between. */
    private Result zoom(Evaluator ev, Step origin, Step lo, Step hi) {
        double phi0 = origin.value;
        double slope0 = origin.slope;
        for (int j = 0; j < MAX_ZOOM; j++) {
            double a = lo.alpha;
            double b = hi.alpha;
            double width = Math.abs(b - a);
            if (width <= 1e-16 * Math.max(Math.abs(a), Math.abs(b))) {
                break;
            }
            double lower = Math.min(a, b) + SAFEGUARD * width;
            double upper = Math.max(a, b) - SAFEGUARD * width;
            double trial = cubicMinimizer(lo, hi);
            if (!(trial >= lower && trial <= upper)) {
                trial = 0.5 * (a + b);
            }
            Step t = ev.at(trial);
            if (!Double.isFinite(t.value) || t.value > phi0 + c1 * trial * slope0 || t.value >= lo.value) {
                hi = t;
            } else {
                if (Math.abs(t.slope) <= -c2 * slope0) {
                    return new Result(t, ev.count);
                }
                if (t.slope * (hi.alpha - lo.alpha) >= 0) {
                    hi = lo;
                }
                lo = t;
            }
        }
        return new Result(null, ev.count);
    }

    /**
     * The minimiser of the cubic through (a, φa, φ'a) and (b, φb, φ'b) (Nocedal &amp; Wright eq. 3.59), or NaN when
     * it does not exist.
     */
    static double cubicMinimizer(Step s1, Step s2) {
        double a = s1.alpha;
        double b = s2.alpha;
        if (!Double.isFinite(s1.value) || !Double.isFinite(s2.value) || !Double.isFinite(s1.slope)
                || !Double.isFinite(s2.slope) || a == b) {
            return Double.NaN;
        }
        double d1 = s1.slope + s2.slope - 3.0 * (s1.value - s2.value) / (a - b);
        double disc = d1 * d1 - s1.slope * s2.slope;
        if (disc < 0) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        double denom = s2.slope - s1.slope + 2.0 * d2;
        if (denom == 0) {
            return Double.NaN;
        }
        return b - (b - a) * (s2.slope + d2 - d1) / denom;
    }

    static double dot(double[] u, double[] v) {
        double s = 0.0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /** Evaluates φ and φ' along the line, counting evaluations. */
    private static final class Evaluator {
        final DifferentiableFunction f;
        final double[] x;
        final double[] p;
        int count;

        Evaluator(DifferentiableFunction f, double[] x, double[] p) {
            this.f = f;
            this.x = x;
            this.p = p;
        }

        Step at(double alpha) {
            double[] xa = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                xa[i] = x[i] + alpha * p[i];
            }
            double[] g = new double[x.length];
            double v = f.valueAndGradient(xa, g);
            count++;
            return new Step(alpha, v, dot(g, p), xa, g);
        }
    }
}
