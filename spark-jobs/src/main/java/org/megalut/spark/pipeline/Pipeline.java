package org.megalut.spark.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.megalut.great3.ShearType;
import org.megalut.spark.FailureRecords;
import org.megalut.spark.StepCpuMeter;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.settings.RunSettings;

/**
 * The pipeline: its steps in order, for {@code run}, {@code demo} and the one command per step. Steps
 * skip the subfields whose outputs are complete and current, so a run interrupted anywhere is completed
 * by running it again. A step that does not apply to the branch's shear type ({@code branch.shear-type})
 * is skipped with the reason: per-subfield grouping and the mimic run on a variable-shear branch, the
 * shear catalogue and the variable-shear submission on a constant-shear one.
 */
public final class Pipeline {

    /** The steps, in order. */
    public static final List<Step> STEPS = PipelineSteps.all();

    private Pipeline() { }

    /** A step by name; an unknown name is an error listing the steps. */
    public static Step step(String name) {
        return STEPS.get(index(name));
    }

    /** The position of a step in {@link #STEPS}; an unknown name is an error listing the steps. */
    public static int index(String name) {
        for (int i = 0; i < STEPS.size(); i++) {
            if (STEPS.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown step '" + name + "'; steps: "
                + STEPS.stream().map(Step::name).toList());
    }

    /** The steps from {@code from} to {@code to} (names; null for the first, the last). */
    public static List<Step> range(String from, String to) {
        int first = from == null ? 0 : index(from);
        int last = to == null ? STEPS.size() - 1 : index(to);
        if (first > last) {
            throw new IllegalArgumentException("step " + from + " comes after " + to);
        }
        return STEPS.subList(first, last + 1);
    }

    /**
     * Runs steps in order and prints a line per step, then, for more than one step, the table of CPU
     * time per step and the failed subfields with their first error.
     *
     * @param recipe whether these steps run as a recipe ({@code run}, {@code demo}), where the validation
     *               steps follow {@code run.validate}; a step's own command always runs it
     * @return whether any subfield failed in some step
     */
    public static boolean run(StepContext context, List<Step> steps, boolean recipe) throws Exception {
        PrintStream out = context.out();
        boolean validate = context.selected().recipe().validate();
        RunSettings all = context.selected();
        // A subfield that fails in one step lacks the inputs of the later ones: they go on without it, so
        // its first error is the one reported, and the others still reach group, evaluate and the report.
        TreeSet<Integer> failed = new TreeSet<>();
        boolean failures = false;
        List<Timing> timings = new ArrayList<>();
        for (Step step : steps) {
            RunSettings s = all.withSubfields(Arrays.stream(all.subfields()).filter(x -> !failed.contains(x)).toArray());
            if (s.subfields().length == 0) {
                out.printf("%-22s skipped (every selected subfield failed)%n", step.name());
                continue;
            }
            ShearType shearType = s.grid().shearType();
            if (!step.appliesTo(shearType)) {
                out.printf("%-22s skipped (a %s-shear step; branch.shear-type = %s)%n", step.name(),
                        shearType == ShearType.VARIABLE ? "constant" : "variable", shearType.configName());
                continue;
            }
            if (recipe && step.validation() && !validate) {
                out.printf("%-22s skipped (run.validate = false)%n", step.name());
                continue;
            }
            long t0 = System.nanoTime();
            StepCpuMeter cpu = StepCpuMeter.start(context.spark());
            StepOutcome outcome;
            double cpuSeconds;
            try {
                outcome = step.work().run(context.withSettings(s));
            } finally {
                // Read before closing: on a cluster the last task-end events arrive through the listener.
                cpuSeconds = cpu.cpuSeconds();
                cpu.close();
            }
            failures |= !outcome.ok();
            failed.addAll(outcome.failed().keySet());
            double wall = (System.nanoTime() - t0) * 1e-9;
            timings.add(new Timing(step.name(), wall, cpuSeconds, outcome.processed()));
            out.printf("%-22s %s (%.1f s)%n", step.name(), outcome.summary(), wall);
            if (steps.size() == 1) {
                new TreeMap<>(outcome.failed()).forEach((sf, why) -> out.printf("  subfield %d failed: %s%n", sf, why));
            }
        }
        if (steps.size() > 1) {
            printTimings(timings, out);
            printFailures(context, failed);
        }
        return failures;
    }

    /** A step's wall-clock and CPU time ({@link StepCpuMeter}), and the subfields it processed (not skipped). */
    public record Timing(String step, double wallSeconds, double cpuSeconds, int subfields) { }

    /** The benchmark table: CPU seconds per processed subfield for each step. */
    static void printTimings(List<Timing> timings, PrintStream out) {
        out.println();
        out.printf("%-22s %9s %9s %9s %14s%n", "step", "wall [s]", "CPU [s]", "subfields", "CPU-s/subfield");
        for (Timing t : timings) {
            out.printf(Locale.ROOT, "%-22s %9.1f %9.1f %9d %14s%n", t.step(), t.wallSeconds(), t.cpuSeconds(),
                    t.subfields(), t.subfields() == 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                            t.cpuSeconds() / t.subfields()));
        }
    }

    private static void printFailures(StepContext context, TreeSet<Integer> failed) throws IOException {
        if (failed.isEmpty()) {
            return;
        }
        Map<Integer, FailureRecords.Failure> why = FailureRecords.earliest(context.selected().workdir(),
                context.spark().sparkContext().hadoopConfiguration());
        PrintStream out = context.out();
        out.printf("%nfailed subfields (%d of %d; rerun after fixing their input redoes only them):%n", failed.size(),
                context.selected().subfields().length);
        for (int sf : failed) {
            out.printf("  %d  %s%n", sf, why.containsKey(sf) ? why.get(sf) : "(no failure record)");
        }
    }

    /**
     * A step simulating a configured dataset ({@code datasets.<name>}), for the {@code simulate} command;
     * not one of {@link #STEPS}, whose simulations are of the datasets the recipe names.
     */
    public static Step simulation(String dataset) {
        return PipelineSteps.simulation("simulate " + dataset, "the " + dataset + " dataset",
                WorkdirLayout.simulationName(dataset), r -> dataset);
    }
}
