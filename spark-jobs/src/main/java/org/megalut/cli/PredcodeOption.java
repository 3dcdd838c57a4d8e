package org.megalut.cli;

import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunSettings;
import picocli.CommandLine.Option;

/** The {@code --predcode} option of the commands that write or read a named prediction run. */
final class PredcodeOption {

    @Option(names = "--predcode", paramLabel = "NAME",
            description = "Name of the prediction run; runs with different names are kept side by side under"
                    + " <workdir>/results/NAME (mimic: <workdir>/mimic/NAME). Default: the configuration's predcode.")
    String predcode;

    /** The run these options name, under the settings' (qualified) work directory. */
    PredictionRun run(CommonOptions options, RunSettings settings, PredictionRun.Target target) {
        return new PredictionRun(settings.workdir(), predcode != null ? predcode : options.config().getString("predcode"),
                target);
    }
}
