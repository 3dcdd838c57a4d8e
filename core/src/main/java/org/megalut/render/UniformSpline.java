package org.megalut.render;

/**
 * Natural cubic spline through values y_i at equally spaced nodes x_i = x0 + i·h. Immutable.
 *
 * <p>Stored as values and second derivatives; evaluation is the standard cubic Hermite form
 * y = A y_i + B y_{i+1} + ((A³ − A) m_i + (B³ − B) m_{i+1}) h²/6 with B = (x − x_i)/h, A = 1 − B.
 * Outside [x0, x_last] it extrapolates the end cubic; callers handle their own asymptotes.
 */
final class UniformSpline {
    private final double x0;
    private final double h;
    private final double invH;
    private final double[] y;
    private final double[] m;   // second derivatives times h²/6

    UniformSpline(double x0, double h, double[] y) {
        if (y.length < 3) {
            throw new IllegalArgumentException("a spline needs at least 3 nodes, got " + y.length);
        }
        this.x0 = x0;
        this.h = h;
        this.invH = 1 / h;
        this.y = y.clone();
        this.m = naturalSecondDerivatives(y, h);
    }

    private UniformSpline(double x0, double h, double[] y, double[] m) {
        this.x0 = x0;
        this.h = h;
        this.invH = 1 / h;
        this.y = y;
        this.m = m;
    }

    /**
     * The spline through the nodes Σ wₐ·yₐ of splines on one grid: a natural spline's second
     * derivatives are linear in its node values, so they are combined too rather than solved again.
     */
    static UniformSpline combine(double[] weights, UniformSpline[] splines) {
        UniformSpline first = splines[0];
        int n = first.y.length;
        double[] y = new double[n];
        double[] m = new double[n];
        for (int a = 0; a < splines.length; a++) {
            UniformSpline s = splines[a];
            if (s.x0 != first.x0 || s.h != first.h || s.y.length != n) {
                throw new IllegalArgumentException("splines on different grids cannot be combined");
            }
            double w = weights[a];
            double[] sy = s.y;
            double[] sm = s.m;
            // one store per loop, same index: vectorised by the JIT
            for (int i = 0; i < n; i++) {
                y[i] += w * sy[i];
            }
            for (int i = 0; i < n; i++) {
                m[i] += w * sm[i];
            }
        }
        return new UniformSpline(first.x0, first.h, y, m);
    }

    /** Solves the tridiagonal system of a natural spline (Thomas algorithm), result scaled by h²/6. */
    private static double[] naturalSecondDerivatives(double[] y, double h) {
        int n = y.length;
        double[] c = new double[n];
        double[] d = new double[n];
        // Interior rows: m_{i−1} + 4 m_i + m_{i+1} = 6 (y_{i+1} − 2y_i + y_{i−1})/h²; m_0 = m_{n−1} = 0.
        for (int i = 1; i < n - 1; i++) {
            double rhs = 6 * (y[i + 1] - 2 * y[i] + y[i - 1]) / (h * h);
            double denom = 4 - (i > 1 ? c[i - 1] : 0);
            c[i] = 1 / denom;
            d[i] = (rhs - (i > 1 ? d[i - 1] : 0)) / denom;
        }
        double[] mm = new double[n];
        for (int i = n - 2; i >= 1; i--) {
            mm[i] = d[i] - c[i] * mm[i + 1];
        }
        double s = h * h / 6;
        for (int i = 0; i < n; i++) {
            mm[i] *= s;
        }
        return mm;
    }

    double node(int i) { return y[i]; }
    double xLast() { return x0 + (y.length - 1) * h; }

    double value(double x) {
        double u = (x - x0) * invH;
        int i = (int) Math.floor(u);
        if (i < 0) {
            i = 0;
        } else if (i > y.length - 2) {
            i = y.length - 2;
        }
        double b = u - i;
        double a = 1 - b;
        return a * y[i] + b * y[i + 1] + (a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1];
    }
}
