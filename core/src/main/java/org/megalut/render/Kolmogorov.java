package org.megalut.render;

/**
 * Kolmogorov atmospheric PSF: F(k) = flux·exp(−(|k|/k0)^{5/3}) (docs/rendering.md, "Kolmogorov").
 *
 * <p>λ/r0 = FWHM/0.9758634299 and k0 = 2.992939911888651/(λ/r0), the constant being
 * 2π(24Γ(6/5)/5)^{−1/2}; sizes in arcsec, k in radians per arcsec.
 *
 * <p>GalSim's sizes: maxK = k0·(−ln kvalue_accuracy)^{3/5}. stepK = k0·π/R, where R (units of 1/k0)
 * extrapolates the r^{−11/3} tail of the real-space profile from the last node of GalSim's table,
 * R = (2π T(r1) r1^{11/3}/((5/3)·ft))^{3/5}, floored at 5·hlr; see {@link #stepRadius()}.
 */
public final class Kolmogorov extends RadialProfile {
    /** FWHM / (λ/r0). */
    public static final double FWHM_FACTOR = 0.9758634299;
    /** hlr / (λ/r0). */
    public static final double HLR_FACTOR = 0.5548101137;
    private static final double K0_FACTOR = 2.992939911888651;
    private static volatile double stepRadius = Double.NaN;

    private final double lamOverR0;
    private final double flux;
    private final double k0;
    private final double invK0Sq;

    private Kolmogorov(double lamOverR0, double flux) {
        if (!(lamOverR0 > 0) || Double.isInfinite(lamOverR0)) {
            throw new IllegalArgumentException("Kolmogorov size must be positive and finite, got lam_over_r0 = " + lamOverR0);
        }
        this.lamOverR0 = lamOverR0;
        this.flux = flux;
        this.k0 = K0_FACTOR / lamOverR0;
        this.invK0Sq = 1 / (k0 * k0);
    }

    /** Kolmogorov PSF of the given FWHM (arcsec). */
    public static Kolmogorov ofFwhm(double fwhm, double flux) {
        return new Kolmogorov(fwhm / FWHM_FACTOR, flux);
    }

    /** Kolmogorov PSF of the given half-light radius (arcsec). */
    public static Kolmogorov ofHalfLightRadius(double hlr, double flux) {
        return new Kolmogorov(hlr / HLR_FACTOR, flux);
    }

    /** Kolmogorov PSF of the given λ/r0 (arcsec). */
    public static Kolmogorov ofLamOverR0(double lamOverR0, double flux) {
        return new Kolmogorov(lamOverR0, flux);
    }

    public double fwhm() { return lamOverR0 * FWHM_FACTOR; }
    public double k0() { return k0; }

    @Override
    public double flux() {
        return flux;
    }

    @Override
    public double maxK() {
        return k0 * Math.pow(-Math.log(GSParams.DEFAULT.kvalueAccuracy()), 0.6);
    }

    @Override
    public double stepK() {
        return k0 * Math.PI / stepRadius();
    }

    @Override
    public double radialKValue(double k2) {
        // (|k|/k0)^{5/3} = u^{5/6} with u = k²/k0²
        return flux * Math.exp(-Math.pow(k2 * invK0Sq, 5.0 / 6.0));
    }

    /**
     * The folding radius in units of 1/k0, a universal constant computed once.
     *
     * <p>GalSim tabulates T(ρ) = (1/2π)∫ e^{−q^{5/3}} J0(qρ) q dq at ρ = exp(−3 + mΔ),
     * Δ = (xa/10)^{1/4}, stopping at the first node where T·ρ²/1.67 &lt; shoot_accuracy/(2π); that
     * node (r1, T1) sets the tail extrapolation.
     */
    static double stepRadius() {
        double r = stepRadius;
        if (Double.isNaN(r)) {
            r = computeStepRadius(GSParams.DEFAULT);
            stepRadius = r;
        }
        return r;
    }

    private static double computeStepRadius(GSParams gs) {
        double delta = Math.pow(gs.xvalueAccuracy() / 10, 0.25);
        double limit = gs.shootAccuracy() / (2 * Math.PI);
        double rho = 0;
        double t = 0;
        for (int m = 0; ; m++) {
            rho = Math.exp(-3 + m * delta);
            t = realSpace(rho);
            if (t * rho * rho / 1.67 < limit || rho >= 1e4) {
                break;
            }
        }
        double n = 11.0 / 3;
        double big = Math.pow(2 * Math.PI * t * Math.pow(rho, n) / ((n - 2) * gs.foldingThreshold()), 1 / (n - 2));
        double hlr = K0_FACTOR * HLR_FACTOR;
        return Math.max(big, gs.stepkMinimumHlr() * hlr);
    }

    /** T(ρ) = (1/2π)∫₀^∞ e^{−q^{5/3}} J0(qρ) q dq: the unit-flux profile at radius ρ/k0, times 1/k0². */
    static double realSpace(double rho) {
        return HankelTransform.transform(q -> Math.exp(-Math.pow(q, 5.0 / 3.0)), rho, 1, 1e-8, 1e-14) / (2 * Math.PI);
    }

    @Override
    public String toString() {
        return "Kolmogorov[fwhm=" + fwhm() + ", flux=" + flux + "]";
    }
}
