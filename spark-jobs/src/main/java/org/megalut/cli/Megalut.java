package org.megalut.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code megalut} command line. */
@Command(name = "megalut", mixinStandardHelpOptions = true,
        description = "MegaLUT on Spark: weak-lensing shear measurement on GREAT3-format branches.")
public final class Megalut implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Megalut()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
