package org.megalut.render;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * Untruncated Moffat profile I(r) = flux(β−1)/(π r_d²)·(1 + r²/r_d²)^{−β}, β &gt; 1 (reference §3).
 * Sizes in arcsec; r_d = FWHM/(2√(2^{1/β} − 1)).
 *
 * <p>F(q)/flux = (4/(Γ(β−1)2^β)) K_{β−1}(q) q^{β−1}, q = k·r_d (K2(q)q²/2 for β = 3). K_ν comes from
 * K_ν(q) = ∫₀^∞ e^{−q cosh t} cosh(νt) dt by the trapezoid rule (exponentially convergent for this
 * integrand), tabulated once per instance in ln q with a natural cubic spline.
 *
 * <p>GalSim's sizes: stepK = π/R with R = ft^{0.5/(1−β)}·r_d floored at 5·hlr,
 * hlr = r_d√(0.5^{1/(1−β)} − 1); maxK is the k where F/flux = maxk_threshold (Brent on k² in
 * [0, 100]/r_d²). Real space is set to 0 beyond R_max with (1 + R_max²)^{1−β} = xvalue_accuracy, as
 * GalSim does for untruncated Moffats. Truncation is not implemented.
 */
public final class Moffat extends RadialProfile {
    private static final double Q_LO = 1e-4;
    private static final double DX = 0.02;

    private final double beta;
    private final double rd;
    private final double flux;
    private final double rd2;
    private final double xNorm;
    private final double rMax2;
    private final double lowSlope;    // F ≈ 1 − (1 − F(Q_LO))·(q/Q_LO)^lowSlope below Q_LO
    private final double lowDrop;
    private final double xHi;
    private final UniformSpline spline;
    private final double stepK;
    private final double maxK;

    private Moffat(double beta, double rd, double flux) {
        if (!(beta > 1.1) || beta > 100) {
            throw new IllegalArgumentException("Moffat beta must be in (1.1, 100], got " + beta);
        }
        if (!(rd > 0) || Double.isInfinite(rd)) {
            throw new IllegalArgumentException("Moffat scale radius must be positive and finite, got " + rd);
        }
        this.beta = beta;
        this.rd = rd;
        this.flux = flux;
        this.rd2 = rd * rd;
        this.xNorm = flux * (beta - 1) / (Math.PI * rd2);
        this.rMax2 = Math.pow(GSParams.DEFAULT.xvalueAccuracy(), 1 / (1 - beta)) - 1;

        double nu = beta - 1;
        double pref = 4 / (Math.exp(Gamma.logGamma(beta - 1)) * Math.pow(2, beta));
        java.util.List<Double> vals = new java.util.ArrayList<>();
        double x = Math.log(Q_LO);
        while (true) {
            double q = Math.exp(x);
            double v = pref * besselK(nu, q) * Math.pow(q, nu);
            vals.add(v);
            if (v < 1e-16) {
                break;
            }
            x += DX;
        }
        double[] y = vals.stream().mapToDouble(Double::doubleValue).toArray();
        this.spline = new UniformSpline(Math.log(Q_LO), DX, y);
        this.xHi = spline.xLast();
        this.lowSlope = Math.min(2, 2 * beta - 2);
        this.lowDrop = 1 - y[0];

        GSParams gs = GSParams.DEFAULT;
        double hlr = rd * Math.sqrt(Math.pow(0.5, 1 / (1 - beta)) - 1);
        double r = Math.max(Math.pow(gs.foldingThreshold(), 0.5 / (1 - beta)) * rd, gs.stepkMinimumHlr() * hlr);
        this.stepK = Math.PI / r;
        double mt = gs.maxkThreshold();
        double q2 = new BrentSolver(1e-12, 1e-12).solve(200, t -> unitValue(t) - mt, 0, 100 * 100);
        this.maxK = Math.sqrt(q2) / rd;
    }

    /** Moffat of index beta and full width at half maximum fwhm (arcsec). */
    public static Moffat ofFwhm(double beta, double fwhm, double flux) {
        return new Moffat(beta, fwhm / (2 * Math.sqrt(Math.pow(2, 1 / beta) - 1)), flux);
    }

    /** Moffat of index beta and scale radius r_d (arcsec). */
    public static Moffat ofScaleRadius(double beta, double rd, double flux) {
        return new Moffat(beta, rd, flux);
    }

    /** K_ν(q) = ∫₀^∞ e^{−q cosh t} cosh(νt) dt, trapezoid rule with step 0.05 up to e^{−q cosh t} &lt; 1e-300·scale. */
    static double besselK(double nu, double q) {
        double h = 0.05;
        double sum = 0.5 * Math.exp(-q);
        for (int i = 1; ; i++) {
            double t = i * h;
            double term = Math.exp(-q * Math.cosh(t) + nu * t) * 0.5 * (1 + Math.exp(-2 * nu * t));
            sum += term;
            if (term < 1e-18 * sum) {
                break;
            }
        }
        return h * sum;
    }

    /** F/flux at q² = (k r_d)². */
    private double unitValue(double q2) {
        if (q2 < Q_LO * Q_LO) {
            return 1 - lowDrop * Math.pow(q2 / (Q_LO * Q_LO), 0.5 * lowSlope);
        }
        double x = 0.5 * Math.log(q2);
        return x > xHi ? 0 : spline.value(x);
    }

    public double beta() { return beta; }
    public double scaleRadius() { return rd; }
    public double fwhm() { return 2 * rd * Math.sqrt(Math.pow(2, 1 / beta) - 1); }

    @Override
    public double flux() {
        return flux;
    }

    @Override
    public double stepK() {
        return stepK;
    }

    @Override
    public double maxK() {
        return maxK;
    }

    @Override
    public double radialKValue(double k2) {
        return flux * unitValue(k2 * rd2);
    }

    @Override
    public boolean hasXValue() {
        return true;
    }

    @Override
    public double xValue(double x, double y) {
        double u = (x * x + y * y) / rd2;
        return u > rMax2 ? 0 : xNorm * Math.pow(1 + u, -beta);
    }

    @Override
    public String toString() {
        return "Moffat[beta=" + beta + ", fwhm=" + fwhm() + ", flux=" + flux + "]";
    }
}
