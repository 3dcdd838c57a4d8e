package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.random.RandomStreams;

/** Knots: exact drawing through a PSF, flux, the distribution of their positions, determinism, shear. */
class RandomKnotsTest {
    private static final double SCALE = 0.2;
    private static final double PSF_SIGMA = 0.4;

    /** Flux of a unit Gaussian (σ pixels, centre c) in the pixel [i − ½, i + ½]. */
    private static double pixelFraction(int i, double c, double sigma) {
        double s = sigma * Math.sqrt(2);
        return 0.5 * (Erf.erf((i + 0.5 - c) / s) - Erf.erf((i - 0.5 - c) / s));
    }

    /**
     * The exact stamp of point sources of flux f at world positions (x, y) [arcsec] through a Gaussian
     * PSF and the pixel, offset (dx, dy) px from the true centre of a 48-px stamp.
     */
    private static Image gaussianSum(double[] x, double[] y, double f, double dx, double dy) {
        Image img = Image.zeros(48, 48);
        double sigma = PSF_SIGMA / SCALE;
        for (int k = 0; k < x.length; k++) {
            double cx = 23.5 + dx + x[k] / SCALE;
            double cy = 23.5 + dy + y[k] / SCALE;
            for (int r = 0; r < 48; r++) {
                for (int c = 0; c < 48; c++) {
                    img.set(c, r, img.get(c, r) + f * pixelFraction(c, cx, sigma) * pixelFraction(r, cy, sigma));
                }
            }
        }
        return img;
    }

    private static double max(Image img) {
        double m = 0;
        for (double v : img.pixels()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double maxDiff(Image a, Image b) {
        double m = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            m = Math.max(m, Math.abs(a.pixels()[i] - b.pixels()[i]));
        }
        return m;
    }

    @Test
    void knotsThroughAGaussianPsfAreASumOfPixelIntegratedGaussians() {
        double[] x = {0.0, 0.31, -0.52, 0.12, 0.8};
        double[] y = {0.0, -0.2, 0.44, 0.61, -0.35};
        RandomKnots knots = RandomKnots.at(x, y, 5.0);
        Profile psf = new Gaussian(PSF_SIGMA, 1);
        StampDrawer d = new StampDrawer();

        Image fast = d.draw(knots, psf, Image.zeros(48, 48), SCALE, 0.3, -0.2, DrawMethod.AUTO);
        Image exact = gaussianSum(x, y, 1.0, 0.3, -0.2);
        assertTrue(maxDiff(fast, exact) < 1e-6 * max(exact), "fast path: " + maxDiff(fast, exact));

        // a point-like Gaussian (F = 1 − O(1e-12)) defeats the point-term path: RandomKnots.kValue per k
        Image generic = d.draw(Convolution.of(knots, new Gaussian(1e-6, 1)), psf, Image.zeros(48, 48), SCALE, 0.3, -0.2,
                DrawMethod.AUTO);
        assertTrue(maxDiff(generic, exact) < 1e-6 * max(exact), "generic path: " + maxDiff(generic, exact));

        // sheared and shifted: the points move to S(g)·x + d
        Jacobian s = Jacobian.shear(0.2, -0.1);
        double[] xs = new double[x.length];
        double[] ys = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            xs[k] = s.a() * x[k] + s.b() * y[k] + 0.05;
            ys[k] = s.c() * x[k] + s.d() * y[k] - 0.03;
        }
        Image sheared = d.draw(knots.shear(0.2, -0.1).shift(0.05, -0.03), psf, Image.zeros(48, 48), SCALE, 0, 0,
                DrawMethod.AUTO);
        Image exactSheared = gaussianSum(xs, ys, 1.0, 0, 0);
        assertTrue(maxDiff(sheared, exactSheared) < 1e-6 * max(exactSheared), "sheared: " + maxDiff(sheared, exactSheared));
    }

    @Test
    void galaxyWithKnotsAgreesBetweenFastAndGenericPathsAndConservesFlux() {
        UniformRandomProvider rng = RandomStreams.stream(7, RandomStreams.label("knots-test"));
        Profile disk = Sersic.exponential(0.4, 0.7 * 3.0).shear(0.3, 0.1);
        Profile knots = RandomKnots.fromSersic(30, Sersic.exponential(0.4, 0.3 * 3.0), rng).shear(0.3, 0.1);
        Profile bulge = Sersic.deVaucouleurs(0.2, 1.0).shear(0.05, 0.0);
        Profile gal = Sum.of(bulge, disk, knots).shear(0.03, -0.02);
        assertEquals(4.0, gal.flux(), 1e-12);

        Profile psf = Kolmogorov.ofFwhm(0.7, 1);
        StampDrawer d = new StampDrawer();
        Image fast = d.draw(gal, psf, Image.zeros(64, 64), SCALE, 0.2, 0.1, DrawMethod.AUTO);
        Image slow = d.draw(Convolution.of(gal, new Gaussian(1e-6, 1)), psf, Image.zeros(64, 64), SCALE, 0.2, 0.1,
                DrawMethod.AUTO);
        assertTrue(maxDiff(fast, slow) < 1e-8 * max(slow), "fast vs generic: " + maxDiff(fast, slow));

        // flux: compact knots through a Gaussian PSF in a stamp ten PSF σ wide lose nothing
        Image big = d.draw(RandomKnots.fromSersic(20, Sersic.exponential(0.3, 2.5), rng), new Gaussian(PSF_SIGMA, 1),
                Image.zeros(96, 96), SCALE, 0, 0, DrawMethod.AUTO);
        double sum = 0;
        for (double v : big.pixels()) {
            sum += v;
        }
        assertEquals(2.5, sum, 1e-6);
    }

