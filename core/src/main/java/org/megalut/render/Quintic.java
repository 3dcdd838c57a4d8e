package org.megalut.render;

/**
 * GalSim's Quintic interpolation kernel (support |t| ≤ 3, reproduces quartics) and its Fourier
 * transform (docs/rendering.md, "Quintic").
 *
 * <p>K(t) = 1 + t³(−95/12 + t(23/2 − 55t/12)) for |t| ≤ 1,
 * (t−1)(t−2)(−23/4 + t(29/2 + t(−83/8 + 55t/24))) for 1 &lt; |t| ≤ 2,
 * (t−2)(t−3)²(−9/4 + t(25/12 − 11t/24)) for 2 &lt; |t| ≤ 3 (with t = |t|), and
 * û(u) = ∫K(t)e^{−2πiut}dt = s⁵[s(55 − 19π²u²) + 2c(π²u² − 27)] with s = sinc(u), c = cos(πu).
 */
final class Quintic implements Interpolant {
    /** Half-width of the support, in samples. */
    static final int RANGE = 3;
    /** The interpolant (GalSim's default x- and k-interpolant). */
    static final Quintic INSTANCE = new Quintic();
    private static final double U_MAX = uMax(GSParams.DEFAULT.kvalueAccuracy());

    private Quintic() {
    }

    @Override
    public double xval(double t) {
        return kernel(t);
    }

    @Override
    public double uval(double u) {
        return transform(u);
    }

    @Override
    public int xrange() {
        return RANGE;
    }

    @Override
    public double urange() {
        return U_MAX;
    }

    @Override
    public String toString() {
        return "quintic";
    }

    static double kernel(double t) {
        t = Math.abs(t);
        if (t <= 1) {
            return 1 + t * t * t * (-95.0 / 12 + t * (23.0 / 2 - 55.0 * t / 12));
        }
        if (t <= 2) {
            return (t - 1) * (t - 2) * (-23.0 / 4 + t * (29.0 / 2 + t * (-83.0 / 8 + 55.0 * t / 24)));
        }
        if (t <= 3) {
            return (t - 2) * (t - 3) * (t - 3) * (-9.0 / 4 + t * (25.0 / 12 - 11.0 * t / 24));
        }
        return 0;
    }

    /** û(u), u in cycles per sample. */
    static double transform(double u) {
        double pu = Math.PI * u;
        double s = Pixel.sinxOverX(pu);
        double c = Math.cos(pu);
        double p2 = pu * pu;
        double s2 = s * s;
        return s2 * s2 * s * (s * (55 - 19 * p2) + 2 * c * (p2 - 27));
    }

    /** GalSim's u range: |û(u)| is below kvalue_accuracy beyond u_max = (25√5/108/ka)^{1/3}/π. */
    static double uMax(double kvalueAccuracy) {
        return Math.cbrt(25 * Math.sqrt(5) / 108 / kvalueAccuracy) / Math.PI;
    }
}
