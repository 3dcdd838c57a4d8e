package org.megalut.render;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_2D;
import org.megalut.image.Image;

/**
 * Diffraction PSF of a circular pupil with central obscuration, struts and Noll-Zernike
 * aberrations, built as GalSim's OpticalPSF (docs/rendering.md, "OpticalPSF"): the pupil is sampled, the
 * PSF image is |FFT(A·e^{2πiW})|², and that image becomes an {@link InterpolatedImage}
 * (Quintic, pad factor 1.5, centred on pixel npix/2). Immutable; building costs two large FFTs
 * (768² and 1536² for GREAT3-like parameters), so build it once per subfield.
 *
 * <p>In units of the pupil diameter D: the pupil array spans L = 2·oversampling (oversampling
 * 1.5); its provisional spacing 1/(2·R_Airy·pad) with R_Airy from {@link Airy} sets
 * npix = goodFFTSize(ceil(L/spacing·(1 − 2⁻¹⁴))), then spacing = L/npix and u_i = (i − npix/2)·spacing.
 * A point is lit when εR ≤ ρ &lt; R (R = 1/2), except under struts: from the coordinates rotated by
 * −strut_angle, m times rotate by −360°/m and block |u'| &lt; R·strut_thick with v' ≥ 0. The
 * wavefront in waves is W = Σ a_j Z_j(u/R, v/R) with Z4 = √3(2ρ²−1), Z5 = 2√6xy, Z6 = √6(x²−y²),
 * Z7 = √8(3ρ²−2)y, Z8 = √8(3ρ²−2)x, Z9 = √8(3x²y − y³), Z10 = √8(x³ − 3xy²),
 * Z11 = √5(6ρ⁴ − 6ρ² + 1). The PSF image has pixel scale (λ/D)/L arcsec.
 */
public final class OpticalPSF extends Profile {
    /** Noll indices of the supported aberrations, in the order of the {@code aberrations} array. */
    public static final String[] ABERRATIONS = {"defocus", "astig1", "astig2", "coma1", "coma2", "trefoil1",
        "trefoil2", "spherical"};
    private static final double OVERSAMPLING = 1.5;
    private static final double PAD_FACTOR = 1.5;

    private final InterpolatedImage image;
    private final double lamOverDiam;

    /**
     * @param lamOverDiam λ/D in arcsec
     * @param obscuration linear central obscuration ε ∈ [0, 1)
     * @param nstruts     number of struts (0 for none)
     * @param strutThick  strut width as a fraction of D
     * @param strutAngle  angle of the first strut, radians, counter-clockwise from the +v axis
     * @param aberrations waves at λ for Noll 4..11 (defocus, astig1, astig2, coma1, coma2,
     *                    trefoil1, trefoil2, spherical); may be shorter (missing terms are 0)
     * @param flux        total flux
     */
    public OpticalPSF(double lamOverDiam, double obscuration, int nstruts, double strutThick, double strutAngle,
                      double[] aberrations, double flux) {
        if (!(lamOverDiam > 0) || Double.isInfinite(lamOverDiam)) {
            throw new IllegalArgumentException("OpticalPSF lam_over_diam must be positive and finite, got " + lamOverDiam);
        }
        if (!(obscuration >= 0 && obscuration < 1)) {
            throw new IllegalArgumentException("obscuration must be in [0, 1), got " + obscuration);
        }
        if (nstruts < 0 || (nstruts > 0 && !(strutThick > 0 && strutThick < 1))) {
            throw new IllegalArgumentException("need nstruts >= 0 and 0 < strut_thick < 1, got " + nstruts + ", " + strutThick);
        }
        if (aberrations.length > ABERRATIONS.length) {
            throw new IllegalArgumentException("at most " + ABERRATIONS.length + " aberrations (Noll 4..11), got " + aberrations.length);
        }
        this.lamOverDiam = lamOverDiam;
        double[] a = Arrays.copyOf(aberrations, ABERRATIONS.length);
        double pupilSize = 2 * OVERSAMPLING;
        double provisional = 1 / (2 * Airy.foldRadius(obscuration) * PAD_FACTOR);
        int npix = (int) FftGrid.goodFftSize((long) Math.ceil(pupilSize / provisional * (1 - Math.scalb(1.0, -14))));
        double spacing = pupilSize / npix;
        double r = 0.5;
        double[] field = new double[2 * npix * npix];
        for (int row = 0; row < npix; row++) {
            double v = (row - npix / 2) * spacing;
            for (int col = 0; col < npix; col++) {
                double u = (col - npix / 2) * spacing;
                double rho2 = u * u + v * v;
                if (!(rho2 < r * r && rho2 >= obscuration * obscuration * r * r)) {
                    continue;
                }
                if (underStrut(u, v, r, nstruts, strutThick, strutAngle)) {
                    continue;
                }
                double w = wavefront(u / r, v / r, a);
                int idx = 2 * (row * npix + col);
                field[idx] = Math.cos(2 * Math.PI * w);
                field[idx + 1] = Math.sin(2 * Math.PI * w);
            }
        }
        new DoubleFFT_2D(npix, npix).complexInverse(field, false);
        double[] psf = new double[npix * npix];
        double sum = 0;
        for (int row = 0; row < npix; row++) {
            int dr = (row + npix / 2) % npix;   // fftshift: zero frequency to index npix/2
            for (int col = 0; col < npix; col++) {
                int idx = 2 * (row * npix + col);
                double p = field[idx] * field[idx] + field[idx + 1] * field[idx + 1];
                psf[dr * npix + (col + npix / 2) % npix] = p;
                sum += p;
            }
        }
        for (int i = 0; i < psf.length; i++) {
            psf[i] *= flux / sum;
        }
        this.image = new InterpolatedImage(new Image(0, 0, npix, npix, psf), lamOverDiam / pupilSize, PAD_FACTOR);
    }

