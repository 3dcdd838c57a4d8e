package org.megalut.render;

/**
 * Base of centred circular profiles, whose transform is real and depends on |k| only:
 * F(kx, ky) = {@link #radialKValue}(kx² + ky²). The drawer evaluates them through the quadratic form
 * |Jᵀk|² of their transformation.
 */
public abstract class RadialProfile extends Profile {

    /** F at |k|² = {@code k2} (radians/arcsec)². */
    @Override
    public abstract double radialKValue(double k2);

    /**
     * True when F varies slowly enough in ln k for the drawer's {@link RadialLookup} (64 bins per
     * octave of k²). Truncated profiles return false: the edge makes F oscillate with period
     * 2π/trunc in k, so they are evaluated point by point.
     */
    public boolean isSmoothInK() {
        return true;
    }

    @Override
    public final boolean isAxisymmetric() {
        return true;
    }

    @Override
    public final boolean isPointSymmetric() {
        return true;
    }

    @Override
    public final void kValue(double kx, double ky, FourierValue out) {
        out.set(radialKValue(kx * kx + ky * ky), 0);
    }
}
