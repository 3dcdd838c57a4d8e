package org.megalut.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunSettings;
import org.megalut.spark.io.WorkdirLock;
import org.megalut.spark.steps.EvaluateStep;
import org.megalut.spark.steps.GroupStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"m, c per component (MegaLUT's OLS), m and c in the PSF frame, GREAT3's Q_c, the per-subfield",
            "scatter and the noise floor of Q_c, for the group table of a prediction run; writes its metrics.json."})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    PredcodeOption predcode;

    @Option(names = "--mimic", description = "Evaluate the mimic run (<workdir>/mimic/<predcode>) instead of the observations.")
    boolean mimic;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        PredictionRun run = predcode.run(options, settings, mimic ? PredictionRun.Target.MIMIC : PredictionRun.Target.OBS);
        Configuration conf = settings.hadoopConfiguration();
        try (WorkdirLock lock = WorkdirLock.acquire(settings.workdir(), conf, "evaluate")) {
            EvaluateStep.Result r = EvaluateStep.evaluate(GroupStep.read(run.groupCsv(), conf));
            EvaluateStep.print(r, System.out);
            Map<Integer, String> failed = GroupStep.readFailed(run, conf);
            EvaluateStep.write(r, run.label(), failed, run.metricsJson(), conf);
            System.out.println("metrics: " + run.metricsJson());
            failed.forEach((sf, why) -> System.out.printf("  subfield %d not evaluated: %s%n", sf, why));
            return failed.isEmpty() ? 0 : ExitCodes.SOME_FAILED;
        }
    }
}
