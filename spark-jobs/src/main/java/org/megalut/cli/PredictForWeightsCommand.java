package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.SubfieldTasks;
import org.megalut.spark.steps.PredictForWeightsStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "predict-for-weights", mixinStandardHelpOptions = true,
        description = "Apply each subfield's shear committees to its weight-training simulation, into <workdir>/pred.")
final class PredictForWeightsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "predict-for-weights")) {
            SubfieldTasks.Outcome o = PredictForWeightsStep.run(lease.spark(), settings, options.config());
            return TaskReport.print("predict-for-weights", o);
        }
    }
}
