package org.megalut.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * Moffat profile I(r) = flux(β−1)/(π r_d² f_t)·(1 + r²/r_d²)^{−β} (docs/rendering.md, "Moffat"), optionally
 * truncated at r = trunc (GalSim's {@code trunc}). Sizes in arcsec; r_d = FWHM/(2√(2^{1/β} − 1)).
 * Untruncated f_t = 1 and β &gt; 1.1; truncated, I = 0 beyond trunc and
 * f_t = 1 − (1 + trunc²/r_d²)^{1−β} (the kept fraction), so {@code flux} is the truncated flux, and
 * β &gt; 1 suffices.
 *
 * <p>F(q)/flux = (4/(Γ(β−1)2^β)) K_{β−1}(q) q^{β−1}, q = k·r_d (K2(q)q²/2 for β = 3). K_ν comes from
 * K_ν(q) = ∫₀^∞ e^{−q cosh t} cosh(νt) dt by the trapezoid rule (exponentially convergent for this
 * integrand), tabulated once per instance in ln q with a natural cubic spline.
 *
 * <p>GalSim's sizes: stepK = π/R with R = ft^{0.5/(1−β)}·r_d floored at 5·hlr,
 * hlr = r_d√(0.5^{1/(1−β)} − 1); maxK is the k where F/flux = maxk_threshold (Brent on k² in
 * [0, 100]/r_d²). Real space is set to 0 beyond R_max with (1 + R_max²)^{1−β} = xvalue_accuracy, as
 * GalSim does for untruncated Moffats.
 *
 * <p>Truncated (GalSim's SBMoffat): F(q)/flux = 2(β−1)/f_t·∫₀^{trunc/r_d} (1 + r²)^{−β} J0(q r) r dr,
 * tabulated by {@link HankelTransform#finite} at GalSim's nodes q_i = iΔ, Δ = (ka/10)^{1/4}, until 5
 * nodes in a row have |F| ≤ ka·flux (or q reaches 50), 0 beyond; a natural cubic spline in q through
 * the nodes mirrored to q &lt; 0 (F is even) interpolates. maxK = the last node with |F| &gt; mt·flux.
 * stepK = π/R with R = min(ft^{0.5/(1−β)}·r_d, trunc) floored at 5·hlr, hlr being the truncated
 * profile's r_d√((1 − f_t/2)^{1/(1−β)} − 1); for β ≤ 1.1, R = trunc.
 */
public final class Moffat extends RadialProfile {
    private static final double Q_LO = 1e-4;
    private static final double DX = 0.02;
    /** Mirrored nodes below q = 0 in the truncated table, so the spline's end condition is far away. */
    private static final int MIRROR = 8;

    private final double beta;
    private final double rd;
    private final double trunc;       // arcsec, 0 if untruncated
    private final double qTableEnd;   // truncated: F = 0 beyond this q
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

    private Moffat(double beta, double rd, double trunc, double flux) {
        boolean truncated = trunc > 0;
        if (!(beta > (truncated ? 1 : 1.1)) || beta > 100) {
            throw new IllegalArgumentException("Moffat beta must be in " + (truncated ? "(1, 100]" : "(1.1, 100] (or truncated)")
                    + ", got " + beta);
        }
        if (!(rd > 0) || Double.isInfinite(rd)) {
            throw new IllegalArgumentException("Moffat scale radius must be positive and finite, got " + rd);
        }
        if (!(trunc >= 0) || Double.isInfinite(trunc)) {
            throw new IllegalArgumentException("Moffat trunc must be >= 0 and finite (0 = no truncation), got " + trunc);
        }
        this.beta = beta;
        this.rd = rd;
        this.trunc = trunc;
        this.flux = flux;
        this.rd2 = rd * rd;
        double truncRd = trunc / rd;
        double fluxFactor = truncated ? 1 - Math.pow(1 + truncRd * truncRd, 1 - beta) : 1;
        this.xNorm = flux * (beta - 1) / (Math.PI * rd2 * fluxFactor);
        this.rMax2 = truncated ? truncRd * truncRd : Math.pow(GSParams.DEFAULT.xvalueAccuracy(), 1 / (1 - beta)) - 1;
        GSParams gs = GSParams.DEFAULT;

        if (truncated) {
            double dq = Math.pow(gs.kvalueAccuracy() / 10, 0.25);   // GalSim's table spacing
            double pref = 2 * (beta - 1) / fluxFactor;
            List<Double> vals = new ArrayList<>();
            double lastAbove = 0;
            int below = 0;
            for (int i = 0; i * dq < 50; i++) {
                double q = i * dq;
                double v = pref * HankelTransform.finite(r -> Math.pow(1 + r * r, -beta), q, truncRd, 1);
                vals.add(v);
                if (Math.abs(v) > gs.maxkThreshold()) {
                    lastAbove = q;
                }
                below = Math.abs(v) > gs.kvalueAccuracy() ? 0 : below + 1;
                if (below == 5) {
                    break;
                }
            }
            int m = vals.size();
            double[] y = new double[m + MIRROR];
            for (int i = 0; i < m; i++) {
                y[MIRROR + i] = vals.get(i);
            }
            for (int i = 1; i <= MIRROR; i++) {
                y[MIRROR - i] = vals.get(Math.min(i, m - 1));
            }
            this.spline = new UniformSpline(-MIRROR * dq, dq, y);
            this.qTableEnd = (m - 1) * dq;
            this.xHi = 0;
            this.lowSlope = 0;
            this.lowDrop = 0;
            this.maxK = lastAbove / rd;
            double hlr = rd * Math.sqrt(Math.pow(1 - 0.5 * fluxFactor, 1 / (1 - beta)) - 1);
            double r;
            if (beta <= 1.1) {
                r = trunc;
            } else {
                r = Math.min(Math.pow(gs.foldingThreshold(), 0.5 / (1 - beta)) * rd, trunc);
                r = Math.max(r, gs.stepkMinimumHlr() * hlr);
            }
            this.stepK = Math.PI / r;
            return;
        }

        this.qTableEnd = 0;
        double nu = beta - 1;
        double pref = 4 / (Math.exp(Gamma.logGamma(beta - 1)) * Math.pow(2, beta));
        List<Double> vals = new ArrayList<>();
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

        double hlr = rd * Math.sqrt(Math.pow(0.5, 1 / (1 - beta)) - 1);
        double r = Math.max(Math.pow(gs.foldingThreshold(), 0.5 / (1 - beta)) * rd, gs.stepkMinimumHlr() * hlr);
        this.stepK = Math.PI / r;
        double mt = gs.maxkThreshold();
        double q2 = new BrentSolver(1e-12, 1e-12).solve(200, t -> unitValue(t) - mt, 0, 100 * 100);
        this.maxK = Math.sqrt(q2) / rd;
    }

    /** Moffat of index beta and full width at half maximum fwhm (arcsec). */
    public static Moffat ofFwhm(double beta, double fwhm, double flux) {
        return ofFwhm(beta, fwhm, flux, 0);
    }

    /** Moffat of index beta and scale radius r_d (arcsec). */
    public static Moffat ofScaleRadius(double beta, double rd, double flux) {
        return ofScaleRadius(beta, rd, flux, 0);
    }

    /** As {@link #ofFwhm(double, double, double)}, truncated at {@code trunc} arcsec (0 = untruncated). */
    public static Moffat ofFwhm(double beta, double fwhm, double flux, double trunc) {
        return new Moffat(beta, fwhm / (2 * Math.sqrt(Math.pow(2, 1 / beta) - 1)), trunc, flux);
    }

    /** As {@link #ofScaleRadius(double, double, double)}, truncated at {@code trunc} arcsec (0 = untruncated). */
    public static Moffat ofScaleRadius(double beta, double rd, double flux, double trunc) {
        return new Moffat(beta, rd, trunc, flux);
    }

    /**
     * Moffat of index beta whose (truncated, if trunc &gt; 0) profile has half-light radius hlr (arcsec),
     * as GalSim: untruncated r_d = hlr/√(0.5^{1/(1−β)} − 1); truncated, r_d solves
     * 2f(hlr) = f(trunc) with f(R) = 1 − (1 + R²/r_d²)^{1−β}, which needs trunc &gt; √2·hlr.
     *
     * @throws IllegalArgumentException if 0 &lt; trunc ≤ √2·hlr
     */
    public static Moffat ofHalfLightRadius(double beta, double hlr, double flux, double trunc) {
        if (!(hlr > 0) || Double.isInfinite(hlr) || !(beta > 1)) {
            throw new IllegalArgumentException("Moffat needs hlr > 0 and beta > 1, got hlr = " + hlr + ", beta = " + beta);
        }
        double rd = hlr / Math.sqrt(Math.pow(0.5, 1 / (1 - beta)) - 1);
        if (trunc > 0) {
            if (!(trunc > Math.sqrt(2) * hlr)) {
                throw new IllegalArgumentException("Moffat trunc must be > sqrt(2) * half_light_radius, got trunc = "
                        + trunc + ", hlr = " + hlr);
            }
            // 2f(hlr) − f(trunc) is 0 at the wanted r_d, positive below it (r_d → untruncated value keeps
            // f(hlr) = 1/2 > f(trunc)/2): expand the bracket up, then bisect.
            DoubleUnaryOperator g = r -> 2 * (1 - Math.pow(1 + hlr * hlr / (r * r), 1 - beta))
                    - (1 - Math.pow(1 + trunc * trunc / (r * r), 1 - beta));
            double lo = rd;
            double hi = 2 * rd;
            while (g.applyAsDouble(hi) > 0) {
                lo = hi;
                hi *= 2;
                if (hi > 1e6 * rd) {
                    throw new ArithmeticException("no Moffat scale radius for hlr = " + hlr + ", trunc = " + trunc);
                }
            }
            for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
                double mid = 0.5 * (lo + hi);
                if (g.applyAsDouble(mid) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            rd = 0.5 * (lo + hi);
        }
        return new Moffat(beta, rd, trunc, flux);
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
        if (trunc > 0) {
            double q = Math.sqrt(q2);
            return q > qTableEnd ? 0 : spline.value(q);
        }
        if (q2 < Q_LO * Q_LO) {
            return 1 - lowDrop * Math.pow(q2 / (Q_LO * Q_LO), 0.5 * lowSlope);
        }
        double x = 0.5 * Math.log(q2);
        return x > xHi ? 0 : spline.value(x);
    }

    public double beta() { return beta; }
    public double scaleRadius() { return rd; }

    /** Truncation radius in arcsec, 0 if untruncated. */
    public double trunc() { return trunc; }
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
    public boolean isSmoothInK() {
        return trunc == 0;
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
        return "Moffat[beta=" + beta + ", fwhm=" + fwhm() + ", flux=" + flux + (trunc > 0 ? ", trunc=" + trunc : "") + "]";
    }
}
