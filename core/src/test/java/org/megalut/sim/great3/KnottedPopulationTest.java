package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.random.RandomStreams;
import org.megalut.render.DrawMethod;
import org.megalut.render.Gaussian;
import org.megalut.render.Profile;
import org.megalut.render.StampDrawer;

/** The knotted population: knot draws, flux bookkeeping, knots turning with the galaxy, the branch generator. */
class KnottedPopulationTest {
    private static final KnotParams KNOTS = new KnotParams(40, 0.3, 123456789L);
    private static final GalaxyParams BULGE_DISK = new GalaxyParams(50, 0.3, 4, 0.15, 0.8, 0.2, 0.3, 0.5, 0.7, KNOTS);
    private static final GalaxyParams SERSIC = new GalaxyParams(50, 1.0, 1.7, 0.3, 0.6, 1.1, 0, 1, 0, KNOTS);

    @Test
    void knotDrawsStayInTheirRangesAndAreDeterministic() {
        KnotRecipe r = KnotRecipe.starForming();
        UniformRandomProvider rng = RandomStreams.stream(3, RandomStreams.label("draws"));
        int minSeen = Integer.MAX_VALUE;
        int maxSeen = 0;
        double maxFraction = 0;
        for (int i = 0; i < 5000; i++) {
            KnotParams k = r.draw(rng);
            minSeen = Math.min(minSeen, k.count());
            maxSeen = Math.max(maxSeen, k.count());
            maxFraction = Math.max(maxFraction, k.fraction());
            assertTrue(k.fraction() >= 0 && k.fraction() < 0.5, "fraction " + k.fraction());
            assertTrue(k.seed() >= 0 && k.seed() < KnotParams.SEED_BOUND, "seed " + k.seed());
        }
        assertEquals(10, minSeen);
        assertEquals(100, maxSeen);
        assertTrue(maxFraction > 0.49);
        assertEquals(r.draw(RandomStreams.stream(9)), r.draw(RandomStreams.stream(9)));
        assertEquals(KnotParams.NONE, KnotRecipe.NONE.draw(RandomStreams.stream(9)));
        assertThrows(IllegalArgumentException.class, () -> new KnotParams(3, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new KnotParams(0, 0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> new KnotParams(3, 0.2, KnotParams.SEED_BOUND));
        assertThrows(IllegalArgumentException.class, () -> new KnotRecipe(5, 4, 0, 0.1));
    }

    @Test
    void knotsTakeTheirFractionOfTheDiskAndTheTotalFluxIsKept() {
        for (GalaxyParams p : List.of(BULGE_DISK, SERSIC)) {
            Profile g = SubfieldSimulator.galaxy(p);
            assertEquals(p.flux(), g.flux(), 1e-12 * p.flux());
            Image img = new StampDrawer().draw(g, new Gaussian(0.3, 1), Image.zeros(96, 96), 0.2, 0, 0, DrawMethod.AUTO);
            double sum = 0;
            for (double v : img.pixels()) {
                sum += v;
            }
            // a 19" stamp holds all but the far wings of the smooth profiles
            assertEquals(p.flux(), sum, 2e-3 * p.flux());
        }
        // the knots are a point-like excess: the knotted stamp differs from the smooth one
        Image smooth = new StampDrawer().draw(SubfieldSimulator.galaxy(BULGE_DISK.withKnots(KnotParams.NONE)),
                new Gaussian(0.3, 1), Image.zeros(48, 48), 0.2, 0, 0, DrawMethod.AUTO);
        Image knotted = new StampDrawer().draw(SubfieldSimulator.galaxy(BULGE_DISK), new Gaussian(0.3, 1),
                Image.zeros(48, 48), 0.2, 0, 0, DrawMethod.AUTO);
        assertNotEquals(0, maxDiff(smooth, knotted));
    }

    @Test
    void theNinetyDegreeTwinIsTheSameKnottedGalaxyTurned() {
        // a circular PSF and an even stamp: turning by 90° about the true centre permutes the pixels
        for (GalaxyParams p : List.of(BULGE_DISK, SERSIC)) {
            StampDrawer d = new StampDrawer();
            Image a = d.draw(SubfieldSimulator.galaxy(p), new Gaussian(0.3, 1), Image.zeros(48, 48), 0.2, 0, 0,
                    DrawMethod.AUTO);
            Image b = d.draw(SubfieldSimulator.galaxy(p.rotated(0.5 * Math.PI)), new Gaussian(0.3, 1),
                    Image.zeros(48, 48), 0.2, 0, 0, DrawMethod.AUTO);
            double peak = 0;
            double worst = 0;
            for (int r = 0; r < 48; r++) {
                for (int c = 0; c < 48; c++) {
                    // (x, y) → (−y, x) about (23.5, 23.5): pixel (c, r) goes to (47 − r, c)
                    worst = Math.max(worst, Math.abs(b.get(47 - r, c) - a.get(c, r)));
                    peak = Math.max(peak, a.get(c, r));
                }
            }
            assertTrue(worst < 1e-9 * peak, "rotated twin differs by " + worst + " of peak " + peak);
        }
    }

    @Test
    void theBranchGeneratorGivesKnotsToEveryGalaxyDeterministically() {
        BranchRecipe recipe = BranchRecipe.great3Ground().withGeometry(new BranchGeometry(4, 48, 0.2, 3));
        BranchRecipe knotted = recipe.withPopulation(recipe.population().withKnots(KnotRecipe.starForming()));
        List<PlacedGalaxy> gals = new SubfieldSimulator(knotted, 11, 3).galaxies();
        assertEquals(16, gals.size());
        for (PlacedGalaxy g : gals) {
            KnotParams k = g.params().knots();
            assertTrue(k.count() >= 10 && k.count() <= 100, "count " + k.count());
            assertTrue(g.snr() >= 17 && g.snr() <= 100, "S/N " + g.snr());
            assertTrue(g.resolution() >= 1.0 / 3, "resolution " + g.resolution());
        }
        // twins share their knots
        for (PlacedGalaxy g : gals) {
            for (PlacedGalaxy h : gals) {
                if (g.draw() == h.draw()) {
                    assertEquals(g.params().knots(), h.params().knots());
                }
            }
        }
        assertEquals(gals, new SubfieldSimulator(knotted, 11, 3).galaxies());
        // the Sérsic population of the same seed has no knots
        for (PlacedGalaxy g : new SubfieldSimulator(recipe, 11, 3).galaxies()) {
            assertEquals(KnotParams.NONE, g.params().knots());
        }
    }

    private static double maxDiff(Image a, Image b) {
        double m = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            m = Math.max(m, Math.abs(a.pixels()[i] - b.pixels()[i]));
        }
        return m;
    }
}
