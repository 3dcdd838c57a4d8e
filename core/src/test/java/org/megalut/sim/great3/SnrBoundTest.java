package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.random.RandomStreams;
import org.megalut.render.DrawMethod;
import org.megalut.render.StampDrawer;

/**
 * The point-source S/N bound that lets {@link SubfieldSimulator#galaxies()} skip hopeless candidates
 * never rejects a galaxy the full draw would keep.
 */
class SnrBoundTest {

    @Test
    void pointSourceBoundHoldsForPopulationDraws() {
        BranchRecipe recipe = BranchRecipe.great3Ground();
        StampDrawer drawer = new StampDrawer();
        Image stamp = Image.zeros(48, 48);
        double worst = 0;
        for (int sf = 0; sf < 3; sf++) {
            SubfieldSimulator sim = new SubfieldSimulator(recipe, 7, sf);
            double bound = sim.snrPerFluxBound();
            double sigma = Math.sqrt(sim.conditions().noiseVariance());
            UniformRandomProvider rng = RandomStreams.stream(7, sf, RandomStreams.label("bound-test"));
            for (int i = 0; i < 150; i++) {
                GalaxyParams p = recipe.population().draw(rng);
                drawer.draw(SubfieldSimulator.galaxy(p), sim.psf(), stamp, 0.2, 0, 0, DrawMethod.AUTO);
                double ss = 0;
                for (double v : stamp.pixels()) {
                    ss += v * v;
                }
                double ratio = Math.sqrt(ss) / sigma / (p.flux() * bound);
                worst = Math.max(worst, ratio);
            }
        }
        assertTrue(worst > 0.05, "the test should include bright compact galaxies, worst ratio " + worst);
        // compact galaxies come close to a point source (about 0.99 of the bound without its margin)
        assertTrue(worst < 1, "S/N exceeds the point-source bound by a factor " + worst);
    }

    /** The tight case: a point source at any sub-pixel offset. */
    @Test
    void pointSourceBoundHoldsAtAllOffsets() {
        BranchRecipe recipe = BranchRecipe.great3Ground();
        StampDrawer drawer = new StampDrawer();
        Image stamp = Image.zeros(48, 48);
        for (int sf = 0; sf < 3; sf++) {
            SubfieldSimulator sim = new SubfieldSimulator(recipe, 3, sf);
            double sigma = Math.sqrt(sim.conditions().noiseVariance());
            double bound = sim.snrPerFluxBound();
            UniformRandomProvider rng = RandomStreams.stream(3, sf, RandomStreams.label("offset-test"));
            for (int i = 0; i < 30; i++) {
                drawer.draw(sim.psf(), stamp, 0.2, 2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1, DrawMethod.AUTO);
                double ss = 0;
                for (double v : stamp.pixels()) {
                    ss += v * v;
                }
                double snr = Math.sqrt(ss) / sigma;
                assertTrue(snr <= bound, "point source S/N per flux " + snr + " above the bound " + bound);
                assertTrue(snr > 0.97 * bound, "bound loose: " + snr + " vs " + bound);
            }
        }
    }
}
