package org.megalut.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.steps.CheckPsfsStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check-psfs", mixinStandardHelpOptions = true,
        description = "Table of the subfields sorted by PSF size, from the star features, into <workdir>/psfs and psfs.csv.")
final class CheckPsfsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "check-psfs")) {
            SparkSession spark = lease.spark();
            CheckPsfsStep.run(spark, settings, System.out);
            return 0;
        }
    }
}
