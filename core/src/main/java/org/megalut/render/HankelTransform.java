package org.megalut.render;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Order-0 Hankel transform ∫₀^∞ f(r) J0(k r) r dr by Ogata's (2005) double-exponential Bessel
 * quadrature, as GalSim does (docs/rendering.md, "Hankel integrator").
 *
 * <p>With ξ_i = j_{0,i}/π (j_{0,i} the zeros of J0), ψ(t) = t·tanh((π/2) sinh t) and
 * x_i = (π/h)ψ(hξ_i), the integral is (1/k²) Σ_i c_i f(x_i/k) with
 * c_i = π w_i x_i J0(x_i) ψ'(hξ_i) and w_i = Y0(j_i)/J1(j_i) = 2/(π j_i J1(j_i)²) (Wronskian
 * J1Y0 − J0Y1 = 2/(πx) at a zero of J0). The nodes and c_i depend only on h = 2^{−m}, so they are
 * computed once per level and shared. Close to the zeros J0(x_i) is evaluated as −J1(j_i)δ with
 * δ = x_i − j_i computed without cancellation, so the terms decay double-exponentially instead of
 * stalling at rounding level.
 *
 * <p>The step starts at min(1/32, 0.05·k·scale), where {@code scale} is the radius that holds most
 * of ∫ f r dr (the first node must resolve it), and is halved until two answers, or two
 * Aitken-accelerated answers, agree to relerr or abserr. f must be bounded by about |f(0)| and
 * decay; evaluation stops once f(x/k) is exactly 0 over a whole batch of nodes.
 *
 * <p>{@link #finite} handles a profile truncated at r_max (a finite range, where Ogata's rule would
 * see a discontinuity) by Gauss–Legendre panels instead.
 *
 * <p>Thread-safe: the level caches are immutable once published.
 */
final class HankelTransform {
    private static final int MIN_LEVEL = 5;
    private static final int MAX_LEVEL = 19;   // h = 2^−19: about 1.6e6 nodes, 25 MB
    private static final Level[] LEVELS = new Level[MAX_LEVEL + 1];

    private HankelTransform() {
    }

    /** Nodes x_i and coefficients c_i for h = 2^{−m}, truncated where |c_i| has decayed below 1e-30. */
    private record Level(double[] x, double[] c) {
    }

    private static Level level(int m) {
        Level lv = LEVELS[m];
        if (lv == null) {
            synchronized (LEVELS) {
                lv = LEVELS[m];
                if (lv == null) {
                    lv = buildLevel(Math.scalb(1.0, -m));
                    LEVELS[m] = lv;
                }
            }
        }
        return lv;
    }

    private static Level buildLevel(double h) {
        int cap = (int) Math.ceil(8 / h) + 64;
        double[] xs = new double[cap];
        double[] cs = new double[cap];
        int n = 0;
        double cmax = 0;
        double x = 0;
        for (int i = 0; i < cap; i++) {
            double j = zero(i, x);
            double j1 = Bessel.j1(j);
            double w = 2 / (Math.PI * j * j1 * j1);
            double t = h * j / Math.PI;
            double a = 0.5 * Math.PI * Math.sinh(t);
            double e = Math.exp(-2 * a);             // 1 − tanh a = 2e/(1 + e)
            double oneMinusTanh = 2 * e / (1 + e);
            double sech2 = 4 * e / ((1 + e) * (1 + e));
            double dpsi = (1 - oneMinusTanh) + (sech2 == 0 ? 0 : t * 0.5 * Math.PI * Math.cosh(t) * sech2);
            double delta = -(Math.PI / h) * t * oneMinusTanh;   // x_i − j_i
            x = j + delta;
            double j0 = Math.abs(delta) < 1e-7 * j ? -j1 * delta * (1 - 0.5 * delta / j) : Bessel.j0(x);
            double c = Math.PI * w * x * j0 * dpsi;
            xs[n] = x;
            cs[n] = c;
            n++;
            cmax = Math.max(cmax, Math.abs(c));
            if (t > 1 && Math.abs(c) < 1e-30 * cmax) {
                break;
            }
            x = j;
        }
        return new Level(Arrays.copyOf(xs, n), Arrays.copyOf(cs, n));
    }

    /** The i-th zero of J0 (McMahon's expansion refined by Newton with J0' = −J1). */
    private static double zero(int i, double previous) {
        double beta = (i + 0.75) * Math.PI;
        double x = beta + 1 / (8 * beta) - 124 / (3 * Math.pow(8 * beta, 3));
        for (int it = 0; it < 8; it++) {
            double dx = Bessel.j0(x) / Bessel.j1(x);
            x += dx;
            if (Math.abs(dx) < 1e-15 * x) {
                break;
            }
        }
        return x;
    }

