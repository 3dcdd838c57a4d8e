package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

/** GalSim's Lanczos interpolant: kernel, sine-integral transform, conserve_dc, and its use in an image. */
class LanczosTest {

    @Test
    void sineIntegralKnownValues() {
        assertEquals(0.946083070367183, SineIntegral.si(1), 1e-15);
        assertEquals(1.851937051982466, SineIntegral.si(Math.PI), 3e-15);
        assertEquals(1.658347594218874, SineIntegral.si(10), 1e-15);
        assertEquals(1.778520173443827, SineIntegral.si(2.5), 3e-15);   // continued-fraction branch
        assertEquals(-SineIntegral.si(7), SineIntegral.si(-7), 0);
        assertEquals(Math.PI / 2, SineIntegral.si(1e7), 1e-7);
    }

    @Test
    void kernelIsOneAtZeroAndZeroAtIntegers() {
        for (int n : new int[] {3, 5, 7}) {
            for (boolean dc : new boolean[] {true, false}) {
                Lanczos l = Lanczos.of(n, dc);
                assertEquals(1, l.xval(0), 1e-15);
                for (int j = 1; j <= n + 1; j++) {
                    assertEquals(0, l.xval(j), 1e-15, "n = " + n + ", t = " + j);
                    assertEquals(0, l.xval(-j), 1e-15);
                }
                assertEquals(0, l.xval(n + 0.3), 0);
                assertEquals(n, l.xrange());
            }
        }
    }

    @Test
    void conserveDcMakesTheShiftsSumToOne() {
        for (int n : new int[] {3, 5}) {
            double worstDc = 0;
            double worstRaw = 0;
            for (double t = 0; t < 1; t += 0.01) {
                double dc = 0;
                double raw = 0;
                for (int j = -n - 1; j <= n + 1; j++) {
                    dc += Lanczos.of(n, true).xval(t - j);
                    raw += Lanczos.of(n, false).xval(t - j);
                }
                worstDc = Math.max(worstDc, Math.abs(dc - 1));
                worstRaw = Math.max(worstRaw, Math.abs(raw - 1));
            }
            System.out.printf("Lanczos%d: max |sum of shifts - 1| = %.2e (conserve_dc), %.2e (raw)%n", n, worstDc, worstRaw);
            // GalSim's correction uses the Fourier series of the sum up to m = 5 only
            assertTrue(worstDc < 1e-5, "n = " + n + ": " + worstDc);
            assertTrue(worstRaw > 100 * worstDc);
        }
    }

    @Test
    void transformIsTheIntegralOfTheKernel() {
        for (boolean dc : new boolean[] {true, false}) {
            Lanczos l = Lanczos.of(5, dc);
            if (dc) {
                // flux is conserved (GalSim's second-order series of the correction: to about 1e-6)
                assertEquals(1, l.uval(0), 1e-6);
            }
            double worst = 0;
            for (double u = 0; u < l.urange(); u += 0.0213) {
                double sum = 0;
                double dt = 5e-4;
                for (double t = -5 + dt / 2; t < 5; t += dt) {
                    sum += l.xval(t) * Math.cos(2 * Math.PI * u * t) * dt;
                }
                worst = Math.max(worst, Math.abs(sum - l.uval(u)));
            }
            System.out.printf("Lanczos5 (conserve_dc=%b): max |uval - numeric integral| = %.2e, urange = %.4f%n", dc, worst,
                    l.urange());
            // the table's spline and GalSim's second-order series for the conserve_dc correction
            assertTrue(worst < 2e-6, "conserve_dc = " + dc + ": " + worst);
            assertEquals(0, l.uval(l.urange() + 1e-3), 0);
        }
    }

    @Test
    void gaussianImageThroughLanczosReproducesTheGaussian() {
        // a well-sampled Gaussian (σ = 2 px) given by its samples at the pixel centres, as a PSF
        double sigma = 2.0;
        Image samples = Image.zeros(48, 48);
        StampDrawer drawer = new StampDrawer();
        drawer.draw(new Gaussian(sigma, 1), samples, 1, 0, 0, DrawMethod.NO_PIXEL);
        Profile galaxy = new Gaussian(1.5, 1);
        Image exact = drawer.draw(new Gaussian(Math.hypot(1.5, sigma), 1), Image.zeros(48, 48), 1, 0.3, -0.2,
                DrawMethod.NO_PIXEL);
        double peak = exact.pixels()[24 * 48 + 24];
        for (String name : new String[] {"lanczos5", "lanczos3", "quintic"}) {
            Interpolant interp = Interpolant.parse(name);
            Profile psf = InterpolatedImage.centredOnTrueCentre(samples, 1, 4, interp);
            // real space: the interpolant passes through the samples
            Image again = drawer.draw(psf, Image.zeros(48, 48), 1, 0, 0, DrawMethod.NO_PIXEL);
            for (int i = 0; i < samples.pixels().length; i++) {
                assertEquals(samples.pixels()[i], again.pixels()[i], 1e-15, name);
            }
            // k space: galaxy ⊗ interpolated Gaussian = the exact convolution
            Image viaImage = drawer.draw(galaxy, psf, Image.zeros(48, 48), 1, 0.3, -0.2, DrawMethod.NO_PIXEL);
            double worst = 0;
            for (int i = 0; i < exact.pixels().length; i++) {
                worst = Math.max(worst, Math.abs(viaImage.pixels()[i] - exact.pixels()[i]));
            }
            System.out.printf("Gaussian through %s: max |diff|/peak = %.2e%n", name, worst / peak);
            // the interpolants' own accuracy: between the samples they miss this Gaussian by 2e-3 (quintic,
            // lanczos5) to 5e-3 (lanczos3) of its peak; the convolution with the galaxy smooths that
            assertTrue(worst / peak < 2e-3, name + ": " + worst / peak);
        }
    }

    @Test
    void namesAsGalSim() {
        assertSame(Quintic.INSTANCE, Interpolant.parse("Quintic"));
        Lanczos l = assertInstanceOf(Lanczos.class, Interpolant.parse("lanczos5"));
        assertEquals(5, l.n());
        assertTrue(l.conserveDc());
        assertThrows(IllegalArgumentException.class, () -> Interpolant.parse("cubic"));
        assertThrows(IllegalArgumentException.class, () -> Interpolant.parse("lanczos0"));
    }
}
