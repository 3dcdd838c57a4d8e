package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.steps.GroupStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Per subfield: unweighted and weighted mean shear of the galaxies, with the truth if given, into <workdir>/group.csv.")
final class GroupCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        try (SparkSessions.Lease lease = SparkSessions.lease(settings, "group")) {
            int n = GroupStep.run(lease.spark(), settings).size();
            System.out.printf("group: %d subfields -> %s/group.csv%n", n, settings.workdir());
            return 0;
        }
    }
}
