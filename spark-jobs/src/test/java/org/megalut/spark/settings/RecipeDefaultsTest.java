package org.megalut.spark.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;
import org.megalut.config.StrictConfig;
import org.megalut.sim.great3.BranchRecipe;
import org.megalut.spark.settings.SimSettings;

/**
 * The GREAT3 recipe exists twice, as Java defaults ({@code BranchRecipe.great3Ground()}, used by the core
 * library and its tests) and as the shipped configuration ({@code megalut-defaults.conf}, used by the
 * commands): they must stay the same recipe, component by component.
 */
class RecipeDefaultsTest {

    @Test
    void shippedGreat3SimDefaultsAreTheJavaRecipe() throws Exception {
        SimSettings shipped = SimSettings.from(StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"));
        assertSameValue(BranchRecipe.great3Ground(), shipped.recipe(), "recipe");
    }

    /**
     * Records component by component, our other classes field by field, arrays by content, other values
     * with equals.
     */
    private static void assertSameValue(Object expected, Object actual, String path) throws Exception {
        if (expected != null && expected.getClass().isRecord()) {
            assertEquals(expected.getClass(), actual.getClass(), path);
            for (RecordComponent c : expected.getClass().getRecordComponents()) {
                assertSameValue(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual), path + "." + c.getName());
            }
        } else if (expected != null && expected.getClass().getName().startsWith("org.megalut.")) {
            // our own value classes: their fields
            assertEquals(expected.getClass(), actual.getClass(), path);
            for (Field f : expected.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    assertSameValue(f.get(expected), f.get(actual), path + "." + f.getName());
                }
            }
        } else if (expected instanceof double[] a) {
            assertArrayEquals(a, (double[]) actual, 0, path);
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
