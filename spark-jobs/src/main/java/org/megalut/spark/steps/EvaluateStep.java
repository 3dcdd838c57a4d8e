package org.megalut.spark.steps;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.megalut.eval.ConstantShearMetric;
import org.megalut.eval.LineFit;

/**
 * {@code evaluate}: biases of the weighted per-subfield shears against the truth: MegaLUT's own m, c per
 * component (OLS of predicted on true, 68 % errors) and GREAT3's Q_c with m, c in the PSF frame.
 */
public final class EvaluateStep {

    private EvaluateStep() { }

    /** The evaluation of a grouped run. */
    public record Result(LineFit g1, LineFit g2, ConstantShearMetric.Result great3, int subfields) { }

    /**
     * @throws IllegalStateException when fewer than three subfields have truth
     */
    public static Result evaluate(List<GroupStep.Row> rows) {
        List<GroupStep.Row> with = rows.stream().filter(r -> Double.isFinite(r.trueG1()) && Double.isFinite(r.s1w())).toList();
        if (with.size() < 3) {
            throw new IllegalStateException("evaluation needs at least 3 subfields with truth and predictions, found "
                    + with.size() + " (give --truth DIR)");
        }
        int n = with.size();
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        double[] p1 = new double[n];
        double[] p2 = new double[n];
        double[] q1 = new double[n];
        double[] q2 = new double[n];
        for (int i = 0; i < n; i++) {
            GroupStep.Row r = with.get(i);
            t1[i] = r.trueG1();
            t2[i] = r.trueG2();
            p1[i] = r.s1w();
            p2[i] = r.s2w();
            q1[i] = r.psfG1();
            q2[i] = r.psfG2();
        }
        return new Result(LineFit.megalut(t1, p1), LineFit.megalut(t2, p2),
                ConstantShearMetric.evaluate(t1, t2, p1, p2, q1, q2, ConstantShearMetric.Geometry.GROUND), n);
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "evaluate: %d subfields%n", r.subfields());
        out.printf(Locale.ROOT, "  m1 = %+.4f +/- %.4f   c1 = %+.5f +/- %.5f%n", r.g1().slope() - 1, r.g1().slopeError(),
                r.g1().intercept(), r.g1().interceptError());
        out.printf(Locale.ROOT, "  m2 = %+.4f +/- %.4f   c2 = %+.5f +/- %.5f%n", r.g2().slope() - 1, r.g2().slopeError(),
                r.g2().intercept(), r.g2().interceptError());
        out.printf(Locale.ROOT, "  PSF frame: m+ = %+.4f, c+ = %+.5f, mx = %+.4f, cx = %+.5f%n", r.great3().plus().slope(),
                r.great3().plus().intercept(), r.great3().cross().slope(), r.great3().cross().intercept());
        out.printf(Locale.ROOT, "  Q_c (ground) = %.1f%n", r.great3().qc());
    }
}
