package org.megalut.spark;

import com.typesafe.config.Config;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.steps.CheckPsfsStep;
import org.megalut.spark.steps.DatasetSettings;
import org.megalut.spark.steps.EvaluateStep;
import org.megalut.spark.steps.GroupStep;
import org.megalut.spark.steps.LearnStep;
import org.megalut.spark.steps.MeasureObsStep;
import org.megalut.spark.steps.MeasureStarsStep;
import org.megalut.spark.steps.PredictForWeightsStep;
import org.megalut.spark.steps.PredictObsStep;
import org.megalut.spark.steps.SimulateStep;

/**
 * The pipeline's steps in order, for {@code run} and {@code demo}. Steps skip the subfields whose outputs
 * are complete and valid, so a run interrupted anywhere is completed by running it again.
 */
public final class Pipeline {

    /** Step names, in order. */
    public static final List<String> STEPS = List.of("measure-stars", "measure-obs", "check-psfs",
            "simulate-train-shear", "simulate-train-weight", "learn", "predict-for-weights", "learn-weights",
            "predict-obs", "group", "evaluate");

    private Pipeline() { }

    /** Whether any selected subfield failed in some step. */
    public static boolean run(SparkSession spark, RunSettings s, Config c, String from, String to, PrintStream out)
            throws Exception {
        int first = index(from == null ? STEPS.get(0) : from);
        int last = index(to == null ? STEPS.get(STEPS.size() - 1) : to);
        boolean failures = false;
        long seed = c.getLong("simulate.seed");
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
                case "predict-for-weights" -> tasks(PredictForWeightsStep.run(spark, s, c));
                case "learn-weights" -> tasks(LearnStep.run(spark, s, c, LearnStep.Kind.WEIGHT));
                case "predict-obs" -> tasks(PredictObsStep.run(spark, s, c));
                case "group" -> new Summary(GroupStep.run(spark, s).size() + " subfields -> group.csv", false);
                case "evaluate" -> evaluate(spark, s, out);
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
    private record Summary(String text, boolean failed) { }

    private static Summary evaluate(SparkSession spark, RunSettings s, PrintStream out) throws java.io.IOException {
        List<GroupStep.Row> rows = GroupStep.read(new org.apache.hadoop.fs.Path(s.workdir(), "group.csv"),
                spark.sparkContext().hadoopConfiguration());
        if (rows.stream().filter(r -> Double.isFinite(r.trueG1())).count() < 3) {
            return new Summary("skipped (needs --truth and at least 3 subfields)", false);
        }
        EvaluateStep.print(EvaluateStep.evaluate(rows), out);
        return new Summary("done", false);
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
