package org.megalut.sim.great3;

import org.megalut.render.FourierValue;
import org.megalut.render.Pixel;
import org.megalut.render.Profile;

/**
 * The Fourier transform of PSF ⊗ pixel, P(k)·sinc(kx/2)·sinc(ky/2), tabulated once per subfield on the
 * half grid k = (i, j)·dk, 0 ≤ i ≤ n, −n ≤ j ≤ n, in pixel units (k in radians per pixel). The PSF
 * (an optical PSF is an interpolated image) costs about a microsecond per k-value, far more than a
 * galaxy's; {@link ContinuumMoments} reads this table with an integer stride s (its grid step is s·dk),
 * so every galaxy of the subfield reuses it.
 *
 * <p>The table reaches kMax = min(PSF maxK, pixel maxK), the same cut the stamp drawer applies
 * (beyond it |P| &lt; 1e-3 of the flux, GalSim's maxk_threshold).
 */
final class PixelPsfTable {
    private final double dk;
    private final int n;
    private final double kMax;
    private final double[] re;
    private final double[] im;

    /**
     * @param psf        the PSF without the pixel, in world units (arcsec)
     * @param pixelScale arcsec per pixel
     * @param maxPeriod  the largest real-space period 2π/dk a reader will need [pixels]; sets dk
     */
    PixelPsfTable(Profile psf, double pixelScale, double maxPeriod) {
        this.dk = 2 * Math.PI / maxPeriod;
        Pixel pixel = new Pixel(1, 1);
        this.kMax = Math.min(psf.maxK() * pixelScale, pixel.maxK());
        this.n = (int) Math.floor(kMax / dk);
        int rows = 2 * n + 1;
        this.re = new double[(n + 1) * rows];
        this.im = new double[(n + 1) * rows];
        FourierValue p = new FourierValue();
        FourierValue q = new FourierValue();
        for (int i = 0; i <= n; i++) {
            for (int j = -n; j <= n; j++) {
                psf.kValue(i * dk / pixelScale, j * dk / pixelScale, p);
                pixel.kValue(i * dk, j * dk, q);
                int idx = i * rows + j + n;
                re[idx] = p.re * q.re;
                im[idx] = p.im * q.re;
            }
        }
    }

    /** Table step [rad/pixel]. */
    double dk() {
        return dk;
    }

    /** Largest index along each axis. */
    int n() {
        return n;
    }

    /** Largest tabulated |kx|, |ky| [rad/pixel]. */
    double kMax() {
        return kMax;
    }

    /** Real part at (i·dk, j·dk), 0 ≤ i ≤ n, |j| ≤ n. */
    double re(int i, int j) {
        return re[i * (2 * n + 1) + j + n];
    }

    /** Imaginary part at (i·dk, j·dk). */
    double im(int i, int j) {
        return im[i * (2 * n + 1) + j + n];
    }
}
