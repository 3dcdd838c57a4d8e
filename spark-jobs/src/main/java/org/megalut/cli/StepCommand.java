package org.megalut.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.megalut.spark.Preflight;
import org.megalut.spark.ProgressReporter;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.pipeline.Pipeline;
import org.megalut.spark.pipeline.Step;
import org.megalut.spark.pipeline.StepContext;
import org.megalut.spark.pipeline.StepOption;
import org.megalut.spark.settings.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command of one pipeline step, built from its {@link Step}: the common options, the step's own
 * options, and its help text. Running it runs the steps from the step's {@link Step#commandFrom} to
 * itself, as {@code run} would, in one session holding the work directory's lock.
 */
final class StepCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    private final Step step;
    private CommandSpec spec;

    private StepCommand(Step step) {
        this.step = step;
    }

    /** The command line of a step. */
    static CommandLine of(Step step) {
        StepCommand command = new StepCommand(step);
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        spec.name(step.name());
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description(paragraph(step.description()));
        addOptions(spec, step.options());
        command.spec = spec;
        return new CommandLine(spec);
    }

    /** Adds options declared by the pipeline to a command. */
    static void addOptions(CommandSpec spec, List<StepOption> declared) {
        for (StepOption o : declared) {
            OptionSpec.Builder b = OptionSpec.builder(o.name()).type(o.type())
                    .description(paragraph(o.description()));
            spec.addOption(o.flag() ? b.arity("0").build() : b.paramLabel(o.label()).arity("1").build());
        }
    }

    /** Lines of help text as one paragraph, which picocli wraps to the terminal ('%' is its format character). */
    private static String paragraph(List<String> lines) {
        return String.join(" ", lines).replace("%", "%%");
    }

    /** The values of the declared options given on the command line (flags only when set), by name. */
    static Map<String, Object> given(CommandSpec spec, List<StepOption> declared) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (StepOption o : declared) {
            Object v = spec.findOption(o.name()).getValue();
            if (v != null && !Boolean.FALSE.equals(v)) {
                given.put(o.name(), v);
            }
        }
        return given;
    }

    /** The prediction run's name: {@code --predcode} when given, else the configuration's. */
    static String predcode(Map<String, Object> given, RunSettings settings) {
        return (String) given.getOrDefault(StepOption.PREDCODE.name(), settings.recipe().predcode());
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> given = given(spec, step.options());
        return execute(options.settings(), step.name(), Pipeline.range(step.commandFrom(), step.name()), given, false);
    }

    /**
     * Runs steps in one session holding the work directory's lock: the branch is checked first when a
     * step reads it, and the branch's and the truth's files against branch.shear-type always.
     *
     * @param name   the command's name (for the lock and the progress log)
     * @param recipe whether the steps run as a recipe (see {@link Pipeline#run})
     * @return the exit code
     */
    static int execute(RunSettings settings, String name, List<Step> steps, Map<String, Object> given, boolean recipe)
            throws Exception {
        String predcode = predcode(given, settings);
        // A step skipped for the branch's shear type reads nothing (simulate-mimic on a variable-shear branch).
        if (steps.stream().filter(x -> x.appliesTo(settings.grid().shearType())).anyMatch(Step::readsBranch)) {
            Preflight.branch(settings, System.out);
        }
        Preflight.shearType(settings);
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, name);
             ProgressReporter progress = ProgressReporter.start(lease.spark(), name, 15)) {
            StepContext context = StepContext.of(lease.spark(), settings, predcode, given, System.out);
            return Pipeline.run(context, steps, recipe) ? ExitCodes.SOME_FAILED : 0;
        }
    }
}
