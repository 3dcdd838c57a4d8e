package org.megalut.cli;

import org.megalut.spark.SubfieldTasks;

/** The summary line and exit code of a per-subfield task step. */
final class TaskReport {

    private TaskReport() { }

    static int print(String step, SubfieldTasks.Outcome o) {
        System.out.printf("%s: %d subfield(s) done, %d skipped as done, %d failed%n", step, o.done().size(),
                o.skipped().size(), o.failed().size());
        o.failed().forEach((s, m) -> System.out.printf("  subfield %d failed: %s%n", s, m));
        return o.ok() ? 0 : ExitCodes.SOME_FAILED;
    }
}
