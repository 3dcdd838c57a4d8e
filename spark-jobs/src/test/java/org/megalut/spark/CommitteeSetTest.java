package org.megalut.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.config.StrictConfig;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CommitteeIo;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.DatasetSettings;
import org.megalut.spark.settings.Recipe;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.steps.LearnStep;
import org.megalut.spark.steps.MeasureObsStep;
import org.megalut.spark.steps.PredictForWeightsStep;
import org.megalut.spark.steps.PredictStep;
import org.megalut.spark.steps.SimulateStep;

/**
 * Committee sets keyed by their settings: two network configurations trained in one work directory give
 * two sets side by side, a rerun skips, prediction runs apply and record their own sets, and the layout
 * without keys is refused. Tiny datasets and two-member committees.
 */
class CommitteeSetTest {
    static final int GRID = 4;
    static final int SUBFIELD = 3;

    @TempDir
    Path tmp;

    /** A shipped network configuration with a short training and another hidden layer, as a file. */
    Path network(String file, String shipped, String hidden) throws Exception {
        String text;
        try (InputStream in = LearnStep.class.getResourceAsStream("/org/megalut/conf/ml/" + shipped)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path p = tmp.resolve(file);
        Files.writeString(p, text + "\nnetwork.hidden = " + hidden
                + "\ntraining { members = 2, mbloops = 2, maxiter = 10 }\nselection.bestn = 1\n");
        return p;
    }

    Config config(String shearNetwork) throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("branch.dir", tmp.resolve("branch").toUri().toString());
        m.put("workdir", tmp.resolve("work").toUri().toString());
        m.put("branch.grid", GRID);
        m.put("learn.network", shearNetwork);
        m.put("learn-weights.network", tmp.resolve("w33.conf").toString());
        m.put("datasets.train-shear.n", 40);
        m.put("datasets.train-shear.nrea", 2);
        m.put("datasets.train-weight.n", 10);
        m.put("datasets.train-weight.ncat", 6);
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        return StrictConfig.merge(ConfigFactory.parseMap(m), defaults, "test");
    }

