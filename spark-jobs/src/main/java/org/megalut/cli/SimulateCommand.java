package org.megalut.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.megalut.spark.pipeline.Pipeline;
import org.megalut.spark.pipeline.StepOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate and measure a MegaLUT dataset (train-shear, train-weight, valid-shear, valid-overall,",
            "simobscompa, mimic-great3; settings under datasets.<name>) for each subfield, with its star stamps as PSF",
            "and its observed noise level, into <workdir>/sim/<dataset> (Parquet, one row per stamp)."})
final class SimulateCommand implements Callable<Integer>, DeclaredOptions {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "DATASET", description = "Dataset name.")
    String dataset;

    @Spec
    CommandSpec spec;

    @Override
    public List<StepOption> declaredOptions() {
        return List.of(StepOption.KEEP_IMAGES);
    }

    @Override
    public Integer call() throws Exception {
        return StepCommand.execute(options.settings(), "simulate " + dataset, List.of(Pipeline.simulation(dataset)),
                StepCommand.given(spec, declaredOptions()), false);
    }
}