    /**
     * ∫₀^∞ f(r) J0(k r) r dr.
     *
     * @param f      integrand factor, evaluated at r ≥ 0
     * @param k      frequency, &gt; 0
     * @param scale  radius (units of r) that holds most of ∫ f r dr
     * @param relerr relative tolerance between successive step halvings
     * @param abserr absolute tolerance
     * @throws ArithmeticException if the quadrature does not converge
     */
    static double transform(DoubleUnaryOperator f, double k, double scale, double relerr, double abserr) {
        if (!(k > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("Hankel transform needs k > 0 and scale > 0, got k = " + k + ", scale = " + scale);
        }
        int m = MIN_LEVEL;
        while (Math.scalb(1.0, -m) > 0.05 * k * scale && m < MAX_LEVEL - 2) {
            m++;
        }
        // Profiles with a cusp at r = 0 (e.g. exp(−r^{1/n})) converge only algebraically in h, so the
        // level sequence is accelerated with Aitken's Δ² and the accelerated values are compared.
        double a0 = sum(f, k, level(m));
        double a1 = sum(f, k, level(++m));
        if (Math.abs(a1 - a0) <= Math.max(relerr * Math.abs(a1), abserr) && m > MIN_LEVEL + 1) {
            return a1;
        }
        double prevAcc = Double.NaN;
        for (m++; m <= MAX_LEVEL; m++) {
            double a2 = sum(f, k, level(m));
            double d1 = a1 - a0;
            double d2 = a2 - a1;
            double tol = Math.max(relerr * Math.abs(a2), abserr);
            if (Math.abs(d2) <= tol) {
                return a2;
            }
            double acc = (Math.abs(d2) < Math.abs(d1) && d2 != d1) ? a2 - d2 * d2 / (d2 - d1) : a2;
            if (Math.abs(acc - prevAcc) <= tol && Math.abs(acc - a2) <= 100 * Math.abs(d2)) {
                return acc;
            }
            prevAcc = acc;
            a0 = a1;
            a1 = a2;
        }
        throw new ArithmeticException("Hankel transform did not converge at k = " + k);
    }

    private static final GaussIntegrator GL20 =
            new GaussIntegratorFactory().legendre(20, -1, 1);

    /**
     * ∫₀^{rMax} f(r) J0(k r) r dr for f smooth on [0, rMax] (a truncated profile), by 20-point
     * Gauss–Legendre panels no wider than {@code scale}/2 (f's own length scale) nor 8 radians of J0
     * phase: about 1e-14 relative for profiles like (1 + r²)^{−β}. k ≥ 0 (k = 0 gives ∫ f r dr).
     */
    static double finite(DoubleUnaryOperator f, double k, double rMax, double scale) {
        if (!(k >= 0) || !(rMax > 0) || !(scale > 0) || Double.isInfinite(rMax)) {
            throw new IllegalArgumentException("finite Hankel transform needs k >= 0 and finite rMax, scale > 0, got k = "
                    + k + ", rMax = " + rMax + ", scale = " + scale);
        }
        double width = Math.min(0.5 * scale, k > 0 ? 8 / k : Double.POSITIVE_INFINITY);
        int panels = (int) Math.ceil(rMax / width);
        double w = rMax / panels;
        double total = 0;
        for (int p = 0; p < panels; p++) {
            double mid = (p + 0.5) * w;
            double panel = 0;
            for (int i = 0; i < GL20.getNumberOfPoints(); i++) {
                double r = mid + 0.5 * w * GL20.getPoint(i);
                panel += GL20.getWeight(i) * f.applyAsDouble(r) * Bessel.j0(k * r) * r;
            }
            total += 0.5 * w * panel;
        }
        return total;
    }

    private static double sum(DoubleUnaryOperator f, double k, Level lv) {
        double[] x = lv.x;
        double[] c = lv.c;
        double invK = 1 / k;
        double total = 0;
        for (int start = 0; start < x.length; start += 256) {
            int end = Math.min(start + 256, x.length);
            boolean allZero = true;
            for (int i = start; i < end; i++) {
                double fv = f.applyAsDouble(x[i] * invK);
                if (fv != 0) {
                    allZero = false;
                    total += c[i] * fv;
                }
            }
            if (allZero) {
                break;
            }
        }
        return total * invK * invK;
    }
}