    static Recipe recipe(String user) {
        return Recipe.from(StrictConfig.merge(ConfigFactory.parseString(user),
                StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"), "test"));
    }

    @Test
    void theKeyNamesTheDatasetAndConfigurationsAndHashesTheRest() throws Exception {
        CommitteeSet shear = CommitteeSet.shear(recipe(""));
        assertEquals("shear", shear.kind());
        assertTrue(shear.key().matches("train-shear/ada4g1\\+ada4g2_sum55mass-[0-9a-f]{8}"), shear.key());
        assertEquals("committees/shear/" + shear.key(), shear.path());
        assertEquals(shear.key(), CommitteeSet.shear(recipe("")).key(), "the same settings, the same key");
        // Whatever determines the committees changes the hash, names or not.
        for (String other : List.of("learn.max-failure-fraction = 0.2", "datasets.train-shear.n = 990",
                "simulate.seed = 1")) {
            CommitteeSet s = CommitteeSet.shear(recipe(other));
            assertNotEquals(shear.key(), s.key(), other);
            assertEquals(shear.key().substring(0, shear.key().length() - 8), s.key().substring(0, s.key().length() - 8));
        }
        // Settings that only divide the work do not.
        assertEquals(shear.key(), CommitteeSet.shear(recipe("simulate.stamps-per-task = 7")).key());
        // One network per component: every network named, in component order.
        Path net33 = network("sum33.conf", "sum55mass.conf", "[3, 3]");
        CommitteeSet mixed = CommitteeSet.shear(recipe("learn.components = [ \"ml/ada4g1.conf\","
                + " { data = \"ml/ada4g2.conf\", network = \"" + net33 + "\" } ]"));
        assertTrue(mixed.key().startsWith("train-shear/ada4g1+ada4g2_sum55mass+sum33-"), mixed.key());
        // The weight set is keyed on the shear set its training table comes from.
        CommitteeSet w = CommitteeSet.weight(recipe(""));
        assertTrue(w.key().matches("train-weight/ada4s1w\\+ada4s2w_sum33wmass-[0-9a-f]{8}"), w.key());
        CommitteeSet w2 = CommitteeSet.weight(recipe("learn.max-failure-fraction = 0.2"));
        assertNotEquals(w.key(), w2.key(), "another shear set, another weight set");
        assertTrue(w2.identity().entries().contains("committees.shear="
                + CommitteeSet.shear(recipe("learn.max-failure-fraction = 0.2")).key()));
    }

    @Test
    void twoNetworksSideBySideEachPredictionRunFromItsOwnSets() throws Exception {
        SparkSession spark = TestSpark.get();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        TestBranch.write(tmp.resolve("branch"), tmp.resolve("truth"), GRID, SUBFIELD);
        network("w33.conf", "sum33wmass.conf", "[3, 3]");
        Config ca = config(network("net55.conf", "sum55mass.conf", "[5, 5]").toString());
        Config cb = config(network("net33.conf", "sum55mass.conf", "[3, 3]").toString());
        RunSettings a = RunSettings.from(ca, new int[] {SUBFIELD}, null, false);
        RunSettings b = RunSettings.from(cb, new int[] {SUBFIELD}, null, false);
        assertTrue(MeasureObsStep.run(spark, a).ok());
        SimulateStep.run(spark, a, DatasetSettings.spec(ca, "train-shear"), 1);
        SimulateStep.run(spark, a, DatasetSettings.spec(ca, "train-weight"), 1);

        CommitteeSet shearA = CommitteeSet.shear(a.recipe());
        CommitteeSet shearB = CommitteeSet.shear(b.recipe());
        assertTrue(shearA.key().startsWith("train-shear/ada4g1+ada4g2_net55-"), shearA.key());
        assertTrue(shearB.key().startsWith("train-shear/ada4g1+ada4g2_net33-"), shearB.key());
        assertEquals(List.of(SUBFIELD), LearnStep.run(spark, a, LearnStep.Kind.SHEAR).done());
        Path fileA = tmp.resolve("work").resolve(shearA.path()).resolve("subfield=" + SUBFIELD + "/pre_s1.json");
        byte[] bytesA = Files.readAllBytes(fileA);
        assertEquals(List.of(SUBFIELD), LearnStep.run(spark, b, LearnStep.Kind.SHEAR).done());
        Path fileB = tmp.resolve("work").resolve(shearB.path()).resolve("subfield=" + SUBFIELD + "/pre_s1.json");
        assertTrue(Files.isRegularFile(fileB), "set B beside set A");
        assertArrayEquals(bytesA, Files.readAllBytes(fileA), "training B leaves A as it was");
        assertEquals(List.of(SUBFIELD), LearnStep.run(spark, a, LearnStep.Kind.SHEAR).skipped(), "a rerun of A skips");
        assertEquals(List.of(SUBFIELD), LearnStep.run(spark, b, LearnStep.Kind.SHEAR).skipped(), "and of B");

        // Each shear set has its own weight-training table and weight set.
        for (RunSettings s : List.of(a, b)) {
            assertTrue(PredictForWeightsStep.run(spark, s).ok());
            assertEquals(List.of(SUBFIELD), LearnStep.run(spark, s, LearnStep.Kind.WEIGHT).done());
        }
        assertNotEquals(PredictForWeightsStep.name(a.recipe()), PredictForWeightsStep.name(b.recipe()));
        CommitteeSet weightA = CommitteeSet.weight(a.recipe());
        CommitteeSet weightB = CommitteeSet.weight(b.recipe());
        assertNotEquals(weightA.key(), weightB.key(), "the same weight settings on other shear sets");
        assertEquals(List.of(SUBFIELD), PredictForWeightsStep.run(spark, a).skipped());

        // Two prediction runs, one per set pair, side by side; each records and applies its own sets.
        PredictionRun runA = new PredictionRun(a.workdir(), "net55", PredictionRun.Target.OBS);
        PredictionRun runB = new PredictionRun(b.workdir(), "net33", PredictionRun.Target.OBS);
        assertTrue(PredictStep.run(spark, a, runA).ok());
        assertTrue(PredictStep.run(spark, b, runB).ok());
        assertEquals(RunCommittees.of(shearA, weightA), RunCommittees.require(runA, conf));
        assertEquals(RunCommittees.of(shearB, weightB), RunCommittees.require(runB, conf));
        LongTable obs = LongTables.readParquet(WorkdirLayout.subfield(WorkdirLayout.of(a.workdir())
                .table(WorkdirLayout.OBSERVATIONS), SUBFIELD), conf, "id", null);
        LongTable predA = LongTables.read(runA.predictions(SUBFIELD), conf);
        LongTable predB = LongTables.read(runB.predictions(SUBFIELD), conf);
        LongTable fromA = LearnStep.predict(obs, shearA.dir(a.workdir()), SUBFIELD, a.recipe().learn().configs(), conf);
        LongTable fromB = LearnStep.predict(obs, shearB.dir(b.workdir()), SUBFIELD, b.recipe().learn().configs(), conf);
        assertEquals(column(fromA, "pre_s1"), column(predA, "pre_s1"), "run net55 predicts from set A");
        assertEquals(column(fromB, "pre_s1"), column(predB, "pre_s1"), "run net33 from set B");
        assertNotEquals(column(predA, "pre_s1"), column(predB, "pre_s1"));
        assertEquals(List.of(SUBFIELD), PredictStep.run(spark, a, runA).skipped(), "a rerun skips");

        // A run holding subfields of other sets that would not be predicted again is refused, whole.
        Files.createDirectories(tmp.resolve("work/results/net55/predictions/subfield=9"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PredictStep.run(spark, b, runA));
        assertTrue(e.getMessage().contains("holds subfields [9]") && e.getMessage().contains("--predcode"),
                e.getMessage());
        assertEquals(RunCommittees.of(shearA, weightA), RunCommittees.require(runA, conf), "still bound to A");

        // --continue: every member resumes from its saved parameters with a fresh budget, recorded.
        Committee before = CommitteeIo.read(fileA);
        assertEquals(List.of(), before.continuations());
        assertEquals(List.of(SUBFIELD), LearnStep.run(spark, a, LearnStep.Kind.SHEAR, null, true).done());
        Committee after = CommitteeIo.read(fileA);
        assertEquals(List.of(new Committee.Continuation(2, 10)), after.continuations());
        for (int i = 0; i < before.members().size(); i++) {
            assertArrayEquals(before.members().get(i).parameters(), after.members().get(i).initialParameters(),
                    "member " + i + " starts where it ended");
        }
        assertEquals(List.of(SUBFIELD), LearnStep.run(spark, a, LearnStep.Kind.SHEAR).skipped(),
                "a plain learn keeps the continued set");
        assertEquals(List.of(SUBFIELD), PredictForWeightsStep.run(spark, a).done(), "what reads the set is redone");
        assertEquals(List.of(SUBFIELD), LearnStep.run(spark, a, LearnStep.Kind.SHEAR, null, true).done());
        assertEquals(2, CommitteeIo.read(fileA).continuations().size());
        assertThrows(IllegalArgumentException.class, () -> LearnStep.run(spark, a, LearnStep.Kind.WEIGHT, SUBFIELD, true));
        RunSettings untrained = RunSettings.from(config(network("net44.conf", "sum55mass.conf", "[4, 4]").toString()),
                new int[] {SUBFIELD}, null, false);
        StepOutcome none = LearnStep.run(spark, untrained, LearnStep.Kind.SHEAR, null, true);
        assertTrue(none.failed().get(SUBFIELD).contains("no committee"), none.failed().toString());
    }

    @Test
    void theLayoutWithoutKeysIsRefusedWithWhatToDo() throws Exception {
        Path old = tmp.resolve("work/committees/shear/subfield=3/pre_s1.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CommitteeSet.requireKeyedLayout(tmp.resolve("work").toUri().toString(), new Configuration()));
        assertTrue(e.getMessage().contains("committees/shear") && e.getMessage().contains("new work directory")
                && e.getMessage().contains("run learn again"), e.getMessage());
    }

    private static List<Double> column(LongTable t, String name) {
        return IntStream.range(0, t.rowCount()).mapToObj(r -> t.value(r, name)).toList();
    }
}
