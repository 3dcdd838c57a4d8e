package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** Shear, rotation, dilation, flux and shift, and their composition. */
class TransformationTest {

    @Test
    void shearedGaussianHasTheExactCovariance() {
        double sigma = 0.4;
        double g1 = 0.2;
        double g2 = -0.1;
        Profile p = new Gaussian(sigma, 1).shear(g1, g2);
        // covariance C = σ² S Sᵀ; F(k) = exp(−½ kᵀCk)
        Jacobian s = Jacobian.shear(g1, g2);
        double cxx = sigma * sigma * (s.a() * s.a() + s.b() * s.b());
        double cxy = sigma * sigma * (s.a() * s.c() + s.b() * s.d());
        double cyy = sigma * sigma * (s.c() * s.c() + s.d() * s.d());
        for (double[] k : new double[][] {{1, 0}, {0, 1}, {2, -3}, {-1.5, 0.7}}) {
            double expect = Math.exp(-0.5 * (cxx * k[0] * k[0] + 2 * cxy * k[0] * k[1] + cyy * k[1] * k[1]));
            assertEquals(expect, p.kValue(k[0], k[1]).re, 1e-15);
        }
        // the real-space value agrees: I(x) = exp(−½ xᵀC⁻¹x)/(2π√det C)
        double det = cxx * cyy - cxy * cxy;
        double x = 0.3;
        double y = -0.2;
        double q = (cyy * x * x - 2 * cxy * x * y + cxx * y * y) / det;
        assertEquals(Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det)), p.xValue(x, y), 1e-12);
        // axis ratio of a shear: (1 − |g|)/(1 + |g|) for the eigenvalues of C
        double tr = cxx + cyy;
        double disc = Math.sqrt(tr * tr / 4 - det);
        double ratio = Math.sqrt((tr / 2 - disc) / (tr / 2 + disc));
        double g = Math.hypot(g1, g2);
        assertEquals((1 - g) / (1 + g), ratio, 1e-12);
    }

    @Test
    void chainsCollapseIntoOneTransformation() {
        Profile base = Sersic.exponential(0.5, 1);
        Profile t = base.shear(0.1, 0.05).shear(0.02, -0.03).rotate(0.3).dilate(1.5).withFlux(3).shift(0.1, -0.2);
        Transformation tr = assertInstanceOf(Transformation.class, t);
        assertEquals(base, tr.original());
        Jacobian expect = Jacobian.scaling(1.5).times(Jacobian.rotation(0.3))
                .times(Jacobian.shear(0.02, -0.03)).times(Jacobian.shear(0.1, 0.05));
        assertEquals(expect.a(), tr.jacobian().a(), 1e-15);
        assertEquals(expect.b(), tr.jacobian().b(), 1e-15);
        assertEquals(expect.c(), tr.jacobian().c(), 1e-15);
        assertEquals(expect.d(), tr.jacobian().d(), 1e-15);
        assertEquals(3, t.flux(), 1e-12);
        // a later shift is not transformed by earlier maps; an earlier one is
        Profile u = base.shift(0.1, 0).dilate(2);
        assertEquals(0.2, ((Transformation) u).shiftX(), 1e-15);
    }

    @Test
    void kSpaceRuleAndSizes() {
        Profile base = new Gaussian(0.3, 2);
        Profile t = base.shear(0.3, 0.1).rotate(1.1).dilate(0.7).shift(0.25, -0.4);
        Transformation tr = (Transformation) t;
        Jacobian j = tr.jacobian();
        double kx = 2.3;
        double ky = -1.1;
        double amp = tr.fluxRatio() * Math.abs(j.det()) * base.kValue(j.a() * kx + j.c() * ky, j.b() * kx + j.d() * ky).re;
        double ph = -(kx * 0.25 - ky * 0.4);
        FourierValue v = t.kValue(kx, ky);
        assertEquals(amp * Math.cos(ph), v.re, 1e-14);
        assertEquals(amp * Math.sin(ph), v.im, 1e-14);
        assertEquals(base.maxK() / j.minorScale(), t.maxK(), 1e-12);
        double sk = base.stepK() / j.majorScale();
        assertEquals(Math.PI / (Math.PI / sk + Math.hypot(0.25, 0.4)), t.stepK(), 1e-12);
        // dilation keeps the flux, the shear keeps the area
        assertEquals(2, t.flux(), 1e-12);
        assertEquals(1, Jacobian.shear(0.3, 0.1).det(), 1e-14);
    }

    @Test
    void convolutionSizeRules() {
        Profile a = new Gaussian(0.3, 1);
        Profile b = Kolmogorov.ofFwhm(0.7, 1);
        Convolution c = Convolution.of(a, b);
        assertEquals(1 / Math.sqrt(1 / Math.pow(a.stepK(), 2) + 1 / Math.pow(b.stepK(), 2)), c.stepK(), 1e-14);
        assertEquals(Math.min(a.maxK(), b.maxK()), c.maxK());
        assertEquals(a.kValue(3, 4).re * b.kValue(3, 4).re, c.kValue(3, 4).re, 1e-16);
        Convolution nested = Convolution.of(Convolution.of(a, b), new Gaussian(0.1, 1));
        Convolution flat = Convolution.of(a, b, new Gaussian(0.1, 1));
        assertEquals(flat.stepK(), nested.stepK(), 1e-14);
    }
}
