package org.megalut.spark.pipeline;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.FailureRecords;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunSettings;
import org.megalut.spark.StepCpuMeter;
import org.megalut.spark.SubfieldStepRunner;
import org.megalut.spark.SubfieldTasks;
import org.megalut.spark.report.RunReport;
import org.megalut.spark.steps.CheckPsfsStep;
import org.megalut.spark.steps.EvaluateStep;
import org.megalut.spark.steps.GroupStep;
import org.megalut.spark.steps.LearnStep;
import org.megalut.spark.steps.MeasureObsStep;
import org.megalut.spark.steps.MeasureStarsStep;
import org.megalut.spark.steps.PredictForWeightsStep;
import org.megalut.spark.steps.PredictStep;
import org.megalut.spark.steps.SimulateStep;
import org.megalut.spark.steps.ValidateStep;

/**
 * The pipeline's steps in order, for {@code run} and {@code demo}. Steps skip the subfields whose outputs
 * are complete and valid, so a run interrupted anywhere is completed by running it again.
 */
public final class Pipeline {

    /** Step names, in order. */
    public static final List<String> STEPS = List.of("measure-stars", "measure-obs", "check-psfs",
            "simulate-train-shear", "simulate-train-weight", "learn", "simulate-valid-shear", "validate",
            "predict-for-weights", "learn-weights", "simulate-valid-overall", "validate-weights", "predict-obs", "group", "evaluate", "simulate-mimic", "mimic", "report");

    /** The last step that reads the branch's files (the simulations read its star fields). */
    public static final String LAST_BRANCH_STEP = "simulate-mimic";

    private Pipeline() { }

    /** Whether any selected subfield failed in some step. */
    public static boolean run(SparkSession spark, RunSettings s, Config c, String from, String to, PrintStream out)
            throws Exception {
        int first = index(from == null ? STEPS.get(0) : from);
        int last = index(to == null ? STEPS.get(STEPS.size() - 1) : to);
        boolean failures = false;
        boolean validate = c.getBoolean("run.validate");
        // A subfield that fails in one step lacks the inputs of the later ones: they go on without it, so
        // its first error is the one reported, and the others still reach group, evaluate and the report.
        TreeSet<Integer> failed = new TreeSet<>();
        RunSettings all = s;
        PredictionRun obs = new PredictionRun(s.workdir(), c.getString("predcode"), PredictionRun.Target.OBS);
        PredictionRun mimic = new PredictionRun(s.workdir(), c.getString("predcode"), PredictionRun.Target.MIMIC);
        List<Timing> timings = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            String step = STEPS.get(i);
            s = all.withSubfields(Arrays.stream(all.subfields()).filter(x -> !failed.contains(x)).toArray());
            if (s.subfields().length == 0) {
                out.printf("%-22s skipped (every selected subfield failed)%n", step);
                continue;
            }
            long t0 = System.nanoTime();
            StepCpuMeter cpu = StepCpuMeter.start(spark);
            Summary summary;
            double cpuSeconds;
            try {
                summary = switch (step) {
                    case "measure-stars" -> table(MeasureStarsStep.run(spark, s));
                    case "measure-obs" -> table(MeasureObsStep.run(spark, s));
                    case "check-psfs" -> checkPsfs(spark, s, out);
                    case "simulate-train-shear" -> table(SimulateStep.run(spark, s, c, c.getString("learn.dataset")));
                    case "simulate-train-weight" ->
                            table(SimulateStep.run(spark, s, c, c.getString("learn-weights.dataset")));
                    case "learn" -> tasks(LearnStep.run(spark, s, c, LearnStep.Kind.SHEAR));
                    case "simulate-valid-shear" -> !validate ? NO_VALIDATION
                            : table(SimulateStep.run(spark, s, c, ValidateStep.Kind.SHEAR.dataset(c)));
                    case "validate" -> !validate ? NO_VALIDATION : validate(spark, s, c, ValidateStep.Kind.SHEAR, out);
                    case "predict-for-weights" -> tasks(PredictForWeightsStep.run(spark, s, c));
                    case "learn-weights" -> tasks(LearnStep.run(spark, s, c, LearnStep.Kind.WEIGHT));
                    case "simulate-valid-overall" -> !validate ? NO_VALIDATION
                            : table(SimulateStep.run(spark, s, c, ValidateStep.Kind.WEIGHTS.dataset(c)));
                    case "validate-weights" -> !validate ? NO_VALIDATION
                            : validate(spark, s, c, ValidateStep.Kind.WEIGHTS, out);
                    case "predict-obs" -> tasks(PredictStep.run(spark, s, c, obs));
                    // grouping sees every selected subfield, to list the failed ones with their reasons
                    case "group" -> group(spark, all, obs);
                    case "evaluate" -> evaluate(spark, obs, out);
                    case "simulate-mimic" -> table(SimulateStep.run(spark, s, c, PredictStep.MIMIC_DATASET));
                    case "mimic" -> mimic(spark, s, all, c, mimic, out);
                    case "report" -> report(spark, s, c, obs, mimic);
                    default -> throw new IllegalStateException(step);
                };
            } finally {
                // Read before closing: on a cluster the last task-end events arrive through the listener.
                cpuSeconds = cpu.cpuSeconds();
                cpu.close();
            }
            failures |= summary.failed();
            failed.addAll(summary.failedSubfields());
            double wall = (System.nanoTime() - t0) * 1e-9;
            timings.add(new Timing(step, wall, cpuSeconds, summary.processed()));
            out.printf("%-22s %s (%.1f s)%n", step, summary.text(), wall);
        }
        printTimings(timings, out);
        if (!failed.isEmpty()) {
            Map<Integer, FailureRecords.Failure> why = FailureRecords.earliest(all.workdir(),
                    spark.sparkContext().hadoopConfiguration());
            out.printf("%nfailed subfields (%d of %d; rerun after fixing their input redoes only them):%n", failed.size(),
                    all.subfields().length);
            for (int sf : failed) {
                out.printf("  %d  %s%n", sf, why.containsKey(sf) ? why.get(sf) : "(no failure record)");
            }
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

    /** The position of a step in {@link #STEPS}; an unknown name is an error listing the steps. */
    public static int index(String step) {
        int i = STEPS.indexOf(step);
        if (i < 0) {
            throw new IllegalArgumentException("unknown step '" + step + "'; steps: " + STEPS);
        }
        return i;
    }

    /** A step's one-line report, and how many subfields it processed (not skipped). */
    public record Summary(String text, boolean failed, int processed, Set<Integer> failedSubfields) {
        Summary(String text, boolean failed, int processed) {
            this(text, failed, processed, Set.of());
        }
    }

    private static Summary checkPsfs(SparkSession spark, RunSettings s, PrintStream out) throws IOException {
        int n = CheckPsfsStep.run(spark, s, out).size();
        return new Summary(n + " subfields", false, n);
    }

    private static Summary group(SparkSession spark, RunSettings s, PredictionRun run) throws IOException {
        GroupStep.Grouped g = GroupStep.run(spark, s, run);
        int n = g.rows().size();
        return new Summary(n + " subfields -> " + run.groupCsv() + (g.failed().isEmpty() ? ""
                : ", " + g.failed().size() + " left out " + g.failed().keySet()), !g.failed().isEmpty(), n,
                g.failed().keySet());
    }

    /** Evaluates a grouped run when enough subfields have truth, printing and writing its metrics. */
    private static Summary evaluate(SparkSession spark, PredictionRun run, PrintStream out) throws IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        List<GroupStep.Row> rows = GroupStep.read(run.groupCsv(), conf);
        if (rows.stream().filter(r -> Double.isFinite(r.trueG1())).count() < 3) {
            return new Summary("skipped (needs --truth and at least 3 subfields)", false, 0);
        }
        EvaluateStep.Result r = EvaluateStep.evaluate(rows);
        EvaluateStep.print(r, out);
        EvaluateStep.write(r, run.label(), GroupStep.readFailed(run, conf), run.metricsJson(), conf);
        return new Summary("done -> " + run.metricsJson(), false, rows.size());
    }

