package org.megalut.cli;

import org.megalut.fits.FitsFormatException;
import org.megalut.great3.Great3FormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code megalut} command line: one subcommand per pipeline step. */
@Command(name = "megalut", mixinStandardHelpOptions = true, version = "megalut 0.1.0",
        description = "MegaLUT on Spark: weak-lensing shear measurement on GREAT3-format branches.",
        subcommands = {DemoCommand.class, RunCommand.class, Great3SimCommand.class, MeasureStarsCommand.class, MeasureObsCommand.class, CheckPsfsCommand.class, SimulateCommand.class, LearnCommand.class, ValidateCommand.class, PredictForWeightsCommand.class, LearnWeightsCommand.class, ValidateWeightsCommand.class, PredictObsCommand.class, GroupCommand.class,
            EvaluateCommand.class, SubmissionCommand.class, MimicCommand.class, ReportCommand.class,
            MomentsCommand.class, DrawCommand.class, QcCommand.class, MlTrainCommand.class, MlPredictCommand.class,
            CompareCommand.class})
public final class Megalut implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Megalut());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Bad input is reported in one line naming the file; anything else keeps its stack trace.
            if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                    || ex instanceof java.io.IOException || ex instanceof Great3FormatException
                    || ex instanceof FitsFormatException) {
                commandLine.getErr().println("megalut " + commandLine.getCommandName() + ": " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
