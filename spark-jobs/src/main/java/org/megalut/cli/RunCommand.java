package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.Pipeline;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline's steps in order on the configured branch, skipping subfields whose outputs",
            "are complete; run it again after an interruption to complete it. Steps: measure-stars, measure-obs,",
            "check-psfs, simulate-train-shear, simulate-train-weight, learn, predict-for-weights, learn-weights,",
            "predict-obs, group, evaluate."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--from", paramLabel = "STEP", description = "First step to run.")
    String from;

    @Option(names = "--to", paramLabel = "STEP", description = "Last step to run.")
    String to;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        try (SparkSessions.Lease lease = SparkSessions.lease(settings, "run")) {
            boolean failures = Pipeline.run(lease.spark(), settings, options.config(), from, to, System.out);
            return failures ? ExitCodes.SOME_FAILED : 0;
        }
    }
}
