package org.megalut.render;

/**
 * Circular Gaussian I(r) = flux/(2πσ²)·exp(−r²/(2σ²)), F(k) = flux·exp(−k²σ²/2). σ in arcsec.
 *
 * <p>GalSim's sizes: R = max(√(−2 ln ft), stepk_minimum_hlr·√(2 ln 2)) σ, stepK = π/R;
 * maxK = √(−2 ln mt)/σ.
 */
public final class Gaussian extends RadialProfile {
    private static final double HLR_OVER_SIGMA = Math.sqrt(2 * Math.log(2));
    private final double sigma;
    private final double flux;
    private final double halfSig2;
    private final double norm;

    /**
     * @param sigma standard deviation in arcsec (&gt; 0)
     * @param flux  total flux
     */
    public Gaussian(double sigma, double flux) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Gaussian sigma must be positive and finite, got " + sigma);
        }
        this.sigma = sigma;
        this.flux = flux;
        this.halfSig2 = 0.5 * sigma * sigma;
        this.norm = flux / (2 * Math.PI * sigma * sigma);
    }

    /** A Gaussian of the given half-light radius (arcsec): σ = hlr/√(2 ln 2). */
    public static Gaussian ofHalfLightRadius(double hlr, double flux) {
        return new Gaussian(hlr / HLR_OVER_SIGMA, flux);
    }

    /** A Gaussian of the given FWHM (arcsec): σ = FWHM/(2√(2 ln 2)). */
    public static Gaussian ofFwhm(double fwhm, double flux) {
        return new Gaussian(fwhm / (2 * HLR_OVER_SIGMA), flux);
    }

    public double sigma() { return sigma; }

    @Override
    public double flux() {
        return flux;
    }

    @Override
    public double stepK() {
        GSParams gs = GSParams.DEFAULT;
        double r = Math.max(Math.sqrt(-2 * Math.log(gs.foldingThreshold())), gs.stepkMinimumHlr() * HLR_OVER_SIGMA);
        return Math.PI / (r * sigma);
    }

    @Override
    public double maxK() {
        return Math.sqrt(-2 * Math.log(GSParams.DEFAULT.maxkThreshold())) / sigma;
    }

    @Override
    public double radialKValue(double k2) {
        return flux * Math.exp(-k2 * halfSig2);
    }

    @Override
    public boolean hasXValue() {
        return true;
    }

    @Override
    public double xValue(double x, double y) {
        return norm * Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
    }

    @Override
    public String toString() {
        return "Gaussian[sigma=" + sigma + ", flux=" + flux + "]";
    }
}
