package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.megalut.config.StrictConfig;
import org.megalut.sim.great3.KnotRecipe;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.settings.SimSettings;

/** {@code great3-sim --population}: the configured population, or the same with knots. */
class Great3SimCommandTest {

    @Test
    void knotsAddTheStarFormingRecipeAndSersicKeepsTheSettings() throws Exception {
        SimSettings sim = SimSettings.from(StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"));
        assertSame(sim, Great3SimCommand.withPopulation(sim, "sersic"));
        assertEquals(KnotRecipe.NONE, sim.recipe().population().knots());
        SimSettings knotted = Great3SimCommand.withPopulation(sim, "knots");
        assertEquals(KnotRecipe.starForming(), knotted.recipe().population().knots());
        // only the knots change
        assertEquals(sim.recipe().withPopulation(sim.recipe().population().withKnots(KnotRecipe.starForming())),
                knotted.recipe());
        assertEquals(sim.seed(), knotted.seed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Great3SimCommand.withPopulation(sim, "spiral"));
        assertTrue(e.getMessage().contains("spiral") && e.getMessage().contains("knots"), e.getMessage());
    }
}