    /**
     * The predict → group → evaluate chain on the mimic-great3 simulation, apart from the branch's results:
     * predictions for the subfields of {@code s}, grouping over all {@code selected} ones (the others are
     * listed as failed).
     */
    public static Summary mimic(SparkSession spark, RunSettings s, RunSettings selected, Config c, PredictionRun run,
                                PrintStream out) throws IOException {
        SubfieldTasks.Outcome o = PredictStep.run(spark, s, c, run);
        if (o.done().isEmpty() && o.skipped().isEmpty()) {
            return tasks(o);
        }
        // The subfields whose predictions failed are left out of the group table and listed in failed.csv.
        group(spark, selected, run);
        Summary e = evaluate(spark, run, out);
        return new Summary(e.text() + (o.ok() ? "" : "; " + o.failed().size() + " failed " + o.failed()),
                e.failed() || !o.ok(), o.done().size() + o.failed().size(), o.failed().keySet());
    }

    /**
     * The reports of the mimic run, then of the observation run (which links to the mimic one), for those
     * that have a group table.
     */
    private static Summary report(SparkSession spark, RunSettings s, Config c, PredictionRun obs, PredictionRun mimic)
            throws IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        List<String> written = new ArrayList<>();
        for (PredictionRun run : List.of(mimic, obs)) {
            if (run.groupCsv().getFileSystem(conf).exists(run.groupCsv())) {
                written.add(RunReport.write(spark, run, reportDatasets(c, run)).toString());
            }
        }
        return new Summary(written.isEmpty() ? "skipped (no group table)" : "done -> " + String.join(", ", written),
                false, written.isEmpty() ? 0 : s.subfields().length);
    }

    /**
     * The simulations whose features a report compares with the observations: the weight-training set and
     * MegaLUT's simobscompa for the observations (when made), the mimic set itself for the mimic run.
     */
    public static List<String> reportDatasets(Config c, PredictionRun run) {
        return run.target() == PredictionRun.Target.MIMIC ? List.of(PredictStep.MIMIC_DATASET)
                : List.of(c.getString("learn-weights.dataset"), "simobscompa");
    }

    /** The report of a validation step that is switched off. */
    private static final Summary NO_VALIDATION = new Summary("skipped (run.validate = false)", false, 0);

    private static Summary validate(SparkSession spark, RunSettings s, Config c, ValidateStep.Kind kind, PrintStream out)
            throws IOException {
        ValidateStep.Result r = ValidateStep.run(spark, s, c, kind);
        ValidateStep.print(r, out);
        return tasks(r.outcome());
    }

    private static Summary table(SubfieldStepRunner.Outcome o) {
        long rows = o.written().values().stream().mapToLong(Long::longValue).sum();
        return new Summary(o.written().size() + " written (" + rows + " rows), " + o.skipped().size() + " skipped, "
                + o.failed().size() + " failed" + (o.failed().isEmpty() ? "" : " " + o.failed()), !o.ok(),
                o.written().size() + o.failed().size(), o.failed().keySet());
    }

    private static Summary tasks(SubfieldTasks.Outcome o) {
        return new Summary(o.done().size() + " done, " + o.skipped().size() + " skipped, " + o.failed().size()
                + " failed" + (o.failed().isEmpty() ? "" : " " + o.failed()), !o.ok(), o.done().size() + o.failed().size(),
                o.failed().keySet());
    }
}
