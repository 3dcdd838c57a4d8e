package org.megalut.spark;

import com.typesafe.config.Config;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.report.RunReport;
import org.megalut.spark.steps.CheckPsfsStep;
import org.megalut.spark.steps.DatasetSettings;
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

    private Pipeline() { }

    /** Whether any selected subfield failed in some step. */
    public static boolean run(SparkSession spark, RunSettings s, Config c, String from, String to, PrintStream out)
            throws Exception {
        int first = index(from == null ? STEPS.get(0) : from);
        int last = index(to == null ? STEPS.get(STEPS.size() - 1) : to);
        boolean failures = false;
        long seed = c.getLong("simulate.seed");
        boolean validate = c.getBoolean("run.validate");
        PredictionRun obs = new PredictionRun(s.workdir(), c.getString("predcode"), PredictionRun.Target.OBS);
        PredictionRun mimic = new PredictionRun(s.workdir(), c.getString("predcode"), PredictionRun.Target.MIMIC);
        for (int i = first; i <= last; i++) {
            String step = STEPS.get(i);
            long t0 = System.nanoTime();
            Summary summary = switch (step) {
                case "measure-stars" -> table(MeasureStarsStep.run(spark, s));
                case "measure-obs" -> table(MeasureObsStep.run(spark, s));
                case "check-psfs" -> new Summary(CheckPsfsStep.run(spark, s, out).size() + " subfields", false);
                case "simulate-train-shear" -> table(SimulateStep.run(spark, s,
                        DatasetSettings.spec(c, c.getString("learn.dataset")), seed));
                case "simulate-train-weight" -> table(SimulateStep.run(spark, s,
                        DatasetSettings.spec(c, c.getString("learn-weights.dataset")), seed));
                case "learn" -> tasks(LearnStep.run(spark, s, c, LearnStep.Kind.SHEAR));
                case "simulate-valid-shear" -> !validate ? NO_VALIDATION : table(SimulateStep.run(spark, s,
                        DatasetSettings.spec(c, ValidateStep.Kind.SHEAR.dataset(c)), seed));
                case "validate" -> !validate ? NO_VALIDATION : validate(spark, s, c, ValidateStep.Kind.SHEAR, out);
                case "predict-for-weights" -> tasks(PredictForWeightsStep.run(spark, s, c));
                case "learn-weights" -> tasks(LearnStep.run(spark, s, c, LearnStep.Kind.WEIGHT));
                case "simulate-valid-overall" -> !validate ? NO_VALIDATION : table(SimulateStep.run(spark, s,
                        DatasetSettings.spec(c, ValidateStep.Kind.WEIGHTS.dataset(c)), seed));
                case "validate-weights" -> !validate ? NO_VALIDATION
                        : validate(spark, s, c, ValidateStep.Kind.WEIGHTS, out);
                case "predict-obs" -> tasks(PredictStep.run(spark, s, c, obs));
                case "group" -> group(spark, s, obs);
                case "evaluate" -> evaluate(spark, obs, out);
                case "simulate-mimic" -> table(SimulateStep.run(spark, s,
                        DatasetSettings.spec(c, PredictStep.MIMIC_DATASET), seed));
                case "mimic" -> mimic(spark, s, c, mimic, out);
                case "report" -> report(spark, c, obs, mimic);
                default -> throw new IllegalStateException(step);
            };
            failures |= summary.failed();
            out.printf("%-22s %s (%.1f s)%n", step, summary.text(), (System.nanoTime() - t0) * 1e-9);
        }
        return failures;
    }

    private static int index(String step) {
        int i = STEPS.indexOf(step);
        if (i < 0) {
            throw new IllegalArgumentException("unknown step '" + step + "'; steps: " + STEPS);
        }
        return i;
    }

    /** A step's one-line report. */
    public record Summary(String text, boolean failed) { }

    private static Summary group(SparkSession spark, RunSettings s, PredictionRun run) throws java.io.IOException {
        return new Summary(GroupStep.run(spark, s, run).size() + " subfields -> " + run.groupCsv(), false);
    }

    /** Evaluates a grouped run when enough subfields have truth, printing and writing its metrics. */
    private static Summary evaluate(SparkSession spark, PredictionRun run, PrintStream out) throws java.io.IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        List<GroupStep.Row> rows = GroupStep.read(run.groupCsv(), conf);
        if (rows.stream().filter(r -> Double.isFinite(r.trueG1())).count() < 3) {
            return new Summary("skipped (needs --truth and at least 3 subfields)", false);
        }
        EvaluateStep.Result r = EvaluateStep.evaluate(rows);
        EvaluateStep.print(r, out);
        EvaluateStep.write(r, run.label(), run.metricsJson(), conf);
        return new Summary("done -> " + run.metricsJson(), false);
    }

    /** The predict → group → evaluate chain on the mimic-great3 simulation, apart from the branch's results. */
    public static Summary mimic(SparkSession spark, RunSettings s, Config c, PredictionRun run, PrintStream out)
            throws java.io.IOException {
        SubfieldTasks.Outcome o = PredictStep.run(spark, s, c, run);
        if (!o.ok()) {
            return tasks(o);
        }
        group(spark, s, run);
        return evaluate(spark, run, out);
    }

    /**
     * The reports of the mimic run, then of the observation run (which links to the mimic one), for those
     * that have a group table.
     */
    private static Summary report(SparkSession spark, Config c, PredictionRun obs, PredictionRun mimic)
            throws java.io.IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        List<String> written = new java.util.ArrayList<>();
        for (PredictionRun run : List.of(mimic, obs)) {
            if (run.groupCsv().getFileSystem(conf).exists(run.groupCsv())) {
                written.add(RunReport.write(spark, run, reportDatasets(c, run)).toString());
            }
        }
        return new Summary(written.isEmpty() ? "skipped (no group table)" : "done -> " + String.join(", ", written),
                false);
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
    private static final Summary NO_VALIDATION = new Summary("skipped (run.validate = false)", false);

    private static Summary validate(SparkSession spark, RunSettings s, Config c, ValidateStep.Kind kind, PrintStream out)
            throws java.io.IOException {
        ValidateStep.Result r = ValidateStep.run(spark, s, c, kind);
        ValidateStep.print(r, out);
        return tasks(r.outcome());
    }

    private static Summary table(SubfieldStepRunner.Outcome o) {
        long rows = o.written().values().stream().mapToLong(Long::longValue).sum();
        return new Summary(o.written().size() + " written (" + rows + " rows), " + o.skipped().size() + " skipped, "
                + o.failed().size() + " failed" + (o.failed().isEmpty() ? "" : " " + o.failed()), !o.ok());
    }

    private static Summary tasks(SubfieldTasks.Outcome o) {
        return new Summary(o.done().size() + " done, " + o.skipped().size() + " skipped, " + o.failed().size()
                + " failed" + (o.failed().isEmpty() ? "" : " " + o.failed()), !o.ok());
    }
}
