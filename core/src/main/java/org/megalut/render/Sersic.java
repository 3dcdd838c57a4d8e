package org.megalut.render;

import org.apache.commons.math3.special.Gamma;

/**
 * Sérsic profile I(r) = flux/(2π n Γ(2n) r0²)·exp(−(r/r0)^{1/n}), n ∈ [0.3, 6.2] (docs/rendering.md,
 * "Sersic"). Sizes in arcsec; hlr = bⁿ r0 with γ(2n, b) = Γ(2n)/2.
 *
 * <p>Optionally truncated as GalSim's {@code trunc}: I = 0 beyond r = trunc and the normalisation is
 * divided by the kept fraction P(2n, (trunc/r0)^{1/n}), so {@code flux} is the truncated profile's
 * flux and hlr its half-light radius, unless {@code flux_untruncated} (see
 * {@link #ofHalfLightRadius(double, double, double, double, boolean)}). stepK uses
 * min(R_fold, trunc/r0) before the floor; F comes from the Hankel transform of the truncated profile
 * ({@link SersicKTable#computeTruncated}).
 *
 * <p>F(k) = flux·T((k·hlr)²) from a {@link SersicKTable} T. GalSim's sizes:
 * stepK = π/(max(R_fold, 5)·r0), the floor of 5 being in units of r0, not hlr (a GalSim quirk kept
 * for identical FFT grids); maxK from GalSim's table rule ({@link SersicKTable#maxKr0()}).
 *
 * <p>Use {@link #ofHalfLightRadius} (exact table per n, cached) when few distinct n are drawn and
 * {@link #interpolated} when n changes from stamp to stamp.
 */
public final class Sersic extends RadialProfile {
    private final SersicKTable table;
    private final double hlr;
    private final double flux;
    private final double r0;
    private final double hlr2;
    private final double xNorm;
    private final double invN;
    private final double truncR0;   // trunc/r0, 0 if untruncated

    /**
     * @param table the transform table of the wanted index n
     * @param hlr   half-light radius in arcsec (&gt; 0)
     * @param flux  total flux
     */
    public Sersic(SersicKTable table, double hlr, double flux) {
        if (!(hlr > 0) || Double.isInfinite(hlr)) {
            throw new IllegalArgumentException("Sersic half-light radius must be positive and finite, got " + hlr);
        }
        this.table = table;
        this.hlr = hlr;
        this.flux = flux;
        this.r0 = hlr / table.hlrOverR0();
        this.hlr2 = hlr * hlr;
        double n = table.n();
        this.xNorm = flux / (2 * Math.PI * n * Math.exp(Gamma.logGamma(2 * n)) * r0 * r0 * table.fluxFraction());
        this.invN = 1 / n;
        this.truncR0 = table.truncR0();
    }

    /** Sérsic of index n and half-light radius hlr (arcsec), with the exact (cached) table of n. */
    public static Sersic ofHalfLightRadius(double n, double hlr, double flux) {
        return new Sersic(SersicTables.exact(n), hlr, flux);
    }

    /** Sérsic of index n and scale radius r0 (arcsec), with the exact (cached) table of n. */
    public static Sersic ofScaleRadius(double n, double r0, double flux) {
        SersicKTable t = SersicTables.exact(n);
        return new Sersic(t, r0 * t.hlrOverR0(), flux);
    }

    /**
     * Sérsic of index n truncated at {@code trunc} arcsec (GalSim's Sersic(n, half_light_radius, flux,
     * trunc, flux_untruncated)); trunc = 0 means untruncated.
     *
     * <p>With {@code fluxUntruncated} false (GalSim's default), hlr and flux are those of the truncated
     * profile: r0 solves P(2n, b) = P(2n, x b)/2 with x = (trunc/hlr)^{1/n} and r0 = hlr/bⁿ, which
     * needs trunc &gt; √2·hlr. With it true, r0 is that of the untruncated profile of this hlr and
     * flux, so the drawn profile has flux·P(2n, (trunc/r0)^{1/n}) and a smaller half-light radius.
     *
     * @throws IllegalArgumentException for trunc &lt; 0, or trunc ≤ √2·hlr when hlr refers to the
     *                                  truncated profile
     */
    public static Sersic ofHalfLightRadius(double n, double hlr, double flux, double trunc, boolean fluxUntruncated) {
        checkTrunc(trunc);
        if (trunc == 0) {
            return ofHalfLightRadius(n, hlr, flux);
        }
        if (!(hlr > 0) || Double.isInfinite(hlr)) {
            throw new IllegalArgumentException("Sersic half-light radius must be positive and finite, got " + hlr);
        }
        SersicKTable.checkN(n);
        if (fluxUntruncated) {
            double r0 = hlr / Math.pow(SersicKTable.solveB(n, 2 * n - 1.0 / 3), n);
            return ofScaleRadius(n, r0, flux, trunc, true);
        }
        if (!(trunc > Math.sqrt(2) * hlr)) {
            throw new IllegalArgumentException("Sersic trunc must be > sqrt(2) * half_light_radius when the"
                    + " half-light radius refers to the truncated profile, got trunc = " + trunc + ", hlr = " + hlr);
        }
        double b = truncatedB(n, Math.pow(trunc / hlr, 1 / n));
        double truncR0 = trunc / (hlr / Math.pow(b, n));
        return new Sersic(SersicTables.exact(n, truncR0), hlr, flux);
    }

