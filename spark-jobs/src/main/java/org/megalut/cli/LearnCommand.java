package org.megalut.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.ProgressReporter;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.SubfieldTasks;
import org.megalut.spark.steps.LearnStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Train the shear committees of each subfield and component on its training simulation",
            "(learn.* settings; MegaLUT's sum55mass by default) into <workdir>/committees/shear."})
final class LearnCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        long t0 = System.nanoTime();
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "learn")) {
            SparkSession spark = lease.spark();
            SubfieldTasks.Outcome o;
            try (ProgressReporter progress = ProgressReporter.start(spark, "learn", 15)) {
                o = LearnStep.run(spark, settings, options.config(), LearnStep.Kind.SHEAR);
            }
            System.out.printf("learn: %.1f s%n", (System.nanoTime() - t0) * 1e-9);
            return TaskReport.print("learn", o);
        }
    }
}
