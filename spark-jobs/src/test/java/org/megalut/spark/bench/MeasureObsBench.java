package org.megalut.spark.bench;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.megalut.config.StrictConfig;
import org.megalut.great3.SubfieldSelection;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.TestBranch;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.steps.MeasureObsStep;

/**
 * End-to-end timing of {@code measure-obs}: writes N synthetic 100×100-stamp subfields (Gaussian
 * galaxies with noise) and measures them with a local Spark master. Prints seconds per subfield.
 * Arguments: [subfields=2] [master=local[2]] [grid=100].
 */
public final class MeasureObsBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String master = args.length > 1 ? args[1] : "local[2]";
        int grid = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path tmp = Files.createTempDirectory("megalut-bench");
        Path branch = tmp.resolve("branch");
        int[] subfields = SubfieldSelection.parse("0-" + (n - 1));
        long t0 = System.nanoTime();
        TestBranch.write(branch, tmp.resolve("truth"), grid, subfields);
        System.out.printf("wrote %d subfields of %dx%d stamps in %.1f s%n", n, grid, grid, (System.nanoTime() - t0) * 1e-9);
        var defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        var c = StrictConfig.merge(ConfigFactory.parseMap(Map.of(
                "branch.dir", branch.toUri().toString(), "workdir", tmp.resolve("work").toUri().toString(),
                "branch.grid", grid)), defaults, "bench");
        RunSettings s = RunSettings.from(c, subfields, master, true);
        try (SparkSessions.Lease lease = SparkSessions.lease(s, "bench")) {
            SparkSession spark = lease.spark();
            // Warm-up on one subfield, then the timed run on all.
            MeasureObsStep.run(spark, RunSettings.from(c, new int[] {0}, master, true));
            long t1 = System.nanoTime();
            StepOutcome o = MeasureObsStep.run(spark, s);
            double secs = (System.nanoTime() - t1) * 1e-9;
            long stamps = o.rows().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("measure-obs %s: %d subfields, %d stamps in %.1f s: %.1f s per subfield, %.0f stamps/s%n",
                    master, o.rows().size(), stamps, secs, secs / o.rows().size(), stamps / secs);
        }
    }
}
