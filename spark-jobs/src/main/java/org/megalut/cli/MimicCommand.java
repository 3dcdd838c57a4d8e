package org.megalut.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.concurrent.Callable;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "mimic", mixinStandardHelpOptions = true,
        description = {"The predict -> group -> evaluate chain on each subfield's mimic-great3 simulation (a fiducial",
            "branch of the training population with known shears), under <workdir>/mimic/<predcode>, apart from",
            "the branch's results. Simulates mimic-great3 first when it is not there yet."})
final class MimicCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    PredcodeOption predcode;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        PredictionRun run = predcode.run(options, settings, PredictionRun.Target.MIMIC);
        Config c = options.config().withValue("predcode",
                ConfigValueFactory.fromAnyRef(run.predcode()));
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "mimic")) {
            boolean failures = Pipeline.run(lease.spark(), settings, c, "simulate-mimic", "mimic", System.out);
            return failures ? ExitCodes.SOME_FAILED : 0;
        }
    }
}