    private static boolean underStrut(double u, double v, double r, int nstruts, double thick, double angle) {
        if (nstruts == 0) {
            return false;
        }
        // rotate by −strut_angle, then step by −360°/m
        double cs = Math.cos(-angle);
        double sn = Math.sin(-angle);
        double x = u * cs - v * sn;
        double y = u * sn + v * cs;
        double step = -2 * Math.PI / nstruts;
        double c = Math.cos(step);
        double s = Math.sin(step);
        for (int k = 0; k < nstruts; k++) {
            double nx = x * c - y * s;
            y = x * s + y * c;
            x = nx;
            if (Math.abs(x) < r * thick && y >= 0) {
                return true;
            }
        }
        return false;
    }

    /** W(x, y) in waves for unit-radius pupil coordinates, Noll 4..11. */
    private static double wavefront(double x, double y, double[] a) {
        double r2 = x * x + y * y;
        double s8 = Math.sqrt(8);
        double s6 = Math.sqrt(6);
        return a[0] * Math.sqrt(3) * (2 * r2 - 1)
                + a[1] * s6 * 2 * x * y
                + a[2] * s6 * (x * x - y * y)
                + a[3] * s8 * (3 * r2 - 2) * y
                + a[4] * s8 * (3 * r2 - 2) * x
                + a[5] * s8 * (3 * x * x * y - y * y * y)
                + a[6] * s8 * (x * x * x - 3 * x * y * y)
                + a[7] * Math.sqrt(5) * (6 * r2 * r2 - 6 * r2 + 1);
    }

    public double lamOverDiam() { return lamOverDiam; }

    @Override
    public double flux() {
        return image.flux();
    }

    @Override
    public double stepK() {
        return image.stepK();
    }

    @Override
    public double maxK() {
        return image.maxK();
    }

    @Override
    public boolean isPointSymmetric() {
        return false;
    }

    @Override
    public void kValue(double kx, double ky, FourierValue out) {
        image.kValue(kx, ky, out);
    }

    @Override
    public boolean hasXValue() {
        return true;
    }

    @Override
    public double xValue(double x, double y) {
        return image.xValue(x, y);
    }

    @Override
    public String toString() {
        return "OpticalPSF[lam_over_diam=" + lamOverDiam + "]";
    }
}
