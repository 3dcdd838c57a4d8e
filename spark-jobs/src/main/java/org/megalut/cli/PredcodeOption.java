package org.megalut.cli;

import com.typesafe.config.Config;
import org.megalut.spark.PredictionRun;
import picocli.CommandLine.Option;

/** The {@code --predcode} option of the commands that write or read a named prediction run. */
final class PredcodeOption {

    @Option(names = "--predcode", paramLabel = "NAME",
            description = "Name of the prediction run; runs with different names are kept side by side under"
                    + " <workdir>/results/NAME (mimic: <workdir>/mimic/NAME). Default: the configuration's predcode.")
    String predcode;

    /** The run these options name. */
    PredictionRun run(CommonOptions options, PredictionRun.Target target) {
        Config c = options.config();
        return new PredictionRun(options.settings().workdir(), predcode != null ? predcode : c.getString("predcode"), target);
    }
}
