package org.megalut.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.megalut.config.StrictConfig;
import org.megalut.spark.pipeline.Pipeline;
import org.megalut.spark.pipeline.StepOption;
import org.megalut.spark.settings.DatasetSettings;
import org.megalut.spark.settings.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate and measure a configured dataset (datasets.<name>) for each",
            "subfield, with its star stamps as PSF and its observed noise level, into",
            "<workdir>/sim/<dataset> (Parquet, one row per stamp).",
            "Shipped datasets: DATASET_NAMES.",
            "A --conf file may define more, e.g.",
            "  datasets.my-set { base = train-shear, nrea = 20 }",
            "(docs/datasets.md, \"Named datasets\")."})
final class SimulateCommand implements Callable<Integer>, DeclaredOptions {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "DATASET", description = "Dataset name: a key of the datasets section.")
    String dataset;

    @Spec
    CommandSpec spec;

    @Override
    public List<StepOption> declaredOptions() {
        return List.of(StepOption.KEEP_IMAGES);
    }

    /** The help text with the names of the datasets the shipped defaults define. */
    @Override
    public void complete(CommandSpec spec) {
        String names = String.join(", ", DatasetSettings.all(
                StrictConfig.defaults(ConfigOptions.class, ConfigOptions.DEFAULTS)).keySet());
        String[] lines = spec.usageMessage().description();
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].replace("DATASET_NAMES", names);
        }
        spec.usageMessage().description(lines);
    }

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        settings.recipe().dataset(dataset); // an unknown name is refused, with the configured ones, before any work
        return StepCommand.execute(settings, "simulate " + dataset, List.of(Pipeline.simulation(dataset)),
                StepCommand.given(spec, declaredOptions()), false);
    }
}
