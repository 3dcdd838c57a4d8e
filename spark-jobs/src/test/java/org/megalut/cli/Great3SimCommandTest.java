package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.megalut.config.StrictConfig;
import org.megalut.great3.ShearType;
import org.megalut.sim.great3.ConstantLensing;
import org.megalut.sim.great3.KnotRecipe;
import org.megalut.sim.great3.VariableShearRecipe;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.settings.SimSettings;

/** {@code great3-sim.population} (and {@code --population}): the configured population, or the same with knots. */
class Great3SimCommandTest {

    @Test
    void knotsAddTheStarFormingRecipeAndSersicKeepsTheSettings() {
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        SimSettings sim = SimSettings.from(defaults);
        assertEquals(KnotRecipe.NONE, sim.recipe().population().knots());
        SimSettings knotted = SimSettings.from(population(defaults, "knots"));
        assertEquals(KnotRecipe.starForming(), knotted.recipe().population().knots());
        // only the knots change (the conditions' pieces have no value equality: compared by what they draw)
        assertEquals(sim.recipe().population().withKnots(KnotRecipe.starForming()), knotted.recipe().population());
        assertEquals(sim.recipe().geometry(), knotted.recipe().geometry());
        assertEquals(sim.recipe().conditions().draw(7, 3), knotted.recipe().conditions().draw(7, 3));
        assertEquals(sim.seed(), knotted.seed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimSettings.from(population(defaults, "spiral")));
        assertTrue(e.getMessage().contains("spiral") && e.getMessage().contains("knots"), e.getMessage());
    }

    @Test
    void branchShearTypeChoosesTheLensing() {
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        assertEquals(ConstantLensing.INSTANCE, SimSettings.from(defaults).recipe().lensing());
        Config variable = ConfigFactory.parseString("branch.shear-type = variable").withFallback(defaults);
        SimSettings sim = SimSettings.from(variable);
        assertEquals(VariableShearRecipe.great3(), sim.recipe().lensing());
        assertEquals(ShearType.VARIABLE, sim.recipe().lensing().shearType());
        Config custom = ConfigFactory.parseString("great3-sim.variable-shear { amplitude = 1.0, padding = 2 }")
                .withFallback(variable);
        assertEquals(new VariableShearRecipe(1.0, 2), SimSettings.from(custom).recipe().lensing());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimSettings.from(ConfigFactory.parseString("branch.grid = 120").withFallback(variable)));
        assertTrue(e.getMessage().contains("branch.grid") && e.getMessage().contains("120"), e.getMessage());
    }

    private static Config population(Config c, String name) {
        return ConfigFactory.parseString("great3-sim.population = " + name).withFallback(c);
    }
}
