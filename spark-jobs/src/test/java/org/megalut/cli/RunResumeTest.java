package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.megalut.spark.TestSpark;
import org.megalut.spark.io.OutputComparison;
import org.megalut.spark.pipeline.Pipeline;

/**
 * {@code run} killed at an arbitrary point (SIGKILL of a separate JVM) and run again produces the same
 * outputs as an uninterrupted run: committees, predictions, group tables and metrics, simulations.
 */
class RunResumeTest {
    /** Kept when the test fails, for a look at both work directories. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @Test
    void aKilledRunCompletesToTheSameOutputs() throws Exception {
        SparkSession spark = TestSpark.get();
        Path branch = tmp.resolve("branch");
        Path truth = tmp.resolve("truth");
        TinyPipeline.branch(branch, truth, 5, 0, 1, 2);
        Path conf = TinyPipeline.config(tmp, branch, truth, "0-2");

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
                .filter(l -> Pipeline.STEPS.stream().anyMatch(step -> l.startsWith(step.name()))).toList();
        System.out.println("run killed after " + (long) (6_000 + 500 * seconds) + " ms, steps completed: " + done);
        assertEquals(0, Megalut.commandLine().execute("run", "--conf", conf.toString(), "--workdir", b.toString()));

        Map<String, String> predictions = files(a, "predictions.parquet");
        assertTrue(predictions.size() >= 9, "predictions of 3 subfields x (weights, obs, mimic): " + predictions.keySet());
        // Everything, figures included, bit for bit (Parquet by content).
        OutputComparison.Result same = new OutputComparison(spark, 0, List.of())
                .compare(new org.apache.hadoop.fs.Path(a.toUri()), new org.apache.hadoop.fs.Path(b.toUri()));
        assertTrue(same.agrees(), same::notIdentical);

        // evaluate --json prints what metrics.json holds, for scripts.
        var out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Megalut.commandLine().execute("evaluate", "--json", "--conf", conf.toString(), "--workdir",
                    b.toString()));
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        String written = Files.readString(b.resolve("results/main/metrics.json"));
        assertTrue(printed.contains(written), "printed:\n" + printed + "\nmetrics.json:\n" + written);
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
