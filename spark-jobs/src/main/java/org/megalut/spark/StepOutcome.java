package org.megalut.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a step did with each subfield it was given.
 *
 * @param done    subfields processed now, sorted
 * @param skipped subfields whose output was complete and current, sorted
 * @param failed  subfields that failed, with their errors
 * @param rows    rows written per subfield, for steps whose output is a table (empty otherwise)
 * @param note    what else the step reports (e.g. the file it wrote), or empty
 */
public record StepOutcome(List<Integer> done, List<Integer> skipped, Map<Integer, String> failed,
                          Map<Integer, Long> rows, String note) {

    public StepOutcome {
        done = List.copyOf(done);
        skipped = List.copyOf(skipped);
        failed = Map.copyOf(failed);
        rows = Map.copyOf(rows);
    }

    /** An outcome with nothing processed and a note saying why. */
    public static StepOutcome nothing(String note) {
        return new StepOutcome(List.of(), List.of(), Map.of(), Map.of(), note);
    }

    public boolean ok() {
        return failed.isEmpty();
    }

    /** Subfields processed now, successfully or not (not the skipped ones). */
    public int processed() {
        return done.size() + failed.size();
    }

    /** The same outcome with another note. */
    public StepOutcome withNote(String text) {
        return new StepOutcome(done, skipped, failed, rows, text);
    }

    /** One line: counts, rows written, failed subfields, then the note. */
    public String summary() {
        if (done.isEmpty() && skipped.isEmpty() && failed.isEmpty()) {
            return note.isEmpty() ? "nothing to do" : note;
        }
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        return done.size() + " done" + (rows.isEmpty() ? "" : " (" + total + " rows)") + ", " + skipped.size()
                + " skipped, " + failed.size() + " failed" + (failed.isEmpty() ? "" : " " + new TreeSet<>(failed.keySet()))
                + (note.isEmpty() ? "" : " " + note);
    }
}
