package org.megalut.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictConfigTest {

    private final Config defaults = ConfigFactory.parseString(
            "measure { guess-sigma = 5.0, retry = true }\nworkdir = work\nspark { settings = {} }");

    @Test
    void userValuesOverrideDefaults(@TempDir Path dir) throws Exception {
        File f = dir.resolve("a.conf").toFile();
        Files.writeString(f.toPath(), "measure.guess-sigma = 3\nspark.settings { \"spark.executor.memory\" = 4g }\n");
        Config c = StrictConfig.load(f, defaults);
        assertEquals(3.0, c.getDouble("measure.guess-sigma"));
        assertTrue(c.getBoolean("measure.retry"));
        assertEquals("4g", c.getConfig("spark.settings").getString("\"spark.executor.memory\""));
    }

    @Test
    void unknownKeyListsValidKeys(@TempDir Path dir) throws Exception {
        File f = dir.resolve("bad.conf").toFile();
        Files.writeString(f.toPath(), "measure.guess-sigmaa = 3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictConfig.load(f, defaults));
        assertTrue(e.getMessage().contains("measure.guess-sigmaa"), e.getMessage());
        assertTrue(e.getMessage().contains("bad.conf"), e.getMessage());
        assertTrue(e.getMessage().contains("valid keys are: measure.guess-sigma, measure.retry"), e.getMessage());
    }

    @Test
    void wrongTypeAndSyntaxErrorsNameTheFile(@TempDir Path dir) throws Exception {
        File f = dir.resolve("t.conf").toFile();
        Files.writeString(f.toPath(), "measure.guess-sigma = big\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictConfig.load(f, defaults));
        assertTrue(e.getMessage().contains("t.conf") && e.getMessage().contains("number"), e.getMessage());
        Files.writeString(f.toPath(), "measure { guess-sigma = \n");
        e = assertThrows(IllegalArgumentException.class, () -> StrictConfig.load(f, defaults));
        assertTrue(e.getMessage().contains("t.conf"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StrictConfig.load(dir.resolve("none.conf").toFile(), defaults));
    }

    @Test
    void aNamedSectionIsLeftToItsReaderAndListedAsOnePattern() {
        Config withSets = ConfigFactory.parseString("measure { guess-sigma = 5.0 }\nsets { a { n = 1 } }");
        Config user = ConfigFactory.parseString("sets { b { n = many, m = 2 } }\nsets.a.n = 3");
        // new names, their keys and their types are the section reader's to check
        Config c = StrictConfig.merge(user, withSets, "u.conf", Set.of("sets"));
        assertEquals("many", c.getString("sets.b.n"));
        assertEquals(3, c.getInt("sets.a.n"));
        // outside the section the keys are still checked, and the section's keys are listed as a pattern
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictConfig.merge(
                ConfigFactory.parseString("measure.guess-sigmaa = 3"), withSets, "u.conf", Set.of("sets")));
        assertEquals("unknown configuration key measure.guess-sigmaa in u.conf; valid keys are: measure.guess-sigma,"
                + " sets.<name>.*", e.getMessage());
        // without the section declared, a new name is an unknown key and a type is the default's
        e = assertThrows(IllegalArgumentException.class, () -> StrictConfig.merge(user, withSets, "u.conf"));
        assertTrue(e.getMessage().startsWith("unknown configuration keys sets.b.m, sets.b.n in u.conf"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StrictConfig.merge(
                ConfigFactory.parseString("sets.a.n = many"), withSets, "u.conf"));
        assertTrue(e.getMessage().contains("sets.a.n in u.conf must be number"), e.getMessage());
    }
}
