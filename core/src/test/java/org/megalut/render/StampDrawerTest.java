package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

/** Drawing conventions: centring, pixel response, flux, symmetry, PSF caching. */
class StampDrawerTest {

    /** Flux of a unit Gaussian (σ pixels, centre c) in the pixel [i − ½, i + ½]. */
    private static double pixelFraction(int i, double c, double sigma) {
        double s = sigma * Math.sqrt(2);
        return 0.5 * (Erf.erf((i + 0.5 - c) / s) - Erf.erf((i - 0.5 - c) / s));
    }

    @Test
    void gaussianPixelsAreIntegratedFluxAroundTheTrueCentre() {
        double scale = 0.2;
        double sigmaArcsec = 0.5;
        double dx = 0.3;
        double dy = -0.45;
        Image img = Image.zeros(48, 48);
        new StampDrawer().draw(new Gaussian(sigmaArcsec, 3), img, scale, dx, dy, DrawMethod.AUTO);
        double cx = 23.5 + dx;
        double cy = 23.5 + dy;
        double worst = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                double expect = 3 * pixelFraction(x, cx, sigmaArcsec / scale) * pixelFraction(y, cy, sigmaArcsec / scale);
                worst = Math.max(worst, Math.abs(img.get(x, y) - expect));
            }
        }
        assertEquals(0, worst, 1e-9, "max deviation from the exact pixel integrals");
    }

    @Test
    void noPixelSamplesAtPixelCentres() {
        Image fft = Image.zeros(32, 32);
        Image real = Image.zeros(32, 32);
        Profile g = new Gaussian(0.6, 1);
        StampDrawer d = new StampDrawer();
        d.draw(g, real, 0.2, 0.2, 0.1, DrawMethod.NO_PIXEL);
        // a PSF of a delta-like tiny Gaussian forces the FFT path without the pixel
        d.draw(g, new Gaussian(1e-4, 1), fft, 0.2, 0.2, 0.1, DrawMethod.NO_PIXEL);
        assertEquals(0.04 * g.xValue(0.2 * (0 - 16 - (0.2 - 0.5)), 0.2 * (0 - 16 - (0.1 - 0.5))), real.get(0, 0), 1e-15);
        for (int i = 0; i < real.pixels().length; i++) {
            assertEquals(real.pixels()[i], fft.pixels()[i], 1e-9);
        }
    }

    @Test
    void oddNonSquareStampsOnAThreeTimesPowerOfTwoGridMatchRealSpace() {
        // a wide sheared Gaussian: GalSim's stepK rule asks for N = 192 = 3·2^6 (radix-3 transforms);
        // odd, unequal sides put the drawing origin off the centre in both directions
        Profile g = new Gaussian(1.7, 1).shear(0.3, -0.2);
        Image fft = Image.zeros(37, 21);
        Image real = Image.zeros(37, 21);
        StampDrawer d = new StampDrawer();
        d.draw(g, real, 0.2, 0.3, -0.7, DrawMethod.NO_PIXEL);
        d.draw(g, new Gaussian(1e-4, 1), fft, 0.2, 0.3, -0.7, DrawMethod.NO_PIXEL);
        assertEquals(192, d.lastGrid().n());
        double peak = 0;
        double worst = 0;
        for (int i = 0; i < real.pixels().length; i++) {
            peak = Math.max(peak, real.pixels()[i]);
            worst = Math.max(worst, Math.abs(real.pixels()[i] - fft.pixels()[i]));
        }
        assertTrue(worst < 1e-8 * peak, "max deviation " + worst + " of peak " + peak);
    }

    @Test
    void compactProfilesConserveFlux() {
        StampDrawer d = new StampDrawer();
        // profiles whose light outside a 48-px stamp is negligible (Kolmogorov's r^(−11/3) wings are not:
        // GalSim's own 48-px Kolmogorov stamps hold 0.9976 of the flux)
        Profile[] ps = {new Gaussian(0.4, 2), Convolution.of(Sersic.exponential(0.3, 2), new Gaussian(0.25, 1)),
            Convolution.of(Sersic.ofHalfLightRadius(0.8, 0.3, 2).shear(0.2, 0.1), new Gaussian(0.3, 1))};
        // the band limit (GalSim's k-grid stops at Nyquist) rings a few 1e-7 of the flux outside the stamp
        double[] tol = {1e-8, 1e-6, 1e-6};   // 1e-8: the RadialLookup interpolation
        for (int i = 0; i < ps.length; i++) {
            Image img = Image.zeros(48, 48);
            d.draw(ps[i], img, 0.2, 0.1, -0.3, DrawMethod.AUTO);
            assertEquals(2, img.sum(), 2 * tol[i], ps[i].toString());
        }
    }

    @Test
    void centredSymmetricProfilesGiveSymmetricStamps() {
        Image img = Image.zeros(48, 48);
        new StampDrawer().draw(Sersic.ofHalfLightRadius(2.5, 0.4, 1).shear(0.2, 0.1), Kolmogorov.ofFwhm(0.7, 1),
                img, 0.2, 0, 0, DrawMethod.AUTO);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                assertEquals(img.get(x, y), img.get(47 - x, 47 - y), 1e-15);
            }
        }
        Image round = Image.zeros(48, 48);
        new StampDrawer().draw(Kolmogorov.ofFwhm(0.7, 1), round, 0.2, 0, 0, DrawMethod.AUTO);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                assertEquals(round.get(x, y), round.get(y, x), 1e-15);
                assertEquals(round.get(x, y), round.get(47 - x, y), 1e-15);
            }
        }
    }

    @Test
    void cachedPsfGivesTheSameStampAsTheConvolution() {
        StampDrawer d = new StampDrawer();
        Profile psf = Moffat.ofFwhm(3, 0.7, 1).shear(0.03, 0.01);
        for (double hlr : new double[] {0.3, 0.5, 0.3}) {
            Profile gal = Sersic.ofHalfLightRadius(1.5, hlr, 1).shear(0.1, -0.2);
            Image cached = Image.zeros(48, 48);
            Image direct = Image.zeros(48, 48);
            d.draw(gal, psf, cached, 0.2, 0.4, 0.1, DrawMethod.AUTO);
            new StampDrawer().draw(Convolution.of(gal, psf), direct, 0.2, 0.4, 0.1, DrawMethod.AUTO);
            // the direct convolution is not axisymmetric-transformed, so it skips the RadialLookup
            assertArrayEquals(direct.pixels(), cached.pixels(), 1e-10);
        }
    }

    @Test
    void aPointSourceThroughThePsfIsThePsfsOwnImage() {
        // an asymmetric PSF with optics, drawn alone and as a unit point source through it, at offsets
        Profile psf = Convolution.of(Kolmogorov.ofFwhm(0.6, 1).shear(0.02, -0.03),
                new OpticalPSF(0.04, 0.3, 0, 0, 0, new double[] {0.1, 0.05, -0.03, 0.04, 0.02, 0.01, -0.02, 0.03}, 1));
        StampDrawer d = new StampDrawer();
        for (double[] off : new double[][] {{0, 0}, {0.37, -0.21}, {-0.5, 0.5}}) {
            Image alone = new StampDrawer().draw(psf, Image.zeros(48, 48), 0.2, off[0], off[1], DrawMethod.AUTO);
            Image point = d.draw(new DeltaFunction(2.0), psf, Image.zeros(48, 48), 0.2, off[0], off[1], DrawMethod.AUTO);
            double peak = 0;
            double worst = 0;
            for (int p = 0; p < alone.pixels().length; p++) {
                peak = Math.max(peak, alone.pixels()[p]);
                worst = Math.max(worst, Math.abs(point.pixels()[p] - 2.0 * alone.pixels()[p]));
            }
            assertTrue(worst < 1e-12 * peak, "point source vs PSF at " + Arrays.toString(off) + ": " + worst);
        }
    }

    @Test
    void fastPathAgreesWithTheGenericOneAndMergesShifts() {
        StampDrawer d = new StampDrawer();
        Profile psf = Kolmogorov.ofFwhm(0.6, 1);
        Profile gal = Sersic.ofHalfLightRadius(2.5, 0.35, 3).shear(0.25, -0.1).rotate(0.3);
        // a galaxy shift of (0.04, −0.02)" is an offset of (0.2, −0.1) px at 0.2"/px
        Image shifted = Image.zeros(48, 48);
        Image offset = Image.zeros(48, 48);
        d.draw(gal.shift(0.04, -0.02), psf, shifted, 0.2, 0.1, 0.3, DrawMethod.AUTO);
        d.draw(gal, psf, offset, 0.2, 0.3, 0.2, DrawMethod.AUTO);
        assertArrayEquals(offset.pixels(), shifted.pixels(), 1e-13);
        // the generic path: convolving with a point-like Gaussian (F = 1 − 1e-12) defeats the fast path
        Profile point = new Gaussian(1e-6, 1);
        Image generic = Image.zeros(48, 48);
        d.draw(Convolution.of(gal, point), psf, generic, 0.2, 0.3, 0.2, DrawMethod.AUTO);
        assertArrayEquals(offset.pixels(), generic.pixels(), 1e-8 * max(offset));
        // bulge + disk with their own shapes under a common shear and shift: several radial terms
        Profile bd = Sum.of(Sersic.deVaucouleurs(0.2, 1).shear(0.1, 0.05), Sersic.exponential(0.5, 2).shear(-0.3, 0.2))
                .shear(0.02, 0.01).shift(0.03, 0.01);
        Image fast = Image.zeros(48, 48);
        Image slow = Image.zeros(48, 48);
        d.draw(bd, psf, fast, 0.2, -0.2, 0.1, DrawMethod.AUTO);
        d.draw(Convolution.of(bd, point), psf, slow, 0.2, -0.2, 0.1, DrawMethod.AUTO);
        assertArrayEquals(slow.pixels(), fast.pixels(), 1e-8 * max(slow));
    }

    private static double max(Image img) {
        double m = 0;
        for (double v : img.pixels()) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void oddStampsCentreOnAPixel() {
        Image img = Image.zeros(31, 31);
        new StampDrawer().draw(new Gaussian(0.3, 1), img, 0.2, 0, 0, DrawMethod.AUTO);
        double peak = img.get(15, 15);
        for (double v : img.pixels()) {
            assertEquals(true, v <= peak);
        }
        assertEquals(img.get(14, 15), img.get(16, 15), 1e-15);
    }

    @Test
    void badArgumentsAreRejected() {
        StampDrawer d = new StampDrawer();
        Image img = Image.zeros(48, 48);
        assertThrows(IllegalArgumentException.class, () -> d.draw(new Gaussian(1, 1), img, 0, 0, 0, DrawMethod.AUTO));
        assertThrows(IllegalArgumentException.class, () -> d.draw(new Gaussian(1, 1), img, 0.2, Double.NaN, 0, DrawMethod.AUTO));
        // far too extended for 0.001"/px: the FFT would exceed the maximum size
        assertThrows(IllegalArgumentException.class, () -> d.draw(new Gaussian(10, 1), img, 0.001, 0, 0, DrawMethod.AUTO));
    }
}
