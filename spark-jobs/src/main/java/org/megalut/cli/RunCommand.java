package org.megalut.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.concurrent.Callable;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.pipeline.Pipeline;
import org.megalut.spark.Preflight;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline's steps in order on the configured branch, skipping subfields whose outputs",
            "are complete; run it again after an interruption to complete it. Steps: measure-stars, measure-obs,",
            "check-psfs, simulate-train-shear, simulate-train-weight, learn, simulate-valid-shear, validate,",
            "predict-for-weights, learn-weights, simulate-valid-overall, validate-weights, predict-obs, group, evaluate,",
            "simulate-mimic, mimic (the four validation steps only with run.validate = true). --force redoes the",
            "selected steps' subfields."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    PredcodeOption predcode;

    @Option(names = "--from", paramLabel = "STEP", description = "First step to run.")
    String from;

    @Option(names = "--to", paramLabel = "STEP", description = "Last step to run.")
    String to;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        int first = from == null ? 0 : Pipeline.index(from);
        if (to != null) {
            Pipeline.index(to); // an unknown name is refused before any work
        }
        if (first <= Pipeline.index(Pipeline.LAST_BRANCH_STEP)) {
            Preflight.branch(settings);
        }
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "run")) {
            Config c = options.config().withValue("predcode",
                    ConfigValueFactory.fromAnyRef(predcode.run(options, settings, PredictionRun.Target.OBS).predcode()));
            boolean failures = Pipeline.run(lease.spark(), settings, c, from, to, System.out);
            return failures ? ExitCodes.SOME_FAILED : 0;
        }
    }
}
