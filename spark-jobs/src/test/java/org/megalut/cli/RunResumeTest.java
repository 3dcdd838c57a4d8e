package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.config.StrictConfig;
import org.megalut.spark.RunSettings;
import org.megalut.spark.TestSpark;
import org.megalut.spark.io.OutputComparison;
import org.megalut.spark.steps.Great3SimStep;
import org.megalut.spark.steps.SimSettings;

/**
 * {@code run} killed at an arbitrary point (SIGKILL of a separate JVM) and run again produces the same
 * outputs as an uninterrupted run: committees, predictions, group tables and metrics, simulations.
 */
class RunResumeTest {
    private static final int GRID = 6;

    /** Kept when the test fails, for a look at both work directories. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    /** A tiny pipeline: 3 subfields of 6×6 galaxies, small datasets and small committees. */
    private Path config(Path branch, Path truth) throws Exception {
        Path shearNet = tmp.resolve("shear-net.conf");
        Path weightNet = tmp.resolve("weight-net.conf");
        String small = "training { members = 2, mbloops = 2, maxiter = 15 }\nselection.bestn = 1\n";
        Files.writeString(shearNet, text("ml/sum55mass.conf") + small);
        Files.writeString(weightNet, text("ml/sum33wmass.conf") + small);
        Path conf = tmp.resolve("tiny.conf");
        Files.writeString(conf, String.join("\n",
                "branch { dir = \"" + branch.toUri() + "\", truth = \"" + truth.toUri() + "\", subfields = \"0-2\", grid = " + GRID + " }",
                "measure.band-rows = 3",
                "spark.shuffle-partitions = 2",
                "datasets {",
                "  train-shear { n = 30, nc = 5, nrea = 2 }",
                "  train-weight { n = 10, nc = 5, ncat = 6, snc = 2 }",
                "  mimic-great3 { n = 18, nc = 6 }",
                "}",
                "learn.network = \"" + shearNet + "\"",
                "learn-weights.network = \"" + weightNet + "\"",
                ""));
        return conf;
    }

    private static String text(String shipped) throws Exception {
        try (var in = RunResumeTest.class.getResourceAsStream("/org/megalut/conf/" + shipped)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aKilledRunCompletesToTheSameOutputs() throws Exception {
        SparkSession spark = TestSpark.get();
        Path branch = tmp.resolve("branch");
        Path truth = tmp.resolve("truth");
        Config simConf = StrictConfig.merge(ConfigFactory.parseMap(Map.of("great3-sim.grid", GRID,
                "great3-sim.band-rows", 3, "great3-sim.seed", 5)),
                StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"), "test");
        Great3SimStep.run(spark, SimSettings.from(simConf), new int[] {0, 1, 2}, branch.toString(), truth.toString());
        Path conf = config(branch, truth);

        Path a = tmp.resolve("uninterrupted");
        long t0 = System.nanoTime();
        assertEquals(0, Megalut.commandLine().execute("run", "--conf", conf.toString(), "--workdir", a.toString()));
        double seconds = (System.nanoTime() - t0) * 1e-9;

        // The same run in another JVM, killed without warning part-way (JVM start-up takes a few seconds).
        Path b = tmp.resolve("killed");
        Process p = new ProcessBuilder(ChildJvm.megalut(List.of(), "run", "--conf", conf.toString(), "--workdir", b.toString(),
                "--master", "local[2]")).redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        boolean finished = p.waitFor((long) (6_000 + 500 * seconds), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        assertTrue(!finished && !Files.exists(b.resolve("mimic/main/metrics.json")),
                "the run must be killed before it ends: " + Files.readString(tmp.resolve("killed.log")));
        List<String> done = Files.readAllLines(tmp.resolve("killed.log")).stream()
                .filter(l -> org.megalut.spark.Pipeline.STEPS.stream().anyMatch(l::startsWith)).toList();
        System.out.println("run killed after " + (long) (6_000 + 500 * seconds) + " ms, steps completed: " + done);
        assertEquals(0, Megalut.commandLine().execute("run", "--conf", conf.toString(), "--workdir", b.toString()));

        Map<String, String> predictions = files(a, "predictions.parquet");
        assertTrue(predictions.size() >= 9, "predictions of 3 subfields x (weights, obs, mimic): " + predictions.keySet());
        // Everything, figures included, bit for bit (Parquet by content).
        OutputComparison.Result same = new OutputComparison(spark, 0, List.of())
                .compare(new org.apache.hadoop.fs.Path(a.toUri()), new org.apache.hadoop.fs.Path(b.toUri()));
        assertTrue(same.agrees(), () -> same.items().stream().filter(x -> x.status() != OutputComparison.Status.IDENTICAL)
                .map(Object::toString).collect(java.util.stream.Collectors.joining("\n")));
    }

    /** Files under a directory whose name ends with a suffix, by relative path (state records excluded). */
    private static Map<String, String> files(Path root, String suffix) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(f -> f.getFileName().toString().endsWith(suffix) && !f.getFileName().toString().startsWith("."))
                    .forEach(f -> out.put(root.relativize(f).toString(), f.getFileName().toString()));
        }
        out.keySet().removeIf(k -> k.startsWith("_state"));
        return out;
    }
}
