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

    /** Set unless given: picocli then skips looking for Groovy's Closure class, a search of every jar of the class path. */
    private static final String NO_GROOVY_CLOSURES = "picocli.disable.closures";

    public static void main(String[] args) {
        if (System.getProperty(NO_GROOVY_CLOSURES) == null) {
            System.setProperty(NO_GROOVY_CLOSURES, "true");
        }
        System.exit(commandLine(args.length > 0 ? args[0] : "").execute(args));
    }

    /**
     * The configured command line with every subcommand (also used by tests): the demo, {@code run}
     * and the generator, one command per pipeline step built from {@link Pipeline#STEPS}, then the tools.
     */
    public static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * The command line with only the subcommand named {@code first} when it is one of the commands
     * that are not pipeline steps, which is all a run of it needs, else with all of them: picocli
     * reflects over the options of every subcommand it is given, and the steps' definitions create
     * classes at run time, a good part of the CPU of a short command.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Megalut());
        Object[] before = {new DemoCommand(), new RunCommand(), new Great3SimCommand()};
        Object[] after = {new SimulateCommand(), new FitPopulationCommand(), new SubmissionCommand(), new MomentsCommand(),
            new DrawCommand(), new QcCommand(), new PairedBiasCommand(), new PairedValidationCommand(), new PresubmissionCommand(), new QvCommand(), new MlTrainCommand(),
            new MlPredictCommand(), new CompareCommand()};
        Object only = named(first, before);
        if (only == null) {
            only = named(first, after);
        }
        if (only != null) {
            cl.addSubcommand(subcommand(only));
        } else {
            for (Object command : before) {
                cl.addSubcommand(subcommand(command));
            }
            for (Step step : Pipeline.STEPS) {
                cl.addSubcommand(StepCommand.of(step));
            }
            for (Object command : after) {
                cl.addSubcommand(subcommand(command));
            }
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

    private static Object named(String name, Object[] commands) {
        for (Object command : commands) {
            if (command.getClass().getAnnotation(Command.class).name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    /** The command line of a command, with the pipeline's options it declares. */
    private static CommandLine subcommand(Object command) {
        CommandLine cl = new CommandLine(command);
        if (command instanceof DeclaredOptions d) {
            StepCommand.addOptions(cl.getCommandSpec(), d.declaredOptions());
            d.complete(cl.getCommandSpec());
        }
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
