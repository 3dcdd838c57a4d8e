package org.megalut.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.megalut.great3.ObservationType;

/**
 * The evaluation of a prediction run ({@code evaluate}): biases of the per-subfield shears against the truth, weighted
 * (MegaLUT's submission) and unweighted: MegaLUT's own m, c per component (OLS of predicted on true,
 * 68 % errors), GREAT3's m, c in the PSF frame and Q_c, the per-subfield scatter, and the noise floor
 * of Q_c (the median score of an unbiased estimator with that scatter on the same subfields).
 */
public final class BranchEvaluation {
    /** Draws of the noise floor, and their seed (fixed: the floor of given inputs is reproducible). */
    static final int FLOOR_DRAWS = 2000;
    static final long FLOOR_SEED = 2014;

    private BranchEvaluation() { }

    /**
     * Biases of one estimate (weighted or unweighted).
     *
     * @param g1       MegaLUT fit of predicted g1 on true g1 (slope = 1 + m1)
     * @param great3   GREAT3's PSF-frame fits (slope = m, intercept = c) and Q_c
     * @param rmsd1    root-mean-square of g_sub − g_true over subfields, component 1
     * @param scatter1 standard deviation of the residuals about the fitted line (the noise part), component 1
     * @param floor    noise floor of Q_c for this scatter
     * @param leakage1 PSF leakage of component 1 (α of the PSF's g1)
     * @param leakage2 PSF leakage of component 2
     */
    public record Bias(LineFit g1, LineFit g2, ConstantShearMetric.Result great3, double rmsd1, double rmsd2,
                       double scatter1, double scatter2, NoiseFloor.Result floor, Leakage leakage1,
                       Leakage leakage2) { }

    /**
     * PSF leakage of one shear component: α of the joint fit g_sub − g_true = c + m g_true + α e_psf over the
     * subfields (ordinary least squares; e_psf the PSF's g of the same component, GREAT3's truth when known),
     * with 68 % errors from the fit's residual variance (n − 3 degrees of freedom); NaN with fewer than four
     * subfields or a PSF that does not vary.
     */
    public record Leakage(double alpha, double alphaError) { }

    /** The evaluation of a grouped run of a branch of the given observation type (which sets Q_c's σ²_min). */
    public record Result(ObservationType obstype, Bias weighted, Bias unweighted, int subfields, long galaxies,
                         double failureFraction) { }

    /**
     * @param obstype the branch's observation type
     * @throws IllegalStateException when fewer than three subfields have truth
     */
    public static Result evaluate(List<GroupedSubfield> rows, ObservationType obstype) {
        List<GroupedSubfield> with = evaluated(rows);
        if (with.size() < 3) {
            throw new IllegalStateException("evaluation needs at least 3 subfields with truth and predictions, found "
                    + with.size() + " (give --truth DIR)");
        }
        long galaxies = with.stream().mapToLong(GroupedSubfield::galaxies).sum();
        long total = with.stream().mapToLong(GroupedSubfield::total).sum();
        return new Result(obstype, bias(with, true, obstype), bias(with, false, obstype), with.size(), galaxies,
                total == 0 ? Double.NaN : 1.0 - galaxies / (double) total);
    }

    /** The rows an evaluation uses: subfields with a true shear and a weighted estimate. */
    public static List<GroupedSubfield> evaluated(List<GroupedSubfield> rows) {
        return rows.stream().filter(r -> Double.isFinite(r.trueG1()) && Double.isFinite(r.s1w())).toList();
    }

    private static Bias bias(List<GroupedSubfield> with, boolean weighted, ObservationType obstype) {
        int n = with.size();
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        double[] p1 = new double[n];
        double[] p2 = new double[n];
        double[] q1 = new double[n];
        double[] q2 = new double[n];
        for (int i = 0; i < n; i++) {
            GroupedSubfield r = with.get(i);
            t1[i] = r.trueG1();
            t2[i] = r.trueG2();
            p1[i] = weighted ? r.s1w() : r.s1();
            p2[i] = weighted ? r.s2w() : r.s2();
            q1[i] = r.frameG1();
            q2[i] = r.frameG2();
        }
        LineFit f1 = LineFit.megalut(t1, p1);
        LineFit f2 = LineFit.megalut(t2, p2);
        double s1 = residualStd(t1, p1, f1);
        double s2 = residualStd(t2, p2, f2);
        NoiseFloor.Result floor = NoiseFloor.of(t1, t2, q1, q2, s1, s2, obstype, FLOOR_DRAWS, FLOOR_SEED);
        return new Bias(f1, f2, ConstantShearMetric.evaluate(t1, t2, p1, p2, q1, q2, obstype),
                rmsd(t1, p1), rmsd(t2, p2), s1, s2, floor, leakage(t1, p1, q1), leakage(t2, p2, q2));
    }

    /** α of Δg = c + m t + α e over the subfields (see {@link Leakage}). */
    static Leakage leakage(double[] t, double[] p, double[] psf) {
        int n = t.length;
        if (n < 4) {
            return new Leakage(Double.NaN, Double.NaN);
        }
        double[] dg = new double[n];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            dg[i] = p[i] - t[i];
            x[i] = new double[] {t[i], psf[i]};
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(dg, x);
        try {
            // parameters: intercept c, m, α
            return new Leakage(ols.estimateRegressionParameters()[2], ols.estimateRegressionParametersStandardErrors()[2]);
        } catch (SingularMatrixException e) {
            return new Leakage(Double.NaN, Double.NaN);
        }
    }

