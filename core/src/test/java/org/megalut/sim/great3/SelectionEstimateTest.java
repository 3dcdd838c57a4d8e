package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.random.RandomStreams;
import org.megalut.render.DrawMethod;
import org.megalut.render.StampDrawer;

/**
 * The continuum estimates of {@link CandidateEstimator} agree with S/N and HSM resolution measured on
 * the drawn stamp to within half the {@link SelectionRule} margins, for population draws under the best
 * and the worst seeing of a branch: the margin that makes the screened selection exact.
 */
class SelectionEstimateTest {

    @Test
    void estimatesAgreeWithStampMeasurements() {
        BranchRecipe recipe = BranchRecipe.great3Ground();
        int best = 0;
        int worst = 0;
        for (int sf = 0; sf < 200; sf++) {
            double fwhm = recipe.conditions().draw(7, sf).fwhm();
            best = fwhm < recipe.conditions().draw(7, best).fwhm() ? sf : best;
            worst = fwhm > recipe.conditions().draw(7, worst).fwhm() ? sf : worst;
        }
        StampDrawer drawer = new StampDrawer();
        AdaptiveMomentsFitter fitter = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS);
        Image stamp = Image.zeros(48, 48);
        double maxSnr = 0;
        double maxRes = 0;
        for (int sf : new int[] {best, worst}) {
            SubfieldSimulator sim = new SubfieldSimulator(recipe, 7, sf);
            double sigma = Math.sqrt(sim.conditions().noiseVariance());
            CandidateEstimator est = new CandidateEstimator(sim.psf(), 0.2, sigma, 48);
            AdaptiveMoments pm = fitter.measure(drawer.draw(sim.psf(), Image.zeros(48, 48), 0.2, 0, 0, DrawMethod.AUTO));
            UniformRandomProvider rng = RandomStreams.stream(7, sf, RandomStreams.label("estimate-test"));
            for (int i = 0; i < 250; i++) {
                GalaxyParams p = recipe.population().draw(rng);
                CandidateEstimator.Estimate e = est.estimate(p, 0, Double.POSITIVE_INFINITY);
                drawer.draw(SubfieldSimulator.galaxy(p), sim.psf(), stamp, 0.2, 0, 0, DrawMethod.AUTO);
                double ss = 0;
                for (double v : stamp.pixels()) {
                    ss += v * v;
                }
                double snr = Math.sqrt(ss) / sigma;
                AdaptiveMoments m = fitter.measure(stamp);
                assertTrue(m.ok(), "HSM failed on a noiseless stamp: " + p);
                double res = 1 - (pm.mxx() + pm.myy()) / (m.mxx() + m.myy());
                assertTrue(!Double.isNaN(e.resolution()), "no estimate for " + p);
                maxSnr = Math.max(maxSnr, Math.abs(e.snr() / snr - 1));
                maxRes = Math.max(maxRes, Math.abs(e.resolution() - res));
            }
        }
        System.out.printf("continuum estimates vs stamps (500 candidates, best and worst seeing): max |dS/N|/S/N = %.2e,"
                + " max |dR| = %.2e%n", maxSnr, maxRes);
        assertTrue(maxSnr < 0.5 * SelectionRule.SNR_MARGIN, "S/N estimate off by " + maxSnr);
        assertTrue(maxRes < 0.5 * SelectionRule.RESOLUTION_MARGIN, "resolution estimate off by " + maxRes);
    }
}
