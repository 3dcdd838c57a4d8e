package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.steps.GroupStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Per subfield: unweighted and weighted mean shear of the galaxies, counts, mean PSF features,"
                + " with the truth if given, into <workdir>/results/<predcode>/group.csv.")
final class GroupCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    PredcodeOption predcode;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        PredictionRun run = predcode.run(options, PredictionRun.Target.OBS);
        try (SparkSessions.Lease lease = SparkSessions.lease(settings, "group")) {
            int n = GroupStep.run(lease.spark(), settings, run).size();
            System.out.printf("group: %d subfields -> %s%n", n, run.groupCsv());
            return 0;
        }
    }
}
