package org.megalut.cli;

import java.util.List;
import org.megalut.spark.pipeline.StepOption;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An annotated command that also takes options the pipeline declares ({@link StepOption}), added to
 * its command line when it is built, so that an option such as {@code --predcode} is declared once.
 */
interface DeclaredOptions {

    /** The pipeline's options this command takes. */
    List<StepOption> declaredOptions();

    /** Completes the command's spec once its options are added (e.g. help text drawn from the pipeline). */
    default void complete(CommandSpec spec) {
    }
}
