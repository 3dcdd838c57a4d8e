package org.megalut.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.megalut.spark.pipeline.Pipeline;
import org.megalut.spark.pipeline.Step;
import org.megalut.spark.pipeline.StepOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline's steps in order on the configured branch, skipping subfields whose outputs",
            "are complete; run it again after an interruption to complete it. Steps: STEP_NAMES (the validation steps",
            "only with run.validate = true; with branch.shear-type = variable, shear-catalog and variable-submission",
            "instead of group, simulate-mimic and mimic, and evaluate and report give Q_v). --force redoes the",
            "selected steps' subfields."})
final class RunCommand implements Callable<Integer>, DeclaredOptions {
    @Mixin
    CommonOptions options;


    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "STEP", description = "First step to run.")
    String from;

    @Option(names = "--to", paramLabel = "STEP", description = "Last step to run.")
    String to;

    @Override
    public List<StepOption> declaredOptions() {
        return List.of(StepOption.PREDCODE);
    }

    /** The help text with the list of steps filled in. */
    @Override
    public void complete(CommandSpec spec) {
        String[] lines = spec.usageMessage().description();
        String names = String.join(", ", Pipeline.STEPS.stream().map(Step::name).toList());
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].replace("STEP_NAMES", names);
        }
        spec.usageMessage().description(lines);
    }

    @Override
    public Integer call() throws Exception {
        List<Step> steps = Pipeline.range(from, to); // an unknown name is refused before any work
        return StepCommand.execute(options.settings(), "run", steps, StepCommand.given(spec, declaredOptions()), true);
    }
}
