package org.megalut.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.spark.RunSettings;
import org.megalut.spark.steps.EvaluateStep;
import org.megalut.spark.steps.GroupStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "m, c per component (MegaLUT's OLS) and GREAT3's Q_c of <workdir>/group.csv against its truth columns.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        EvaluateStep.print(EvaluateStep.evaluate(GroupStep.read(new Path(settings.workdir(), "group.csv"),
                new Configuration())), System.out);
        return 0;
    }
}