    @Test
    void knotPositionsFollowTheProfileTheyAreDrawnFrom() {
        int n = 20000;
        // exponential: r = r0·t, t ~ Gamma(2): mean 2 r0, standard deviation sqrt(2) r0
        Sersic exp = Sersic.exponential(0.5, 1.0);
        RandomKnots k = RandomKnots.fromSersic(n, exp, RandomStreams.stream(11, RandomStreams.label("exp")));
        double r0 = exp.scaleRadius();
        double sumR = 0;
        double sumX = 0;
        double sumY = 0;
        int inside = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.hypot(k.x(i), k.y(i));
            sumR += r;
            sumX += k.x(i);
            sumY += k.y(i);
            inside += r < exp.halfLightRadius() ? 1 : 0;
        }
        double se = Math.sqrt(2.0 / n) * r0;
        assertEquals(2 * r0, sumR / n, 4 * se, "mean radius vs 2 r0");
        // half of the knots within the half-light radius, binomial error sqrt(1/4n)
        assertEquals(0.5, (double) inside / n, 4 * Math.sqrt(0.25 / n), "half-number radius");
        // isotropic: centroid at 0 within the error of x (σ_x² = <r²>/2 = 3 r0²)
        assertEquals(0, sumX / n, 4 * Math.sqrt(3.0 / n) * r0);
        assertEquals(0, sumY / n, 4 * Math.sqrt(3.0 / n) * r0);
        assertEquals(1.0 / n, k.fluxPerKnot(), 1e-18);

        // de Vaucouleurs (t ~ Gamma(8), r = r0·t⁴): also half the points within its half-light radius
        Sersic dev = Sersic.deVaucouleurs(0.3, 1.0);
        RandomKnots kd = RandomKnots.fromSersic(n, dev, RandomStreams.stream(12, RandomStreams.label("dev")));
        int insideDev = 0;
        for (int i = 0; i < n; i++) {
            insideDev += Math.hypot(kd.x(i), kd.y(i)) < dev.halfLightRadius() ? 1 : 0;
        }
        assertEquals(0.5, (double) insideDev / n, 4 * Math.sqrt(0.25 / n), "de Vaucouleurs half-number radius");
    }

    @Test
    void theSameStreamGivesTheSameKnotsAndTheyMoveWithTheShear() {
        Sersic disk = Sersic.exponential(0.4, 2.0);
        RandomKnots a = RandomKnots.fromSersic(25, disk, RandomStreams.stream(5, 1, 2));
        RandomKnots b = RandomKnots.fromSersic(25, disk, RandomStreams.stream(5, 1, 2));
        RandomKnots c = RandomKnots.fromSersic(25, disk, RandomStreams.stream(5, 1, 3));
        for (int i = 0; i < 25; i++) {
            assertEquals(a.x(i), b.x(i), 0);
            assertEquals(a.y(i), b.y(i), 0);
        }
        assertNotEquals(a.x(0), c.x(0));

        // shearing the knots draws exactly the knots placed at S(g)·x_k
        Jacobian s = Jacobian.shear(0.1, 0.25);
        double[] xs = new double[25];
        double[] ys = new double[25];
        for (int i = 0; i < 25; i++) {
            xs[i] = s.a() * a.x(i) + s.b() * a.y(i);
            ys[i] = s.c() * a.x(i) + s.d() * a.y(i);
        }
        Profile psf = Kolmogorov.ofFwhm(0.6, 1);
        StampDrawer d = new StampDrawer();
        Image sheared = d.draw(a.shear(0.1, 0.25), psf, Image.zeros(48, 48), SCALE, 0, 0, DrawMethod.AUTO);
        Image moved = d.draw(RandomKnots.at(xs, ys, 2.0), psf, Image.zeros(48, 48), SCALE, 0, 0, DrawMethod.AUTO);
        assertArrayEquals(moved.pixels(), sheared.pixels(), 1e-12 * max(moved));
        // and the shear changes the image's quadrupole in the shear's sense: Q11 = Σ I (x² − y²) grows
        assertTrue(quadrupole(sheared) > quadrupole(d.draw(a, psf, Image.zeros(48, 48), SCALE, 0, 0, DrawMethod.AUTO)));
    }

    /** Σ I·((x − c)² − (y − c)²) about the stamp's true centre. */
    private static double quadrupole(Image img) {
        double q = 0;
        for (int r = 0; r < img.height(); r++) {
            for (int c = 0; c < img.width(); c++) {
                double dx = c - 23.5;
                double dy = r - 23.5;
                q += img.get(c, r) * (dx * dx - dy * dy);
            }
        }
        return q;
    }

    @Test
    void knotsAreNotDrawnWithoutAPsfAndBadArgumentsAreRejected() {
        RandomKnots k = RandomKnots.at(new double[] {0.1}, new double[] {0.2}, 1);
        StampDrawer d = new StampDrawer();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.draw(k, Image.zeros(48, 48), SCALE, 0, 0, DrawMethod.AUTO));
        assertTrue(e.getMessage().contains("without a PSF"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomKnots.at(new double[0], new double[0], 1));
        assertThrows(IllegalArgumentException.class, () -> RandomKnots.at(new double[] {1}, new double[] {1, 2}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> RandomKnots.fromSersic(0, Sersic.exponential(0.4, 1), RandomStreams.stream(1)));
        assertEquals(Math.PI / Math.hypot(0.1, 0.2), k.stepK(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, k.maxK());
    }
}
