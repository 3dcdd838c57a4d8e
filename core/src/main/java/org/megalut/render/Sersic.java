package org.megalut.render;

import org.apache.commons.math3.special.Gamma;

/**
 * Sérsic profile I(r) = flux/(2π n Γ(2n) r0²)·exp(−(r/r0)^{1/n}), n ∈ [0.3, 6.2], untruncated
 * (reference §3). Sizes in arcsec; hlr = bⁿ r0 with γ(2n, b) = Γ(2n)/2.
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
        this.xNorm = flux / (2 * Math.PI * n * Math.exp(Gamma.logGamma(2 * n)) * r0 * r0);
        this.invN = 1 / n;
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
    public double halfLightRadius() { return hlr; }
    public double scaleRadius() { return r0; }

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
    public boolean hasXValue() {
        return true;
    }

    @Override
    public double xValue(double x, double y) {
        double r = Math.sqrt(x * x + y * y) / r0;
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
        return "Sersic[n=" + n() + ", hlr=" + hlr + ", flux=" + flux + "]";
    }
}
