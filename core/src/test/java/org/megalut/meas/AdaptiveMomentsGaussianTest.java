package org.megalut.meas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.megalut.testing.TestImages.gaussian;

import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

/** Analytic cases: a well-sampled elliptical Gaussian has adaptive moments M = C and flux 2A = F. */
class AdaptiveMomentsGaussianTest {

    private static final AdaptiveMomentsFitter FITTER = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS);

    @Test
    void ellipticalGaussianHasExactMoments() {
        double cxx = 9.0;
        double cxy = 2.0;
        double cyy = 6.0;
        AdaptiveMoments m = FITTER.measure(gaussian(48, 100.0, 24.3, 23.1, cxx, cxy, cyy));
        assertTrue(m.ok(), m.errorMessage());
        assertEquals(100.0, m.amplitude(), 1e-6);
        assertEquals(24.3, m.centroidX(), 1e-7);
        assertEquals(23.1, m.centroidY(), 1e-7);
        assertEquals(cxx, m.mxx(), 1e-5);
        assertEquals(cxy, m.mxy(), 1e-5);
        assertEquals(cyy, m.myy(), 1e-5);
        assertEquals(2.0, m.rho4(), 1e-5);
        assertEquals(Math.pow(cxx * cyy - cxy * cxy, 0.25), m.sigma(), 1e-6);
        double e1 = (cxx - cyy) / (cxx + cyy);
        double e2 = 2 * cxy / (cxx + cyy);
        assertEquals(e1, m.e1(), 1e-6);
        assertEquals(e2, m.e2(), 1e-6);
        // Reduced-shear form: g = e / (1 + sqrt(1 − e²)); for an ellipse of axis ratio q, |g| = (1−q)/(1+q).
        double e = Math.hypot(e1, e2);
        double q = Math.sqrt((1 - e) / (1 + e));
        assertEquals((1 - q) / (1 + q), Math.hypot(m.g1(), m.g2()), 1e-6);
    }

    @Test
    void rotationBy90DegreesFlipsShape() {
        AdaptiveMoments a = FITTER.measure(gaussian(48, 10.0, 23.5, 23.5, 8.0, 1.5, 4.0));
        AdaptiveMoments b = FITTER.measure(gaussian(48, 10.0, 23.5, 23.5, 4.0, -1.5, 8.0));
        assertEquals(a.g1(), -b.g1(), 1e-9);
        assertEquals(a.g2(), -b.g2(), 1e-9);
        assertEquals(a.sigma(), b.sigma(), 1e-9);
    }

    @Test
    void zeroBorderIsCroppedAway() {
        // HSM measures the bounding box of the non-zero pixels; zeros around it change nothing.
        Image inner = gaussian(30, 10.0, 14.2, 15.1, 5.0, 1.0, 3.0);
        Image padded = new Image(-9, -7, 48, 48);
        padded.paste(inner);
        AdaptiveMoments a = FITTER.measure(inner, 14.5, 14.5);
        AdaptiveMoments b = FITTER.measure(padded, 14.5, 14.5);
        assertTrue(a.ok() && b.ok());
        assertEquals(a.iterations(), b.iterations());
        assertEquals(a.centroidX(), b.centroidX(), 1e-12);
        assertEquals(a.mxy(), b.mxy(), 1e-12);
    }

    @Test
    void blankImageFails() {
        AdaptiveMoments m = FITTER.measure(Image.zeros(48, 48));
        assertFalse(m.ok());
        assertEquals("Masked image is all 0's.", m.errorMessage());
    }

    @Test
    void pointSourceCollapses() {
        Image img = Image.zeros(48, 48);
        img.set(24, 24, 1.0);
        AdaptiveMoments m = FITTER.measure(img);
        assertFalse(m.ok());
        assertTrue(m.errorMessage().contains("singular") || m.errorMessage().contains("positive"), m.errorMessage());
    }

    @Test
    void iterationLimitIsAFailure() {
        AdaptiveMomentsFitter tight = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS.withMaxIterations(3));
        AdaptiveMoments m = tight.measure(gaussian(48, 10.0, 23.5, 23.5, 2.0, 0.3, 3.0));
        assertFalse(m.ok());
        assertTrue(m.errorMessage().contains("too many iterations"), m.errorMessage());
    }
}
