package org.megalut.cli;

import com.typesafe.config.Config;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.megalut.spark.pipeline.Pipeline;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The HTML report of a prediction run, <workdir>/results/<predcode>/report/index.html: metrics,",
            "residuals against the true shear and the PSF ellipticity, feature histograms of simulations against",
            "observations, failure fractions and flags, training costs. Needs the run's group.csv (group, or run)."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    PredcodeOption predcode;

    @Option(names = "--mimic", description = "Report on the mimic run (<workdir>/mimic/<predcode>) instead of the observations.")
    boolean mimic;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        Config c = options.config();
        PredictionRun run = predcode.run(options, settings, mimic ? PredictionRun.Target.MIMIC : PredictionRun.Target.OBS);
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "report")) {
            Path index = RunReport.write(lease.spark(), run, Pipeline.reportDatasets(c, run));
            System.out.println("report: " + index);
            return 0;
        }
    }
}
