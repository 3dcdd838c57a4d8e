package org.megalut.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.Preflight;
import org.megalut.spark.ProgressReporter;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.SubfieldStepRunner;
import picocli.CommandLine.Mixin;

/** Base of the per-subfield Spark steps: settings, one session, a summary and the exit code. */
abstract class SparkStepCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    /** Runs the step in the session. */
    abstract SubfieldStepRunner.Outcome run(SparkSession spark, RunSettings settings) throws Exception;

    abstract String stepName();

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        Preflight.branch(settings);
        long t0 = System.nanoTime();
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, stepName())) {
            SparkSession spark = lease.spark();
            SubfieldStepRunner.Outcome o;
            try (ProgressReporter progress = ProgressReporter.start(spark, stepName(), 15)) {
                o = run(spark, settings);
            }
            double secs = (System.nanoTime() - t0) * 1e-9;
            long rows = o.written().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%s: %d subfield(s) written (%d rows), %d skipped as done, %d failed, %.1f s; output %s%n",
                    stepName(), o.written().size(), rows, o.skipped().size(), o.failed().size(), secs,
                    SubfieldStepRunner.output(settings, outputName()));
            o.failed().forEach((s, m) -> System.out.printf("  subfield %d failed: %s%n", s, m));
            return o.ok() ? 0 : ExitCodes.SOME_FAILED;
        }
    }

    /** Name of the output table under the workdir. */
    abstract String outputName();
}
