package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

/** Star stamps as PSFs, the pipeline's use of InterpolatedImage; and the Quintic kernel and Airy. */
class InterpolatedImageTest {

    @Test
    void quinticKernelAndTransform() {
        assertEquals(1, Quintic.kernel(0), 0);
        for (int i = 1; i <= 3; i++) {
            assertEquals(0, Quintic.kernel(i), 1e-15);
        }
        // partition of unity: Σ_n K(t − n) = 1, and û(0) = 1, û(integer ≠ 0) = 0
        for (double t = 0; t < 1; t += 0.1) {
            double s = 0;
            for (int n = -3; n <= 3; n++) {
                s += Quintic.kernel(t - n);
            }
            assertEquals(1, s, 1e-14);
        }
        assertEquals(1, Quintic.transform(0), 1e-15);
        assertEquals(0, Quintic.transform(1), 1e-15);
        // û is the transform of K: check at u = 0.3 by quadrature
        double sum = 0;
        double dt = 1e-4;
        for (double t = -3 + dt / 2; t < 3; t += dt) {
            sum += Quintic.kernel(t) * Math.cos(2 * Math.PI * 0.3 * t) * dt;
        }
        assertEquals(sum, Quintic.transform(0.3), 1e-9);
    }

    @Test
    void starStampAsPsfReproducesTheAnalyticConvolution() {
        // a star: Kolmogorov ⊗ pixel drawn at the true centre, as GREAT3's star 0
        double scale = 0.2;
        Profile atmos = Kolmogorov.ofFwhm(0.7, 1).shear(0.02, -0.01);
        Image star = Image.zeros(48, 48);
        StampDrawer drawer = new StampDrawer();
        drawer.draw(atmos, star, scale, 0, 0, DrawMethod.AUTO);
        Profile psf = InterpolatedImage.centredOnTrueCentre(star, scale, 4);
        assertEquals(star.sum(), psf.flux(), 1e-12);

        // the real-space interpolant passes through the pixel values
        Image again = Image.zeros(48, 48);
        drawer.draw(psf, again, scale, 0, 0, DrawMethod.NO_PIXEL);
        for (int i = 0; i < star.pixels().length; i++) {
            assertEquals(star.pixels()[i], again.pixels()[i], 1e-15);
        }

        // a galaxy convolved with the star stamp (no further pixel) vs the exact galaxy ⊗ PSF ⊗ pixel
        Profile gal = Sersic.ofHalfLightRadius(1.5, 0.3, 1).shear(0.2, 0.1);
        Image viaStar = Image.zeros(48, 48);
        Image exact = Image.zeros(48, 48);
        drawer.draw(gal, psf, viaStar, scale, 0.3, -0.2, DrawMethod.NO_PIXEL);
        drawer.draw(gal, atmos, exact, scale, 0.3, -0.2, DrawMethod.AUTO);
        double peak = 0;
        double worst = 0;
        for (int i = 0; i < exact.pixels().length; i++) {
            peak = Math.max(peak, exact.pixels()[i]);
            worst = Math.max(worst, Math.abs(viaStar.pixels()[i] - exact.pixels()[i]));
        }
        System.out.printf("galaxy ⊗ interpolated star vs exact: max |diff|/peak = %.3g%n", worst / peak);
        // the stamp truncates the PSF wings (0.25 % of the flux) and the Quintic interpolant is not exact
        assertTrue(worst / peak < 3e-3, "max |diff|/peak = " + worst / peak);
    }

    @Test
    void airyTransformIsTheAutocorrelationOfThePupil() {
        Airy a = new Airy(0.05, 0, 2);
        // unobscured: F/flux = (2/π)(acos ν − ν√(1 − ν²))
        for (double nu : new double[] {0, 0.1, 0.5, 0.9}) {
            double k = nu * 2 * Math.PI / 0.05;
            double expect = 2 / Math.PI * (Math.acos(nu) - nu * Math.sqrt(1 - nu * nu));
            assertEquals(2 * expect, a.kValue(k, 0).re, 1e-14);
        }
        assertEquals(0, a.kValue(2 * Math.PI / 0.05 * 1.01, 0).re);
        Airy ob = new Airy(0.05, 0.35, 1);
        assertEquals(1, ob.kValue(0, 0).re, 1e-14);
        assertTrue(ob.kValue(40, 30).re > 0);
    }

    @Test
    void badStampsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new InterpolatedImage(Image.zeros(8, 8), 0.2, 4));
        Image nan = Image.zeros(8, 8);
        nan.set(3, 3, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> new InterpolatedImage(nan, 0.2, 4));
    }
}
