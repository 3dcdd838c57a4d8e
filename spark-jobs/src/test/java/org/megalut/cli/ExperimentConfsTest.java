package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.megalut.great3.ObservationType;
import org.megalut.sim.great3.SelectionRule;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.spark.settings.CommitteeSettings;
import org.megalut.spark.settings.DatasetSettings;

/**
 * The recipe experiments of conf/experiments (docs/bias-experiments.md) stay valid: each parses over the defaults,
 * includes MegaLUT's CGC recipe (cgc-megalut.conf), and its network files exist and parse. Their network paths are relative to the
 * repository's root, where the experiments are run; the tests run in spark-jobs/, so the paths are re-rooted here.
 */
class ExperimentConfsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DIR = ROOT.resolve("conf/experiments");

    @Test
    void everyExperimentParsesAndItsNetworksLoad() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "experiment files: " + files);
        Config shipped = conf(ROOT.resolve("conf/cgc.conf"));
        for (Path f : files) {
            Config c = conf(f);
            assertEquals(15.0, c.getDouble("measure.retry-guess-sigma"), 0, f + " includes cgc.conf");
            // Each changes a named reference, MegaLUT's recipe (cgc-megalut.conf) or the shipped one (cgc.conf), whose
            // train-weight it keeps: a file whose reference drifted away from both fails here.
            DatasetSpec tw = DatasetSettings.spec(c, "train-weight");
            assertTrue(tw.equals(DatasetSpec.megalutDefault("train-weight", ObservationType.GROUND))
                    || tw.equals(DatasetSettings.spec(shipped, "train-weight")), f + ": train-weight " + tw);
            for (String section : List.of("learn", "learn-weights")) {
                Config rooted = reRooted(c, section);
                CommitteeSettings k = CommitteeSettings.from(rooted, section);
                assertEquals(2, k.configs().size(), f + " " + section);
                // The dataset the section trains on is defined (spec throws naming it otherwise).
                String dataset = rooted.getString(section + ".dataset");
                assertEquals(dataset, DatasetSettings.spec(c, dataset).name(), f + " " + section);
            }
        }
    }

    @Test
    void theSelectedExperimentCutsItsTrainingAndValidationSetsAndValidatesTheShippedCommitteesOnThem() {
        Config selected = conf(DIR.resolve("selected-validate-selected.conf"));
        for (String d : List.of("train-shear-sel", "train-weight-sel", "valid-overall-sel")) {
            assertEquals(new SelectionRule(17, 100, 0.333), DatasetSettings.spec(selected, d).selection(), d);
        }
        assertEquals("train-weight-sel", selected.getString("learn-weights.dataset"));
        assertEquals("valid-overall-sel", selected.getString("validate-weights.dataset"));
        Config reference = conf(DIR.resolve("validate-selected.conf"));
        Config shipped = conf(ROOT.resolve("conf/cgc.conf"));
        assertEquals(shipped.getString("learn-weights.dataset"), reference.getString("learn-weights.dataset"));
        assertEquals(shipped.getString("learn.dataset"), reference.getString("learn.dataset"));
        assertEquals("valid-overall-sel", reference.getString("validate-weights.dataset"));
    }

    private static Config conf(Path file) {
        ConfigOptions o = new ConfigOptions();
        o.conf = file.toFile();
        return o.config();
    }

    @Test
    void theValidatingExperimentsUseTheLargeValidationSet() {
        Config c = conf(DIR.resolve("tw-n1000-seed2.conf"));
        assertEquals("valid-overall-x4", c.getString("validate-weights.dataset"));
        assertEquals("train-weight-n1000", c.getString("learn-weights.dataset"));
        assertEquals(1000, DatasetSettings.spec(c, "train-weight-n1000").n());
        CommitteeSettings w = CommitteeSettings.from(reRooted(c, "learn-weights"), "learn-weights");
        assertEquals(2, w.configs().get(0).training().seed());
    }

    /** The section with its network and data paths under conf/ taken from the repository's root. */
    private static Config reRooted(Config c, String section) {
        String network = c.getString(section + ".network");
        List<Object> components = new ArrayList<>();
        for (Object v : c.getList(section + ".components").unwrapped()) {
            components.add(v instanceof String s ? fromRoot(s) : v);
        }
        return c.withValue(section + ".network", ConfigValueFactory.fromAnyRef(fromRoot(network)))
                .withValue(section + ".components", ConfigValueFactory.fromIterable(components));
    }

    private static String fromRoot(String path) {
        return path.startsWith("conf/") ? ROOT.resolve(path).toString() : path;
    }
}
