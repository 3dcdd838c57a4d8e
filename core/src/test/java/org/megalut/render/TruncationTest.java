package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

/** Truncated Sérsic and Moffat profiles (GalSim's {@code trunc}) against closed forms and invariants. */
class TruncationTest {

    /** 2π ∫₀^rMax I(r) r dr by the midpoint rule along the x axis (I is circular). */
    private static double enclosedFlux(Profile p, double rMax, int steps) {
        double dr = rMax / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            double r = (i + 0.5) * dr;
            sum += 2 * Math.PI * r * p.xValue(r, 0) * dr;
        }
        return sum;
    }

    private static double maxKDiff(Profile a, Profile b, double kmax) {
        double worst = 0;
        for (double k = 1e-3; k < kmax; k *= 1.01) {
            worst = Math.max(worst, Math.abs(a.kValue(0.6 * k, 0.8 * k).re - b.kValue(0.6 * k, 0.8 * k).re));
        }
        return worst;
    }

    @Test
    void truncatedSersicHasItsFluxAndHalfLightRadiusInsideTrunc() {
        for (double n : new double[] {0.5, 1, 2.5, 4}) {
            double hlr = 0.5;
            double trunc = 1.5;
            Sersic s = Sersic.ofHalfLightRadius(n, hlr, 2, trunc, false);
            assertEquals(trunc, s.trunc(), 1e-12 * trunc, "n = " + n);
            assertEquals(hlr, s.halfLightRadius(), 0);
            assertEquals(0, s.xValue(1.0001 * trunc, 0));
            assertTrue(s.xValue(0.9999 * trunc, 0) > 0);
            // midpoint rule: the cusp at r = 0 of large n limits the accuracy
            double tol = n <= 1 ? 1e-6 : 2e-3;
            assertEquals(2, enclosedFlux(s, trunc, 400_000), 2 * tol, "flux, n = " + n);
            assertEquals(1, enclosedFlux(s, hlr, 400_000), 2 * tol, "half light, n = " + n);
            // the transform at k = 0 is the flux, and the first table node agrees with the series
            assertEquals(2, s.kValue(0, 0).re, 1e-14);
            // stepK from the truncation radius when it is inside GalSim's folding radius (floor 5 r0)
            double r0 = s.scaleRadius();
            double fold = Math.min(SersicKTable.solveFoldRadius(n, Double.NaN), trunc / r0);
            assertEquals(Math.PI / (Math.max(fold, 5) * r0), s.stepK(), 1e-12 * s.stepK(), "n = " + n);
        }
    }

    @Test
    void truncatedTransformIsTheFiniteHankelTransform() {
        // n = 0.5 and n = 1: exp(−r²), exp(−r) are smooth in r, so plain Gauss–Legendre panels on
        // [0, R_t] (HankelTransform.finite) give an independent reference
        for (double n : new double[] {0.5, 1}) {
            Sersic s = Sersic.ofScaleRadius(n, 1, 1, 3.0, false);
            double z = Math.pow(3.0, 1 / n);
            double norm = n * Gamma.regularizedGammaP(2 * n, z) * Math.exp(Gamma.logGamma(2 * n));
            double invN = 1 / n;
            double worst = 0;
            for (double k = 0.05; k < 300; k *= 1.07) {
                double ref = HankelTransform.finite(r -> Math.exp(-Math.pow(r, invN)), k, 3.0, 1) / norm;
                worst = Math.max(worst, Math.abs(s.kValue(k, 0).re - ref));
            }
            System.out.printf("truncated Sersic n=%.1f vs finite Hankel transform: max |dF| = %.2e%n", n, worst);
            // (the edge's oscillation, period 2π/R_t in k, is subtracted exactly: sampled on the table's
            // ln k grid it would cost up to 5e-4 here)
            assertTrue(worst < 2e-6, "n = " + n + ": " + worst);
        }
    }

    @Test
    void hugeTruncationIsTheUntruncatedProfile() {
        for (double n : new double[] {0.5, 1.5, 4}) {
            Sersic u = Sersic.ofHalfLightRadius(n, 0.4, 1);
            Sersic t = Sersic.ofHalfLightRadius(n, 0.4, 1, 400, false);
            assertEquals(u.scaleRadius(), t.scaleRadius(), 1e-9 * u.scaleRadius());
            assertEquals(u.stepK(), t.stepK(), 1e-9 * u.stepK());
            assertTrue(maxKDiff(u, t, 500) < 1e-8, "n = " + n);
        }
        Moffat mu = Moffat.ofFwhm(3, 0.7, 1);
        Moffat mt = Moffat.ofFwhm(3, 0.7, 1, 300);
        // the truncated table stops, as GalSim's, once 5 nodes in a row are below kvalue_accuracy
        assertTrue(maxKDiff(mu, mt, 100) < GSParams.DEFAULT.kvalueAccuracy(), "Moffat: " + maxKDiff(mu, mt, 100));
        // (the truncated normalisation differs by the flux beyond 300", (1 + (300/r_d)²)^{−2} = 3e-11)
        assertEquals(mu.xValue(0.3, 0.1), mt.xValue(0.3, 0.1), 1e-10 * mu.xValue(0.3, 0.1));
    }

    @Test
    void fluxUntruncatedKeepsTheUntruncatedProfileInside() {
        double n = 2;
        Sersic u = Sersic.ofHalfLightRadius(n, 0.5, 3);
        Sersic t = Sersic.ofHalfLightRadius(n, 0.5, 3, 1.2, true);
        assertEquals(u.scaleRadius(), t.scaleRadius(), 1e-12);
        double z = Math.pow(1.2 / u.scaleRadius(), 1 / n);
        assertEquals(3 * Gamma.regularizedGammaP(2 * n, z), t.flux(), 1e-12);
        assertTrue(t.halfLightRadius() < 0.5);
        assertEquals(u.xValue(0.3, 0.4), t.xValue(0.3, 0.4), 1e-12 * u.xValue(0.3, 0.4));
        assertEquals(0, t.xValue(1.0, 0.8));
        // given a scale radius, flux refers to the truncated profile unless flux_untruncated
        Sersic r = Sersic.ofScaleRadius(n, u.scaleRadius(), 3, 1.2, false);
        assertEquals(3, r.flux(), 0);
        assertEquals(t.halfLightRadius(), r.halfLightRadius(), 1e-12);
    }

    @Test
    void truncatedMoffatClosedForms() {
        // β = 2: flux inside R is 1 − 1/(1 + R²/r_d²), so the normalised centre value is
        // flux (β − 1)/(π r_d² f_t) with f_t = R²/(r_d² + R²)
        double rd = 0.4;
        double trunc = 1.0;
        Moffat m = Moffat.ofScaleRadius(2, rd, 5, trunc);
        double ft = trunc * trunc / (rd * rd + trunc * trunc);
        assertEquals(5 / (Math.PI * rd * rd * ft), m.xValue(0, 0), 1e-12 * m.xValue(0, 0));
        assertEquals(0, m.xValue(trunc * 1.0001, 0));
        assertEquals(5, enclosedFlux(m, trunc, 200_000), 1e-8);
        // the Hankel transform at k = 0 is the flux: 2(β−1)/f_t ∫₀^{R} (1 + r²)^{−β} r dr = 1
        assertEquals(5, m.kValue(0, 0).re, 1e-12);
        // between the table nodes the spline agrees with a direct finite Hankel transform
        double worst = 0;
        for (double q = 0.013; q < 12; q += 0.0517) {
            double ref = 2 / ft * HankelTransform.finite(r -> Math.pow(1 + r * r, -2), q, trunc / rd, 1);
            worst = Math.max(worst, Math.abs(m.kValue(q / rd, 0).re / 5 - ref));
        }
        assertTrue(worst < 1e-7, "truncated Moffat spline error " + worst);
        // GalSim's sizes: R = min(ft^{0.5/(1−β)} r_d, trunc) floored at 5 hlr of the truncated profile
        double hlr = rd * Math.sqrt(Math.pow(1 - 0.5 * ft, -1) - 1);
        double r = Math.max(Math.min(Math.pow(5e-3, -0.5) * rd, trunc), 5 * hlr);
        assertEquals(Math.PI / r, m.stepK(), 1e-12);
        // half-light radius of the truncated profile
        Moffat h = Moffat.ofHalfLightRadius(3, 0.5, 1, 1.5);
        assertEquals(0.5, enclosedFlux(h, 0.5, 200_000), 1e-8);
        assertEquals(1, enclosedFlux(h, 1.5, 200_000), 1e-8);
        // β ≤ 1.1 is allowed when truncated (the flux is finite)
        Moffat shallow = Moffat.ofScaleRadius(1.05, 0.3, 1, 2);
        assertEquals(1, shallow.kValue(0, 0).re, 1e-12);
        assertEquals(Math.PI / 2, shallow.stepK(), 1e-15);
    }

    @Test
    void drawnTruncatedProfilesConserveFlux() {
        StampDrawer drawer = new StampDrawer();
        Profile[] profiles = {Sersic.ofHalfLightRadius(1.5, 0.4, 7, 1.5, false).shear(0.2, -0.1),
            Moffat.ofFwhm(2.5, 0.6, 7, 1.6)};
        for (Profile p : profiles) {
            Image img = drawer.draw(p, Image.zeros(48, 48), 0.2, 0.3, -0.2, DrawMethod.AUTO);
            // all the flux lies within 1.6" = 8 px of the centre; what leaves the stamp is the ringing
            // of the k-space cut at maxK (maxk_threshold = 1e-3 of the flux)
            assertEquals(7, img.sum(), 7e-3, p.toString());
        }
    }

    @Test
    void invalidTruncationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Sersic.ofHalfLightRadius(1, 1, 1, 1.4, false));
        assertThrows(IllegalArgumentException.class, () -> Sersic.ofHalfLightRadius(1, 1, 1, -1, false));
        assertThrows(IllegalArgumentException.class, () -> Moffat.ofHalfLightRadius(3, 1, 1, 1.4));
        assertThrows(IllegalArgumentException.class, () -> Moffat.ofScaleRadius(1.05, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Moffat.ofScaleRadius(3, 1, 1, Double.NaN));
    }
}
