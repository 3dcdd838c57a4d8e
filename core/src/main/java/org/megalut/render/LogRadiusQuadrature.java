package org.megalut.render;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;

/**
 * Sérsic Hankel transform at low k by direct quadrature in s = ln t, t = (r/r0)^{1/n}:
 * H(q₀) = (1/Γ(2n)) ∫ exp(−e^s + 2n s) J0(q₀ e^{ns}) ds.
 *
 * <p>In s the integrand is smooth (the cusp of exp(−r^{1/n}) at r = 0 becomes the decaying
 * e^{2ns}), which is where Ogata's quadrature converges only algebraically. 20-point Gauss–Legendre
 * panels of width ≤ 0.25 in s and ≤ 4 radians of J0 phase; the range drops less than 1e-16 of the
 * flux at each end. Used while the total phase q₀ t_max^n stays below {@value #MAX_PHASE} radians.
 *
 * <p>For a profile truncated at t_t = z_t (r = t_tⁿ r0) the range simply ends at ln t_t: a finite
 * Hankel integral whose edge discontinuity falls on the range end. The same phase limit applies.
 */
final class LogRadiusQuadrature {
    static final double MAX_PHASE = 8000;
    private static final GaussIntegrator GL = new GaussIntegratorFactory().legendre(20, -1, 1);
    private final double n;
    private final double logGamma2n;
    private final double sLo;
    private final double sHi;
    private final double tMaxPowN;
    private final boolean truncated;


    /** The untruncated profile. */
    LogRadiusQuadrature(double n) {
        this.n = n;
        this.logGamma2n = Gamma.logGamma(2 * n);
        this.sLo = (Math.log(1e-16) + Gamma.logGamma(2 * n + 1)) / (2 * n);
        double t = 2 * n;
        while (-t + 2 * n * Math.log(t) - logGamma2n > Math.log(1e-16)) {
            t += 0.5;
        }
        this.sHi = Math.log(t);
        this.tMaxPowN = Math.pow(t, n);
        this.truncated = false;
    }

    /**
     * The profile truncated at t = tTrunc (r/r0 = tTruncⁿ); values are still normalised by Γ(2n),
     * so divide by P(2n, tTrunc) for unit truncated flux.
     */
    LogRadiusQuadrature(double n, double tTrunc) {
        if (!(tTrunc > 0)) {
            throw new IllegalArgumentException("truncation must be positive, got t = " + tTrunc);
        }
        LogRadiusQuadrature full = new LogRadiusQuadrature(n);
        this.n = n;
        this.logGamma2n = full.logGamma2n;
        this.sHi = Math.min(full.sHi, Math.log(tTrunc));
        this.sLo = Math.min(full.sLo, sHi - 1);
        this.tMaxPowN = Math.exp(n * sHi);
        this.truncated = true;
    }

    boolean accepts(double q0) {
        return q0 * tMaxPowN <= MAX_PHASE;
    }

    double value(double q0) {
        double sum = 0;
        double s = sLo;
        while (s < sHi) {
            double rate = n * q0 * Math.exp(n * (s + 0.25));
            double w = Math.min(0.25, 8 / Math.max(rate, 1e-300));
            if (truncated) {
                w = Math.min(w, sHi - s);   // end exactly at the edge (untruncated: past sHi is negligible)
            }
            double mid = s + 0.5 * w;
            double panel = 0;
            for (int i = 0; i < GL.getNumberOfPoints(); i++) {
                double si = mid + 0.5 * w * GL.getPoint(i);
                double ti = Math.exp(si);
                panel += GL.getWeight(i) * Math.exp(-ti + 2 * n * si - logGamma2n) * Bessel.j0(q0 * Math.exp(n * si));
            }
            sum += 0.5 * w * panel;
            s += w;
        }
        return sum;
    }
}
