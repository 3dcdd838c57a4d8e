package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Analytic checks of the k-space (and real-space) values of the profiles. */
class ProfilesTest {

    private static double maxErrOverK(Profile p, DoubleUnaryOperator exact, double kmax) {
        double worst = 0;
        FourierValue v = new FourierValue();
        for (double k = 1e-4; k < kmax; k *= 1.013) {
            // along a diagonal direction, so both kx and ky enter
            p.kValue(k * 0.6, k * 0.8, v);
            worst = Math.max(worst, Math.abs(v.re - exact.applyAsDouble(k)));
            assertEquals(0, v.im, 0);
        }
        return worst;
    }

    @Test
    void gaussianTransformIsExact() {
        Gaussian g = new Gaussian(0.7, 2.5);
        assertTrue(maxErrOverK(g, k -> 2.5 * Math.exp(-0.5 * k * k * 0.49), 50) < 1e-15);
        assertEquals(2.5 / (2 * Math.PI * 0.49), g.xValue(0, 0), 1e-15);
    }

    @Test
    void sersicHalfIsGaussian() {
        // n = 1/2: I ∝ exp(−(r/r0)²), so F = exp(−(k r0)²/4)
        Sersic s = Sersic.ofHalfLightRadius(0.5, 0.4, 1);
        double r0 = s.scaleRadius();
        double err = maxErrOverK(s, k -> Math.exp(-0.25 * k * k * r0 * r0), 500);
        System.out.printf("Sersic n=0.5 vs exact Gaussian: max |dF| = %.3g%n", err);
        assertTrue(err < 1e-6, "max error " + err);
        // hlr of a Gaussian exp(−r²/r0²) is r0·√ln 2
        assertEquals(Math.sqrt(Math.log(2)), 0.4 / r0, 1e-12);
    }

    @Test
    void sersicOneIsExponential() {
        Sersic s = Sersic.exponential(0.3, 2);
        double r0 = s.scaleRadius();
        double err = maxErrOverK(s, k -> 2 * Math.pow(1 + k * k * r0 * r0, -1.5), 2000);
        System.out.printf("Sersic n=1 vs (1+q^2)^-3/2: max |dF|/flux = %.3g%n", err / 2);
        assertTrue(err / 2 < 1e-6, "max error " + err);
        // the real-space value integrates to the flux
        double sum = 0;
        double dr = r0 / 200;
        for (double r = dr / 2; r < 60 * r0; r += dr) {
            sum += 2 * Math.PI * r * s.xValue(r, 0) * dr;
        }
        assertEquals(2, sum, 1e-5);   // midpoint rule across the cusp at r = 0
    }

    @Test
    void fluxIsKValueAtOrigin() {
        List<Profile> profiles = List.of(new Gaussian(0.3, 1.7), Sersic.ofHalfLightRadius(2.5, 0.5, 1.7),
                Sersic.deVaucouleurs(0.5, 1.7), Kolmogorov.ofFwhm(0.7, 1.7), Moffat.ofFwhm(3, 0.7, 1.7),
                Moffat.ofFwhm(2.5, 0.7, 1.7), new Pixel(0.2, 1.7),
                Sum.of(Sersic.exponential(0.6, 1), Sersic.deVaucouleurs(0.2, 0.7)),
                Convolution.of(new Gaussian(0.3, 1.7), Kolmogorov.ofFwhm(0.6, 1)).shear(0.2, 0.1).dilate(1.3).rotate(0.4));
        for (Profile p : profiles) {
            assertEquals(p.flux(), p.kValue(0, 0).re, 1e-9 * p.flux(), p.toString());
            assertEquals(1.7, p.flux(), 1e-12, p.toString());
        }
    }

    @Test
    void kolmogorovIsAnalyticWithGalSimSizes() {
        Kolmogorov k = Kolmogorov.ofFwhm(0.6, 1);
        double k0 = 2.992939911888651 * 0.9758634299 / 0.6;
        assertTrue(maxErrOverK(k, q -> Math.exp(-Math.pow(q / k0, 5.0 / 3)), 100) < 1e-15);
        // GalSim's maxk for FWHM 0.6": 4.217714727737645 rad/px at 0.2"/px (oracle fft_prof_maxk)
        assertEquals(4.217714727737645, k.maxK() * 0.2, 1e-12);
        // folding radius 16.535/k0 reproduces GalSim's stepk (stars.csv row 0, with the pixel and the
        // half-pixel centring shift removed)
        double stepPix = 1 / Math.sqrt(1 / (0.1773000475216492 * 0.1773000475216492) - 1 / (Math.PI * Math.PI));
        double kolmStep = Math.PI / (Math.PI / stepPix - Math.hypot(0.5, 0.5));
        assertEquals(kolmStep, k.stepK() * 0.2, 1e-6 * kolmStep);
        // the real-space table value at the centre, T(0) = 3Γ(6/5)/(10π)
        assertEquals(0.0876786563672346, Kolmogorov.realSpace(1e-2), 2e-5);
    }

    @Test
    void moffatBeta3MatchesK2Formula() {
        Moffat m = Moffat.ofScaleRadius(3, 1, 1);
        // F(q) = K2(q) q²/2; K2(1) = 1.624838898635177, K2(3) = 0.06151045847174204
        assertEquals(1.624838898635177 / 2, m.kValue(1, 0).re, 1e-9);
        assertEquals(0.06151045847174204 * 9 / 2, m.kValue(0, 3).re, 1e-9);
        // and agrees with a direct Hankel transform of the real-space profile 2(β−1)(1+r²)^−β
        for (double q : new double[] {0.01, 0.3, 2, 7, 15}) {
            double direct = HankelTransform.transform(r -> 4 * Math.pow(1 + r * r, -3), q, 1, 1e-11, 1e-14);
            assertEquals(direct, m.kValue(q, 0).re, 2e-8, "q = " + q);
        }
        // β = 3, FWHM 0.7: r_d = 0.7/(2√(2^{1/3} − 1))
        Moffat f = Moffat.ofFwhm(3, 0.7, 1);
        assertEquals(0.7 / (2 * Math.sqrt(Math.cbrt(2) - 1)), f.scaleRadius(), 1e-14);
        assertEquals(f.xValue(0, 0) / 2, f.xValue(0.35, 0), 1e-12);
    }

    @Test
    void sumAddsComponents() {
        Profile a = Sersic.exponential(0.6, 1);
        Profile b = Sersic.deVaucouleurs(0.2, 0.5);
        Profile s = Sum.of(a, b);
        assertEquals(a.kValue(3, 1).re + b.kValue(3, 1).re, s.kValue(3, 1).re, 1e-15);
        assertEquals(a.xValue(0.1, 0.2) + b.xValue(0.1, 0.2), s.xValue(0.1, 0.2), 1e-12);
        assertEquals(Math.min(a.stepK(), b.stepK()), s.stepK());
        assertEquals(Math.max(a.maxK(), b.maxK()), s.maxK());
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Gaussian(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Sersic.ofHalfLightRadius(7, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Sersic.ofHalfLightRadius(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Kolmogorov.ofFwhm(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Moffat.ofFwhm(1, 0.7, 1));
        assertThrows(IllegalArgumentException.class, () -> new Gaussian(1, 1).shear(0.8, 0.8));
    }
}
