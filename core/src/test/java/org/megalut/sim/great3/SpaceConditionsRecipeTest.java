package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.render.Convolution;
import org.megalut.render.DrawMethod;
import org.megalut.render.OpticalPSF;
import org.megalut.render.Profile;
import org.megalut.render.StampDrawer;

/** GREAT3's space conditions: the distributions of its constant-PSF and noise builders, and the PSF built from them. */
class SpaceConditionsRecipeTest {
    private static final SpaceConditionsRecipe RECIPE = SpaceConditionsRecipe.great3();
    private static final int N = 4000;

    @Test
    void drawsFollowTheSpaceRecipe() {
        int[] struts = new int[7];
        double sumSqAberration = 0;
        double meanJitterE = 0;
        for (int s = 0; s < N; s++) {
            SubfieldConditions c = RECIPE.draw(5000 + s, s % 200);
            assertEquals(0, c.fwhm(), 0, "no atmosphere");
            assertTrue(c.lamOverDiam() >= 0.12 && c.lamOverDiam() <= 0.17, "lambda/D " + c.lamOverDiam());
            assertTrue(c.obscuration() >= 0.1 && c.obscuration() <= 0.5);
            struts[c.nstruts()]++;
            assertTrue(c.nstruts() > 0 || c.strutAngle() == 0, "no angle drawn without struts");
            assertTrue(c.strutAngle() >= 0 && c.strutAngle() < 2 * Math.PI);
            assertEquals(Math.sqrt(2) * 0.005, c.jitterSigma(), 1e-15);
            assertTrue(c.jitterE() >= 0 && c.jitterE() <= 0.3 && c.jitterBeta() >= 0 && c.jitterBeta() < Math.PI);
            assertTrue(c.chargeSigma() >= 0.005 && c.chargeSigma() <= 0.01, "charge " + c.chargeSigma());
            assertTrue(c.chargeE1() >= 0 && c.chargeE1() <= 0.2);
            if (s % 200 < 200 - 5) {
                assertTrue(c.noiseVariance() >= 1.35e-3 && c.noiseVariance() <= 1.40e-3, "variance " + c.noiseVariance());
            }
            for (double a : c.aberrations()) {
                sumSqAberration += a * a;
            }
            meanJitterE += c.jitterE() / N;
        }
        // Total rms 0.08 waves over the 8 aberrations, so 0.08/sqrt(8) each.
        assertEquals(0.08 / Math.sqrt(8), Math.sqrt(sumSqAberration / (8.0 * N)), 0.001);
        assertEquals(0.15, meanJitterE, 0.005);
        // Numbers of struts uniform over {0, 2, 3, 4, 6}: 800 each, binomial sd 25.
        for (int n : new int[] {0, 2, 3, 4, 6}) {
            assertEquals(N / 5.0, struts[n], 5 * 25.3, "struts " + n);
        }
        assertEquals(0, struts[1] + struts[5]);
        assertEquals(RECIPE.draw(3, 17), RECIPE.draw(3, 17));
        SubfieldConditions deep = RECIPE.draw(3, 201);
        assertTrue(deep.noiseVariance() >= 1.35e-3 * 0.0625 && deep.noiseVariance() <= 1.40e-3 * 0.0625);
    }

    @Test
    void psfIsJitterChargeAndOpticsWithStruts() {
        SubfieldConditions c = SubfieldConditions.space(0, 0, 0, 0.14, 0.3, 4, 0.5, new double[8], 0.0071, 0.2, 0.4,
                0.0075, 0.1, 1.4e-3);
        Profile psf = SubfieldSimulator.psf(c);
        Convolution conv = assertInstanceOf(Convolution.class, psf);
        assertEquals(3, conv.items().size());
        assertInstanceOf(OpticalPSF.class, conv.items().get(2));
        assertEquals(1.0, psf.flux(), 1e-12);
        // Jitter and charge diffusion widen the optical PSF a little, and their distortions elongate it along
        // +x (charge, e1 = 0.1) and at 0.4 rad (jitter): the measured e1 is positive.
        SubfieldConditions opticsOnly = SubfieldConditions.space(0, 0, 0, 0.14, 0.3, 0, 0, new double[8], 0, 0, 0, 0, 0,
                1.4e-3);
        assertInstanceOf(OpticalPSF.class, SubfieldSimulator.psf(opticsOnly));
        AdaptiveMoments full = moments(psf);
        AdaptiveMoments optics = moments(SubfieldSimulator.psf(opticsOnly));
        assertTrue(full.sigma() > optics.sigma(), full.sigma() + " vs " + optics.sigma());
        assertTrue(full.e1() > 0.002, "e1 " + full.e1());
        assertEquals(0, optics.e1(), 1e-3);
    }

    private static AdaptiveMoments moments(Profile psf) {
        Image stamp = Image.zeros(96, 96);
        new StampDrawer().draw(psf, stamp, 0.05, 0, 0, DrawMethod.AUTO);
        AdaptiveMoments m = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS.withGuessSigma(2)).measure(stamp);
        assertTrue(m.ok(), m.toString());
        return m;
    }
}
