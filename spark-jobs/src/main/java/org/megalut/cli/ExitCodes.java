package org.megalut.cli;

/** Process exit codes of the {@code megalut} command. */
final class ExitCodes {
    /** Some subfields failed; the others' outputs are written. */
    static final int SOME_FAILED = 1;
    /** Bad usage, configuration or input that stopped the command before any output. */
    static final int BAD_INPUT = 2;

    private ExitCodes() { }
}
