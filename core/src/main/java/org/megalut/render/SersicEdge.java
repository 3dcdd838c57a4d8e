package org.megalut.render;

/**
 * The oscillating edge term of a truncated Sérsic transform, which the ln k table cannot sample at
 * large k (its period 2π/R_t in k shrinks below the node spacing k·Δ), so {@link SersicKTable} stores
 * the transform plus this term and subtracts it exactly at evaluation.
 *
 * <p>With f(r) = exp(−r^{1/n}) (units of r0), the tail beyond R = R_t has the endpoint expansion
 * (repeated integration by parts with d(rJ1(kr))/dr = k r J0(kr) and J1 = −J0'/k)
 * ∫_R^∞ f J0(kr) r dr = −R f J1(kR)/k − R f' J0(kR)/k² − (R f'' + f') J1(kR)/k³ + O(k⁻⁴), all at R.
 * The truncated transform per unit flux is (H_∞ − norm·tail)/P(2n, z_t), so adding
 * w·norm·E/P (E the three terms) leaves a smooth function. The weight w(kR) rises smoothly (quintic
 * smoothstep) from 0 at kR = {@value #X_ON} to 1 at {@value #X_FULL}, where the table still has
 * 12 nodes per oscillation, so switching the term on adds nothing the spline cannot follow.
 */
final class SersicEdge {
    static final double X_ON = 8;
    static final double X_FULL = 16;

    private final double rt;
    private final double c1;
    private final double c2;
    private final double c3;
    private final double scale;

    /**
     * @param n       Sérsic index
     * @param truncR0 truncation radius R_t in units of r0
     * @param scale   norm/P(2n, z_t) = 1/(nΓ(2n)P(2n, z_t)), the unit-flux normalisation
     */
    SersicEdge(double n, double truncR0, double scale) {
        double a = 1 / n;
        double f = Math.exp(-Math.pow(truncR0, a));
        double df = -a * Math.pow(truncR0, a - 1) * f;
        double d2f = f * (-a * (a - 1) * Math.pow(truncR0, a - 2) + a * a * Math.pow(truncR0, 2 * a - 2));
        this.rt = truncR0;
        this.c1 = truncR0 * f;
        this.c2 = truncR0 * df;
        this.c3 = truncR0 * d2f + df;
        this.scale = scale;
    }

    /** w(q₀R_t)·scale·E(q₀) for q₀ = k·r0 (the unweighted expansion for {@link #tail}). */
    double value(double q0) {
        double x = q0 * rt;
        if (x <= X_ON) {
            return 0;
        }
        double w = 1;
        if (x < X_FULL) {
            double t = (x - X_ON) / (X_FULL - X_ON);
            w = t * t * t * (10 + t * (-15 + 6 * t));
        }
        return w * scale * tail(q0);
    }

    /** The three-term expansion of ∫_{R_t}^∞ f J0(q₀r) r dr (unnormalised). */
    double tail(double q0) {
        double x = q0 * rt;
        double j0 = Bessel.j0(x);
        double j1 = Bessel.j1(x);
        double inv = 1 / q0;
        return -inv * (c1 * j1 + inv * (c2 * j0 + inv * c3 * j1));
    }
}
