package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.steps.PredictStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "predict-obs", mixinStandardHelpOptions = true,
        description = "Apply each subfield's shear and weight committees to its observed galaxies, into"
                + " <workdir>/results/<predcode>/predictions.")
final class PredictObsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    PredcodeOption predcode;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        PredictionRun run = predcode.run(options, settings, PredictionRun.Target.OBS);
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "predict-obs")) {
            return TaskReport.print("predict-obs", PredictStep.run(lease.spark(), settings, options.config(), run));
        }
    }
}
