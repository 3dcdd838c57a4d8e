package org.megalut.render;

/**
 * A square top-hat (box) of side {@code width}: the response of a square pixel.
 *
 * <p>F(k) = flux·sinc(kx·w/2π)·sinc(ky·w/2π) with sinc(u) = sin(πu)/(πu). As in GalSim,
 * maxK = 2/(mt·w) and stepK = π/w.
 */
public final class Pixel extends Profile {
    private final double width;
    private final double flux;

    /**
     * @param width side in arcsec (or pixels when used in image coordinates)
     * @param flux  total flux
     */
    public Pixel(double width, double flux) {
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("pixel width must be positive and finite, got " + width);
        }
        this.width = width;
        this.flux = flux;
    }

    /** sin(x)/x, with its Taylor series near 0 where the quotient loses accuracy. */
    static double sinxOverX(double x) {
        double x2 = x * x;
        if (x2 < 1e-4) {
            return 1 - x2 / 6 * (1 - x2 / 20);
        }
        return Math.sin(x) / x;
    }

    @Override
    public double flux() {
        return flux;
    }

    @Override
    public double stepK() {
        return Math.PI / width;
    }

    @Override
    public double maxK() {
        return 2 / (GSParams.DEFAULT.maxkThreshold() * width);
    }

    @Override
    public boolean isPointSymmetric() {
        return true;
    }

    @Override
    public void kValue(double kx, double ky, FourierValue out) {
        out.set(flux * sinxOverX(0.5 * kx * width) * sinxOverX(0.5 * ky * width), 0);
    }

    @Override
    public boolean hasXValue() {
        return true;
    }

    @Override
    public double xValue(double x, double y) {
        double h = 0.5 * width;
        return Math.abs(x) < h && Math.abs(y) < h ? flux / (width * width) : 0;
    }

    @Override
    public String toString() {
        return "Pixel[width=" + width + ", flux=" + flux + "]";
    }
}
