package org.megalut.render;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Point-like knots of star formation (GalSim's RandomKnots): N point sources of equal flux F/N at
 * positions x_k drawn from a smooth profile's light distribution, so that their expected light follows
 * that profile. In k-space
 *
 * <pre>  F(k) = (F/N) Σ_k e^{−i k·x_k},</pre>
 *
 * exact and with no decay in k: maxK = +∞, and stepK = π / max_k |x_k| (the rule of a sum of shifted
 * {@link DeltaFunction}s, see {@link Transformation} and {@link Sum}). Such a profile has a finite band
 * only through what it is convolved with: {@link StampDrawer} rejects drawing it without a PSF, as
 * GalSim draws knots only convolved with one. Positions are in arcsec, in the frame of the profile
 * they were drawn from; shears, rotations and shifts of the knots (or of a sum holding them) move the
 * points as they move the profile.
 */
public final class RandomKnots extends Profile {
    private final double[] x;
    private final double[] y;
    private final double fluxPerKnot;
    private final double stepK;

    private RandomKnots(double[] x, double[] y, double flux) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("knots need at least one position and as many x as y, got "
                    + x.length + " x and " + y.length + " y");
        }
        if (!Double.isFinite(flux)) {
            throw new IllegalArgumentException("knot flux must be finite, got " + flux);
        }
        double rMax = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("knot " + i + " at non-finite position (" + x[i] + ", " + y[i] + ")");
            }
            rMax = Math.max(rMax, Math.hypot(x[i], y[i]));
        }
        this.x = x;
        this.y = y;
        this.fluxPerKnot = flux / x.length;
        this.stepK = rMax > 0 ? Math.PI / rMax : Double.POSITIVE_INFINITY;
    }

    /**
     * Knots at the given positions [arcsec] sharing {@code flux} equally.
     *
     * @throws IllegalArgumentException for no position, unequal lengths or non-finite values
     */
    public static RandomKnots at(double[] x, double[] y, double flux) {
        return new RandomKnots(x.clone(), y.clone(), flux);
    }

    /**
     * {@code count} knots drawn from an untruncated Sérsic profile (position angle uniform; radius from
     * the profile's radial light distribution), carrying its flux.
     *
     * <p>Radii: the light within r of I ∝ exp(−(r/r0)^{1/n}) is, in t = (r/r0)^{1/n}, the distribution
     * ∝ t^{2n−1} e^{−t} dt, i.e. t ~ Gamma(2n, 1) and r = r0·t^n (for the exponential disk, n = 1, the
     * sum of two unit exponential variates). GalSim draws its knots by photon shooting, which samples
     * the same distribution.
     *
     * @param rng the galaxy's own stream: the same stream gives the same knots
     * @throws IllegalArgumentException if count &lt; 1 or the profile is truncated
     */
    public static RandomKnots fromSersic(int count, Sersic profile, UniformRandomProvider rng) {
        if (count < 1) {
            throw new IllegalArgumentException("knot count must be at least 1, got " + count);
        }
        if (profile.trunc() > 0) {
            throw new IllegalArgumentException("knots are drawn from untruncated Sérsic profiles only, got " + profile);
        }
        double n = profile.n();
        double r0 = profile.scaleRadius();
        ContinuousSampler gamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 2 * n, 1);
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) {
            double r = r0 * Math.pow(gamma.sample(), n);
            double phi = 2 * Math.PI * rng.nextDouble();
            xs[i] = r * Math.cos(phi);
            ys[i] = r * Math.sin(phi);
        }
        return new RandomKnots(xs, ys, profile.flux());
    }

    /** Number of knots. */
    public int count() {
        return x.length;
    }

    /** x of knot i [arcsec]. */
    public double x(int i) {
        return x[i];
    }

    /** y of knot i [arcsec]. */
    public double y(int i) {
        return y[i];
    }

    /** Flux of each knot. */
    public double fluxPerKnot() {
        return fluxPerKnot;
    }

    @Override
    public double flux() {
        return fluxPerKnot * x.length;
    }

    @Override
    public double stepK() {
        return stepK;
    }

    @Override
    public double maxK() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean isPointSymmetric() {
        return false;
    }

    @Override
    public void kValue(double kx, double ky, FourierValue out) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < x.length; i++) {
            double ph = -(kx * x[i] + ky * y[i]);
            re += Math.cos(ph);
            im += Math.sin(ph);
        }
        out.set(fluxPerKnot * re, fluxPerKnot * im);
    }

    @Override
    public String toString() {
        return "RandomKnots[count=" + x.length + ", flux=" + flux() + "]";
    }
}
