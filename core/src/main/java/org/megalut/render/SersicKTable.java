package org.megalut.render;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * Unit-flux Fourier transform of a Sérsic profile of index n, tabulated in the dimensionless
 * wave number q = k·hlr, plus the n-dependent size constants. Immutable and thread-safe.
 *
 * <p>The profile is I(r) ∝ exp(−(r/r0)^{1/n}) with hlr = bⁿ r0 and γ(2n, b) = Γ(2n)/2. Its transform
 * per unit flux, in q₀ = k·r0, is H(q₀) = ∫₀^∞ exp(−r^{1/n}) J0(q₀ r) r dr / (nΓ(2n)).
 *
 * <ul>
 *   <li>Low k: the series H = 1 − D2 q₀² + D4 q₀⁴ − D6 q₀⁶ with D_{2m} = Γ(2n(m+1))/(Γ(2n)(m!)²4^m),
 *       used where the next term D8 q₀⁸ &lt; 1e-9.</li>
 *   <li>Table: H at x = ln q on the grid {@link #X_LO} + iΔ .. {@link #X_HI} (Δ = (ka/10)^{1/4},
 *       GalSim's table spacing): series values below the series limit, {@link LogRadiusQuadrature}
 *       while J0 oscillates little over the profile, otherwise Ogata's quadrature
 *       ({@link HankelTransform}); a natural cubic spline in x interpolates. Storing H rather than
 *       GalSim's H·q₀² keeps the error absolute: 5e-8 (n = 0.5) and 9e-9 (n = 1) per unit flux
 *       against the exact transforms (ProfilesTest).</li>
 *   <li>High k, x &gt; X_HI: the power law through the last two nodes (H ~ q^{−p}); there H is
 *       below 1e-6 for n ≤ 4 and about 1e-5 at n = 6.2.</li>
 * </ul>
 *
 * <p>A linear combination of tables of different n (same grid) is again a table: that is how
 * {@link SersicTables#interpolated} builds its fast per-stamp tables.
 */
public final class SersicKTable {
    /** Smallest n supported. */
    public static final double N_MIN = 0.3;
    /** Largest n supported. */
    public static final double N_MAX = 6.2;
    /** Grid start, ln(k·hlr). */
    static final double X_LO = Math.log(5e-4);
    /** Grid step in ln(k·hlr): GalSim's table spacing (ka/10)^{1/4}. */
    static final double DX = Math.pow(GSParams.DEFAULT.kvalueAccuracy() / 10, 0.25);
    /** Number of grid nodes; the last one is X_HI ≈ ln 1e4. */
    static final int NODES = (int) Math.ceil((Math.log(1e4) - X_LO) / DX) + 1;
    static final double X_HI = X_LO + (NODES - 1) * DX;

    private final double n;
    private final double b;
    private final double hlrOverR0;
    private final double foldRadius;     // R_fold in units of r0 (before the stepk_minimum floor)
    private final double d2;
    private final double d4;
    private final double d6;             // series coefficients in q² = (k·hlr)²
    private final double seriesLimitSq;  // (k·hlr)² below which the series is used
    private final UniformSpline spline;
    private final double tailSlope;      // p in H ~ q^{−p} beyond X_HI
    private final double tailValue;
    private final double maxKr0;         // GalSim's maxk in units of 1/r0

    /** Builds the table of index n by quadrature (about 0.05–0.5 s). */
    static SersicKTable compute(double n) {
        checkN(n);
        double b = solveB(n, 2 * n - 1.0 / 3);
        double hlrOverR0 = Math.pow(b, n);
        SeriesCoefficients s = new SeriesCoefficients(n, hlrOverR0);
        double norm = 1 / (n * Math.exp(Gamma.logGamma(2 * n)));
        LogRadiusQuadrature lowK = new LogRadiusQuadrature(n);
        double invN = 1 / n;
        double[] h = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            double q = Math.exp(X_LO + i * DX);
            double q0 = q / hlrOverR0;
            if (q * q < s.limitSq) {
                h[i] = s.value(q * q);
            } else if (lowK.accepts(q0)) {
                h[i] = lowK.value(q0);
            } else {
                h[i] = norm * HankelTransform.transform(r -> Math.exp(-Math.pow(r, invN)),
                        q0, hlrOverR0, 1e-7, 1e-9 / norm);
            }
        }
        return new SersicKTable(n, b, solveFoldRadius(n, Double.NaN), h);
    }

    /** A table from node values on the standard grid (b and the fold radius already solved). */
    SersicKTable(double n, double b, double foldRadius, double[] values) {
        if (values.length != NODES) {
            throw new IllegalArgumentException("expected " + NODES + " table values, got " + values.length);
        }
        this.n = n;
        this.b = b;
        this.hlrOverR0 = Math.pow(b, n);
        this.foldRadius = foldRadius;
        SeriesCoefficients s = new SeriesCoefficients(n, hlrOverR0);
        this.d2 = s.d2;
        this.d4 = s.d4;
        this.d6 = s.d6;
        this.seriesLimitSq = Math.min(s.limitSq, Math.exp(2 * X_LO));
        this.spline = new UniformSpline(X_LO, DX, values);
        double last = values[NODES - 1];
        double prev = values[NODES - 2];
        if (last > 0 && prev > last) {
            this.tailSlope = Math.log(prev / last) / DX;
            this.tailValue = last;
        } else {
            this.tailSlope = 0;
            this.tailValue = 0;
        }
        this.maxKr0 = galsimMaxK();
    }

    private record SeriesCoefficients(double d2, double d4, double d6, double limitSq) {
        SeriesCoefficients(double n, double hlrOverR0) {
            this(coef(n, 1, hlrOverR0), coef(n, 2, hlrOverR0), coef(n, 3, hlrOverR0),
                    Math.pow(1e-9 / coef(n, 4, hlrOverR0), 0.25));
        }

        /** D_{2m} expressed in (k·hlr)^{2m}: Γ(2n(m+1))/(Γ(2n)(m!)² 4^m)/(hlr/r0)^{2m}. */
        private static double coef(double n, int m, double hlrOverR0) {
            double lf = Gamma.logGamma(m + 1.0);
            return Math.exp(Gamma.logGamma(2 * n * (m + 1)) - Gamma.logGamma(2 * n) - 2 * lf
                    - m * Math.log(4) - 2 * m * Math.log(hlrOverR0));
        }

        double value(double q2) {
            return 1 - q2 * (d2 - q2 * (d4 - q2 * d6));
        }
    }

    static void checkN(double n) {
        if (!(n >= N_MIN && n <= N_MAX)) {
            throw new IllegalArgumentException("Sersic index n must be in [" + N_MIN + ", " + N_MAX + "], got " + n);
        }
    }

    /** b with P(2n, b) = 1/2 (regularised lower incomplete gamma), refined from a guess by Newton steps. */
    static double solveB(double n, double guess) {
        double a = 2 * n;
        double lg = Gamma.logGamma(a);
        double x = guess;
        double lastStep = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 50; it++) {
            double f = Gamma.regularizedGammaP(a, x) - 0.5;
            double df = Math.exp((a - 1) * Math.log(x) - x - lg);
            double step = f / df;
            double next = x - step;
            if (!(next > 0)) {
                next = 0.5 * x;
            }
            x = next;
            // quadratic convergence: stop at rounding level, or once steps stop shrinking
            if (Math.abs(step) < 1e-15 * x || (Math.abs(step) < 1e-12 * x && Math.abs(step) >= 0.5 * lastStep)) {
                return x;
            }
            lastStep = Math.abs(step);
        }
        throw new ArithmeticException("Sersic b(n) did not converge for n = " + n);
    }

    /**
     * GalSim's folding radius in units of r0: R = z^n with Q(2n, z) = ft (upper regularised incomplete
     * gamma), by Brent's method, or by Newton from {@code guessZ} when it is a number.
     */
    static double solveFoldRadius(double n, double guessZ) {
        double a = 2 * n;
        double ft = GSParams.DEFAULT.foldingThreshold();
        double z;
        if (Double.isNaN(guessZ)) {
            z = new BrentSolver(1e-14, 1e-12).solve(200, t -> Gamma.regularizedGammaQ(a, t) - ft, 1e-6, 20 * a + 100);
        } else {
            double lg = Gamma.logGamma(a);
            z = guessZ;
            double lastStep = Double.POSITIVE_INFINITY;
            for (int it = 0; it < 50; it++) {
                double f = Gamma.regularizedGammaQ(a, z) - ft;
                double df = -Math.exp((a - 1) * Math.log(z) - z - lg);
                double step = f / df;
                z -= step;
                if (Math.abs(step) < 1e-15 * z || (Math.abs(step) < 1e-12 * z && Math.abs(step) >= 0.5 * lastStep)) {
                    break;
                }
                lastStep = Math.abs(step);
            }
        }
        return Math.pow(z, n);
    }

    /** GalSim's maxk rule on its own ln q₀ grid: last node with |H| &gt; mt, times e^Δ (units 1/r0). */
    private double galsimMaxK() {
        double mt = GSParams.DEFAULT.maxkThreshold();
        double qmin = Math.pow(GSParams.DEFAULT.kvalueAccuracy() / (d6 * Math.pow(hlrOverR0, 6)), 1.0 / 6);
        double x0 = Math.log(qmin) - 0.001;
        int last = (int) Math.floor((Math.log(500) - x0) / DX);
        for (int m = last; m >= 0; m--) {
            double q = Math.exp(x0 + m * DX);
            if (Math.abs(valueR0(q)) > mt) {
                return q * Math.exp(DX);
            }
        }
        return Math.exp(x0) * Math.exp(DX);
    }

    private double valueR0(double q0) {
        double qh = q0 * hlrOverR0;
        return value(qh * qh);
    }

    /** Sérsic index. */
    public double n() { return n; }

    /** b(n): hlr = bⁿ·r0. */
    public double b() { return b; }

    /** hlr/r0 = bⁿ. */
    public double hlrOverR0() { return hlrOverR0; }

    /** GalSim's folding radius R_fold in units of r0 (stepK = π/(max(R_fold, 5)·r0)). */
    public double foldRadius() { return foldRadius; }

    /** GalSim's maxK in units of 1/r0. */
    public double maxKr0() { return maxKr0; }

    /** The node values (for combining tables). */
    double[] nodeValues() {
        double[] v = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            v[i] = spline.node(i);
        }
        return v;
    }

    /**
     * Unit-flux transform at (k·hlr)² = {@code qh2}.
     */
    public double value(double qh2) {
        if (qh2 < seriesLimitSq) {
            return 1 - qh2 * (d2 - qh2 * (d4 - qh2 * d6));
        }
        double x = 0.5 * Math.log(qh2);
        if (x <= X_HI) {
            return spline.value(x);
        }
        return tailValue * Math.exp(-tailSlope * (x - X_HI));
    }
}
