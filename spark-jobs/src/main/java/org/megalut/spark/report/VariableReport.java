package org.megalut.spark.report;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.eval.variable.VariableEvaluation;
import org.megalut.eval.variable.VariableNoiseReference;
import org.megalut.eval.variable.VariableShearMetric;
import org.megalut.plot.VariableShearFigures;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.FigureFiles;

/**
 * The report of a prediction run on a variable-shear branch, from its {@code metrics.json}
 * ({@link VariableEvaluation}): a metrics section with Q_v and its noise reference, the field-averaged
 * M_ap,E differences over the bins Q_v uses, and the per-field residual figure
 * ({@link VariableShearFigures#apertureMassResiduals}); links to the submission, the correlation functions,
 * the reference and the metrics.
 */
public final class VariableReport {

    private VariableReport() { }

    /**
     * Writes {@code report/index.html} of a run.
     *
     * @throws FileNotFoundException when the run has no {@code metrics.json} (run evaluate with --truth)
     */
    public static Path write(PredictionRun run, Configuration conf) throws IOException {
        Path metrics = run.metricsJson();
        FileSystem fs = metrics.getFileSystem(conf);
        if (!fs.exists(metrics)) {
            throw new FileNotFoundException(metrics + ": no metrics; run evaluate (with --truth) first");
        }
        String text;
        try (InputStream in = fs.open(metrics)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        VariableEvaluation.Result r = VariableEvaluation.fromJson(text, metrics.toString());
        Path dir = run.reportDir();
        fs.delete(dir, true);
        fs.mkdirs(dir);
        HtmlPage page = new HtmlPage("MegaLUT report: " + run.label() + " (variable shear)");
        page.paragraph(String.format(Locale.ROOT, "Prediction run '%s' on a variable-shear branch: %d field(s) %s,"
                + " %d galaxies, %d of them without a shear estimate.", run.predcode(), r.fields().length,
                Arrays.toString(r.fields()), r.galaxies(), r.failed()));
        List<String> links = new ArrayList<>();
        for (Path p : List.of(run.metricsJson(), run.submissionTxt(), run.xiTxt(), run.referenceTxt())) {
            if (RunReport.copy(p, new Path(dir, p.getName()), conf)) {
                links.add(p.getName());
                links.add(p.getName());
            }
        }
        page.links(links.toArray(String[]::new));
        metrics(page, r);
        page.section("residuals", "Aperture-mass residuals per field");
        String file = "map-residuals.png";
        int rows = (r.fields().length + 1) / 2;
        if (FigureFiles.write(new Path(dir, file), conf, 1100, 380 * rows + 60,
                () -> VariableShearFigures.apertureMassResiduals(r))) {
            page.image(file, "M_ap,E submitted minus reference per field");
        } else {
            page.warning("The figure " + file + " could not be drawn (see the log).");
        }
        page.note("Error bars: the submission's shape-noise error σ_map of ⟨M_ap²⟩ (corr2's estimate). Q_v averages"
                + " the differences over the fields, then their absolute values over θ_3..θ_12.");
        Path index = new Path(dir, "index.html");
        byte[] html = page.html().getBytes(StandardCharsets.UTF_8);
        AtomicWrite.stream(index, conf, out -> out.write(html));
        return index;
    }

    private static void metrics(HtmlPage page, VariableEvaluation.Result r) {
        page.section("metrics", "Metrics");
        VariableNoiseReference.Result n = r.noise();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Q_v (" + r.obstype().configName() + ")", String.format(Locale.ROOT, "%.1f", r.metric().qv())));
        rows.add(List.of("noise reference of Q_v: median [min, max]", String.format(Locale.ROOT,
                "%.1f [%.1f, %.1f] over %d realizations", n.median(), n.min(), n.max(), n.realizations())));
        rows.add(List.of("per-galaxy scatter g1, g2 (predicted − observed truth)", String.format(Locale.ROOT,
                "%.4f, %.4f over %d galaxies", n.scatter().sigma1(), n.scatter().sigma2(), n.scatter().galaxies())));
        rows.add(List.of("mean |⟨ΔM_ap,E⟩_fields| over θ", String.format(Locale.ROOT, "%.3e", r.metric().meanAbsDiff())));
        rows.add(List.of("maximum Q_v (submission = reference)", String.format(Locale.ROOT, "%.1f",
                VariableShearMetric.qv(0, r.obstype()))));
        page.table(List.of("quantity", "value"), rows);
        double[] theta = r.reference().theta();
        double[] d = r.metric().meanDiff();
        List<List<String>> perTheta = new ArrayList<>();
        for (int k = 0; k < d.length; k++) {
            perTheta.add(List.of(String.format(Locale.ROOT, "%.4f", theta[VariableShearMetric.FIRST_USED_BIN + k]),
                    String.format(Locale.ROOT, "%+.3e", d[k])));
        }
        page.table(List.of("θ [deg]", "⟨M_ap,E submitted − reference⟩ over fields"), perTheta);
        page.note("The noise reference is Q_v of catalogues made of the observed truth (intrinsic shape sheared by"
                + " the true shear) plus Gaussian noise of the measured per-galaxy scatter, with the run's failures"
                + " and weights: what an unbiased estimator as noisy as this one scores on the same fields.");
    }
}
