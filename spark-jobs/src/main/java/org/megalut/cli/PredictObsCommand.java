package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.steps.PredictObsStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "predict-obs", mixinStandardHelpOptions = true,
        description = "Apply each subfield's shear and weight committees to its observed galaxies, into <workdir>/predobs.")
final class PredictObsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        try (SparkSessions.Lease lease = SparkSessions.lease(settings, "predict-obs")) {
            return TaskReport.print("predict-obs", PredictObsStep.run(lease.spark(), settings, options.config()));
        }
    }
}