    private static double rmsd(double[] t, double[] p) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += (p[i] - t[i]) * (p[i] - t[i]);
        }
        return Math.sqrt(s / t.length);
    }

    /** Standard deviation of the residuals about the fitted line, n − 2 degrees of freedom. */
    private static double residualStd(double[] t, double[] p, LineFit f) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double r = p[i] - f.intercept() - f.slope() * t[i];
            s += r * r;
        }
        return Math.sqrt(s / (t.length - 2));
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "evaluate: %d subfields, %d galaxies with predictions (%.2f %% without)%n",
                r.subfields(), r.galaxies(), 100 * r.failureFraction());
        print("weighted", r.weighted(), r.obstype(), out);
        print("unweighted", r.unweighted(), r.obstype(), out);
    }

    private static void print(String name, Bias b, ObservationType obstype, PrintStream out) {
        out.printf(Locale.ROOT, "  %s:%n", name);
        out.printf(Locale.ROOT, "    m1 = %+.4f +/- %.4f   c1 = %+.5f +/- %.5f%n", b.g1().slope() - 1, b.g1().slopeError(),
                b.g1().intercept(), b.g1().interceptError());
        out.printf(Locale.ROOT, "    m2 = %+.4f +/- %.4f   c2 = %+.5f +/- %.5f%n", b.g2().slope() - 1, b.g2().slopeError(),
                b.g2().intercept(), b.g2().interceptError());
        ConstantShearMetric.Result g = b.great3();
        out.printf(Locale.ROOT, "    PSF frame: m+ = %+.4f +/- %.4f, c+ = %+.5f +/- %.5f, mx = %+.4f +/- %.4f,"
                + " cx = %+.5f +/- %.5f%n", g.plus().slope(), g.plus().slopeError(), g.plus().intercept(),
                g.plus().interceptError(), g.cross().slope(), g.cross().slopeError(), g.cross().intercept(),
                g.cross().interceptError());
        out.printf(Locale.ROOT, "    scatter per subfield: %.2e, %.2e (rmsd %.2e, %.2e)%n", b.scatter1(), b.scatter2(),
                b.rmsd1(), b.rmsd2());
        out.printf(Locale.ROOT, "    PSF leakage: alpha1 = %+.4f +/- %.4f   alpha2 = %+.4f +/- %.4f%n",
                b.leakage1().alpha(), b.leakage1().alphaError(), b.leakage2().alpha(), b.leakage2().alphaError());
        out.printf(Locale.ROOT, "    Q_c (%s) = %.1f   noise floor (unbiased, same scatter): %.1f [%.1f, %.1f]%n",
                obstype.configName(), g.qc(), b.floor().median(), b.floor().low(), b.floor().high());
    }

    /**
     * The metrics as JSON (one object; numbers in shear units), with the selected subfields that could not
     * be evaluated and why.
     */
    public static String json(Result r, String label, Map<Integer, String> failed) throws IOException {
        return json(r, label, failed, Map.of());
    }

    /**
     * The metrics as JSON, as {@link #json(Result, String, Map)}, followed by further sections under their keys
     * (in the map's order), e.g. the population match.
     */
    public static String json(Result r, String label, Map<Integer, String> failed, Map<String, ? extends JsonNode> sections)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("run", label);
        root.put("obstype", r.obstype().configName());
        root.put("subfields", r.subfields());
        var failures = root.putArray("failed_subfields");
        failed.forEach((sf, why) -> failures.addObject().put("subfield", sf).put("reason", why));
        root.put("galaxies", r.galaxies());
        root.put("failure_fraction", r.failureFraction());
        root.set("weighted", node(json, r.weighted()));
        root.set("unweighted", node(json, r.unweighted()));
        sections.forEach(root::set);
        return json.writeValueAsString(root);
    }

    /**
     * GREAT3's metric of a submission as JSON, with the same keys as the PSF-frame part of
     * {@link #json}: obstype, subfields, m_plus, m_plus_err, c_plus, c_plus_err, m_cross, …, qc.
     */
    public static String json(ConstantShearMetric.Result r, ObservationType obstype, int subfields) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("obstype", obstype.configName());
        root.put("subfields", subfields);
        putGreat3(root, r);
        return json.writeValueAsString(root);
    }

    private static void putGreat3(ObjectNode n, ConstantShearMetric.Result g) {
        n.put("m_plus", g.plus().slope()).put("m_plus_err", g.plus().slopeError());
        n.put("c_plus", g.plus().intercept()).put("c_plus_err", g.plus().interceptError());
        n.put("m_cross", g.cross().slope()).put("m_cross_err", g.cross().slopeError());
        n.put("c_cross", g.cross().intercept()).put("c_cross_err", g.cross().interceptError());
        n.put("qc", g.qc());
    }

    private static ObjectNode node(ObjectMapper json, Bias b) {
        ObjectNode n = json.createObjectNode();
        n.put("m1", b.g1().slope() - 1).put("m1_err", b.g1().slopeError());
        n.put("c1", b.g1().intercept()).put("c1_err", b.g1().interceptError());
        n.put("m2", b.g2().slope() - 1).put("m2_err", b.g2().slopeError());
        n.put("c2", b.g2().intercept()).put("c2_err", b.g2().interceptError());
        putGreat3(n, b.great3());
        n.put("scatter1", b.scatter1()).put("scatter2", b.scatter2());
        n.put("rmsd1", b.rmsd1()).put("rmsd2", b.rmsd2());
        n.put("noise_floor_qc", b.floor().median());
        n.put("noise_floor_qc_16", b.floor().low()).put("noise_floor_qc_84", b.floor().high());
        n.put("alpha1", b.leakage1().alpha()).put("alpha1_err", b.leakage1().alphaError());
        n.put("alpha2", b.leakage2().alpha()).put("alpha2_err", b.leakage2().alphaError());
        return n;
    }
}
