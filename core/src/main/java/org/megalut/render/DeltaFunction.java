package org.megalut.render;

/**
 * A point source, I(x) = flux·δ(x), F(k) = flux: GalSim's DeltaFunction. Drawn through a PSF it gives
 * the PSF's own image, and {@link StampDrawer#draw(Profile, Profile, org.megalut.image.Image, double, double,
 * double, DrawMethod)} then reuses its cached PSF k-grid instead of evaluating the PSF at every k-point again
 * (for an optical PSF or an interpolated image, a costly evaluation per point).
 *
 * <p>Its sizes are unbounded: stepK = maxK = +∞ (GalSim uses a mock infinity), so the grid of a
 * convolution is the other factors' alone. {@link StampDrawer} refuses to draw it without a PSF, which
 * alone can bound its band.
 */
public final class DeltaFunction extends RadialProfile {
    private final double flux;

    /** @param flux total flux */
    public DeltaFunction(double flux) {
        this.flux = flux;
    }

    @Override
    public double flux() {
        return flux;
    }

    @Override
    public double stepK() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double maxK() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double radialKValue(double k2) {
        return flux;
    }

    @Override
    public String toString() {
        return "DeltaFunction[flux=" + flux + "]";
    }
}
