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
        PredictionRun run = predcode.run(options, settings, PredictionRun.Target.OBS);
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "group")) {
            GroupStep.Grouped g = GroupStep.run(lease.spark(), settings, run);
            System.out.printf("group: %d subfields -> %s%n", g.rows().size(), run.groupCsv());
            g.failed().forEach((sf, why) -> System.out.printf("  subfield %d left out: %s%n", sf, why));
            return g.failed().isEmpty() ? 0 : ExitCodes.SOME_FAILED;
        }
    }
}
