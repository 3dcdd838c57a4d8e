package org.megalut.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
