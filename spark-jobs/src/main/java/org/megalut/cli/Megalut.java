package org.megalut.cli;

import java.io.IOException;
import org.megalut.fits.FitsFormatException;
import org.megalut.great3.Great3FormatException;
import org.megalut.spark.pipeline.Pipeline;
import org.megalut.spark.pipeline.Step;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code megalut} command line: one subcommand per pipeline step, and the tools. */
@Command(name = "megalut", mixinStandardHelpOptions = true, version = "megalut 0.1.0",
        description = "MegaLUT on Spark: weak-lensing shear measurement on GREAT3-format branches.")
public final class Megalut implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line (also used by tests): the demo, {@code run} and the generator, one
     * command per pipeline step built from {@link Pipeline#STEPS}, then the tools.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Megalut());
        cl.addSubcommand(new CommandLine(new DemoCommand()));
        CommandLine run = new CommandLine(new RunCommand());
        StepCommand.addOptions(run.getCommandSpec(), RunCommand.OPTIONS);
        RunCommand.describeSteps(run.getCommandSpec());
        cl.addSubcommand(run);
        cl.addSubcommand(new CommandLine(new Great3SimCommand()));
        for (Step step : Pipeline.STEPS) {
            cl.addSubcommand(StepCommand.of(step));
        }
        CommandLine simulate = new CommandLine(new SimulateCommand());
        StepCommand.addOptions(simulate.getCommandSpec(), SimulateCommand.OPTIONS);
        cl.addSubcommand(simulate);
        CommandLine submission = new CommandLine(new SubmissionCommand());
        StepCommand.addOptions(submission.getCommandSpec(), SubmissionCommand.OPTIONS);
        cl.addSubcommand(submission);
        for (Object tool : new Object[] {new MomentsCommand(), new DrawCommand(), new QcCommand(), new MlTrainCommand(),
            new MlPredictCommand(), new CompareCommand()}) {
            cl.addSubcommand(new CommandLine(tool));
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Bad input is reported in one line naming the file; anything else keeps its stack trace.
            if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                    || ex instanceof IOException || ex instanceof Great3FormatException
                    || ex instanceof FitsFormatException) {
                commandLine.getErr().println("megalut " + commandLine.getCommandName() + ": " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (outOfMemory(ex)) {
                commandLine.getErr().println("megalut " + commandLine.getCommandName() + ": a task ran out of memory"
                        + " (Java heap of an executor, or of this process in local mode): " + firstLine(ex)
                        + ". Subfields already completed are kept; run the same command again with more memory:"
                        + " spark.executor.memory on a cluster, MEGALUT_JAVA_OPTS=-Xmx... with submit/megalut,"
                        + " or smaller tasks (measure.band-rows, simulate.stamps-per-task).");
                return ExitCodes.OUT_OF_MEMORY;
            }
            throw ex;
        });
        return cl;
    }

    /**
     * Whether a failure is a lack of memory: an OutOfMemoryError in the chain, or Spark's report of an
     * executor that exited with code 52 (its uncaught-exception handler's code for OutOfMemoryError) or
     * was killed by the cluster manager for exceeding its memory.
     */
    static boolean outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof OutOfMemoryError || m.contains("java.lang.OutOfMemoryError")
                    || m.contains("exited with code 52") || m.contains("exit code 52")
                    || m.contains("exceeding memory limits")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable ex) {
        String m = String.valueOf(ex.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
