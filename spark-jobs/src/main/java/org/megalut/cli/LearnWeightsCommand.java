package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.SubfieldTasks;
import org.megalut.spark.steps.LearnStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "learn-weights", mixinStandardHelpOptions = true,
        description = {"Train the weight committees of each subfield and component on predict-for-weights' output",
            "(learn-weights.* settings; MegaLUT's sum33wmass by default) into <workdir>/committees/weight."})
final class LearnWeightsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--pretrained-from", paramLabel = "SUBFIELD",
            description = {"Start each subfield's training from this subfield's trained weight committees (normers",
                "included) instead of a fresh initialisation; train that subfield first."})
    Integer pretrainedFrom;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "learn-weights")) {
            SubfieldTasks.Outcome o = LearnStep.run(lease.spark(), settings, options.config(), LearnStep.Kind.WEIGHT,
                    pretrainedFrom);
            return TaskReport.print("learn-weights", o);
        }
    }
}