    /**
     * Sérsic of index n and scale radius r0 (arcsec) truncated at {@code trunc} arcsec (0 = untruncated):
     * {@code flux} is the truncated profile's flux, or, with {@code fluxUntruncated}, that of the
     * untruncated profile (so the drawn flux is flux·P(2n, (trunc/r0)^{1/n})).
     */
    public static Sersic ofScaleRadius(double n, double r0, double flux, double trunc, boolean fluxUntruncated) {
        checkTrunc(trunc);
        if (trunc == 0) {
            return ofScaleRadius(n, r0, flux);
        }
        if (!(r0 > 0) || Double.isInfinite(r0)) {
            throw new IllegalArgumentException("Sersic scale radius must be positive and finite, got " + r0);
        }
        SersicKTable t = SersicTables.exact(n, trunc / r0);
        return new Sersic(t, r0 * t.hlrOverR0(), fluxUntruncated ? flux * t.fluxFraction() : flux);
    }

    private static void checkTrunc(double trunc) {
        if (!(trunc >= 0) || Double.isInfinite(trunc)) {
            throw new IllegalArgumentException("Sersic trunc must be >= 0 and finite (0 = no truncation), got " + trunc);
        }
    }

    /**
     * b = (hlr/r0)^{1/n} of a truncated profile with x = (trunc/hlr)^{1/n}: the root of
     * 2P(2n, b) − P(2n, x b), negative near 0 (as x^{2n} &gt; 2) and positive at the untruncated b.
     */
    private static double truncatedB(double n, double x) {
        double a = 2 * n;
        double lo = 0;
        double hi = SersicKTable.solveB(n, 2 * n - 1.0 / 3);
        for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (2 * Gamma.regularizedGammaP(a, mid) - Gamma.regularizedGammaP(a, x * mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Fast path: the table of n interpolated on the n grid (see {@link SersicTables}). */
    public static Sersic interpolated(double n, double hlr, double flux) {
        return new Sersic(SersicTables.interpolated(n), hlr, flux);
    }

    /** Exponential disk (n = 1) of half-light radius hlr (arcsec). */
    public static Sersic exponential(double hlr, double flux) {
        return ofHalfLightRadius(1, hlr, flux);
    }

    /** de Vaucouleurs bulge (n = 4) of half-light radius hlr (arcsec). */
    public static Sersic deVaucouleurs(double hlr, double flux) {
        return ofHalfLightRadius(4, hlr, flux);
    }

    public double n() { return table.n(); }

    /** The transform table (unit flux, in k·hlr). */
    SersicKTable table() { return table; }
    public double halfLightRadius() { return hlr; }
    public double scaleRadius() { return r0; }

    /** Truncation radius in arcsec, 0 if untruncated. */
    public double trunc() { return truncR0 * r0; }

    @Override
    public double flux() {
        return flux;
    }

    @Override
    public double stepK() {
        return Math.PI / (Math.max(table.foldRadius(), GSParams.DEFAULT.stepkMinimumHlr()) * r0);
    }

    @Override
    public double maxK() {
        return table.maxKr0() / r0;
    }

    @Override
    public double radialKValue(double k2) {
        return flux * table.value(k2 * hlr2);
    }

    @Override
    public boolean isSmoothInK() {
        return table.isSmooth();
    }

    @Override
    public boolean hasXValue() {
        return true;
    }

    @Override
    public double xValue(double x, double y) {
        double r = Math.sqrt(x * x + y * y) / r0;
        if (truncR0 > 0 && r > truncR0) {
            return 0;
        }
        return xNorm * Math.exp(-Math.pow(r, invN));
    }

    /** Value equality: same table (index n), half-light radius and flux. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sersic other && other.table == table && other.hlr == hlr && other.flux == flux;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * System.identityHashCode(table) + Double.hashCode(hlr)) + Double.hashCode(flux);
    }

    @Override
    public String toString() {
        return "Sersic[n=" + n() + ", hlr=" + hlr + ", flux=" + flux + (truncR0 > 0 ? ", trunc=" + trunc() : "") + "]";
    }
}
