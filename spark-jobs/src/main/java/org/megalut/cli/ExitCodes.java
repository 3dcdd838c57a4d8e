package org.megalut.cli;

/** Process exit codes of the {@code megalut} command. */
final class ExitCodes {
    /** Some subfields failed; the others' outputs are written. */
    static final int SOME_FAILED = 1;
    /** Bad usage, configuration or input that stopped the command before any output. */
    static final int BAD_INPUT = 2;
    /** A task ran out of memory; completed subfields are kept, a rerun with more memory goes on. */
    static final int OUT_OF_MEMORY = 3;

    private ExitCodes() { }
}
