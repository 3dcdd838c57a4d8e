package org.megalut.render;

/**
 * A surface-brightness profile in world coordinates (arcsec), defined by its Fourier transform
 * F(k) = ∫ I(x) e^{−i k·x} d²x (so F(0) = flux), following GalSim's GSObject.
 *
 * <p>Wave vectors k are in radians per arcsec. Profiles are immutable values; the transform methods
 * ({@link #shear}, {@link #rotate}, {@link #dilate}, {@link #withFlux}, {@link #shift}, ...) return
 * new profiles and collapse chains of transforms into one {@link Transformation}.
 */
public abstract class Profile {

    /** Total flux (image counts). */
    public abstract double flux();

    /**
     * Sampling step in k (radians/arcsec) that keeps real-space folding below the folding threshold:
     * π / R where R encloses all but that fraction of the flux.
     */
    public abstract double stepK();

    /** Largest k (radians/arcsec) at which |F(k)| exceeds maxk_threshold × flux. */
    public abstract double maxK();

    /**
     * Writes F(kx, ky) into {@code out}; kx, ky in radians per arcsec. Must not allocate: it runs
     * once per k-grid point when drawing.
     */
    public abstract void kValue(double kx, double ky, FourierValue out);

    /** True when F is real and even (the profile is symmetric under x → −x about its centre 0). */
    public abstract boolean isPointSymmetric();

    /**
     * True when F is real and depends on |k| only (a centred circular profile, see
     * {@link RadialProfile}); then {@link #radialKValue} gives it and the drawer can take its fast path.
     */
    public boolean isAxisymmetric() {
        return false;
    }

    /**
     * F at |k|² = {@code k2} (radians/arcsec)² for an axisymmetric profile.
     *
     * @throws UnsupportedOperationException if the profile is not axisymmetric
     */
    public double radialKValue(double k2) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is not axisymmetric");
    }

    /** True when {@link #xValue} is implemented analytically. */
    public boolean hasXValue() {
        return false;
    }

    /**
     * Surface brightness at (x, y) arcsec, in flux per arcsec².
     *
     * @throws UnsupportedOperationException for profiles known only in k-space
     */
    public double xValue(double x, double y) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no real-space value");
    }

    /** Convenience allocating form of {@link #kValue(double, double, FourierValue)} (not for hot loops). */
    public final FourierValue kValue(double kx, double ky) {
        FourierValue v = new FourierValue();
        kValue(kx, ky, v);
        return v;
    }

    /** Applies the linear map J, the shift (dx, dy) arcsec and the flux factor (see {@link Transformation}). */
    public Profile transform(Jacobian jac, double dx, double dy, double fluxRatio) {
        return Transformation.of(this, jac, dx, dy, fluxRatio);
    }

    /** Shears by the reduced shear (g1, g2) with GalSim's S(g) (area and flux preserved). */
    public Profile shear(double g1, double g2) {
        return transform(Jacobian.shear(g1, g2), 0, 0, 1);
    }

    /** Rotates counter-clockwise by theta radians. */
    public Profile rotate(double theta) {
        return transform(Jacobian.rotation(theta), 0, 0, 1);
    }

    /** Scales all lengths by {@code scale} keeping the flux (GalSim's dilate). */
    public Profile dilate(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("dilation must be positive and finite, got " + scale);
        }
        return transform(Jacobian.scaling(scale), 0, 0, 1 / (scale * scale));
    }

    /** Multiplies the flux by {@code factor}. */
    public Profile multiplyFlux(double factor) {
        return transform(Jacobian.IDENTITY, 0, 0, factor);
    }

    /**
     * The same profile with total flux {@code newFlux}.
     *
     * @throws IllegalStateException if the current flux is zero
     */
    public Profile withFlux(double newFlux) {
        double f = flux();
        if (f == 0) {
            throw new IllegalStateException("cannot rescale a profile of zero flux to " + newFlux);
        }
        return multiplyFlux(newFlux / f);
    }

    /** Moves the centre by (dx, dy) arcsec. */
    public Profile shift(double dx, double dy) {
        return transform(Jacobian.IDENTITY, dx, dy, 1);
    }
}
