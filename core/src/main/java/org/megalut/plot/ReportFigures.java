package org.megalut.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.megalut.eval.LineFit;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ValidationLeakage;

/**
 * The figures of a prediction run's report (the MegaLUT paper's diagnostics): feature distributions of
 * simulations against observations, per-subfield shear residuals against the true shear and against the
 * PSF ellipticity, and failure fractions per subfield. Every builder takes plain arrays, so the figures
 * are testable without Spark; non-finite values are skipped and an empty panel says "no data".
 */
public final class ReportFigures {

    private ReportFigures() { }

    /**
     * The per-subfield estimates of one shear component (g1, g2, g+ or g×) and their fit.
     *
     * @param name       component and estimate, e.g. "g1, weighted"
     * @param truthLabel x-axis label
     * @param truth      true shear per subfield
     * @param estimate   estimated shear per subfield (NaN = none)
     * @param fit        the fit Δg = c + m·g to draw and note (m, c with errors, RMSD), or null for none
     */
    public record Residuals(String name, String truthLabel, double[] truth, double[] estimate, ShearBias fit) {

        public Residuals {
            XyPanel.checkLengths(truth, estimate);
        }
    }

    /**
     * Overlaid normalised histograms of each feature in several samples (e.g. observations and a training
     * simulation), one panel per feature, three per row.
     *
     * @param features the features to draw, in order (panel titles and x labels)
     * @param samples  sample name → feature → values, in legend order; a feature missing from a sample is
     *                 left out of that panel
     */
    public static PanelGrid featureHistograms(String title, List<String> features, Map<String, Map<String, double[]>> samples) {
        int cols = Math.min(3, Math.max(1, features.size()));
        PanelGrid g = new PanelGrid(Math.max(1, (features.size() + cols - 1) / cols), cols, title);
        for (String f : features) {
            HistogramPanel p = new HistogramPanel(f, f).bins(40);
            samples.forEach((name, values) -> {
                double[] v = values.get(f);
                if (v != null) {
                    p.sample(name, v);
                }
            });
            g.add(p);
        }
        return g;
    }

    /**
     * Residuals Δg = estimate − truth against the true shear, one row per component with the weighted and
     * the unweighted estimates side by side (or one column when only one list is given).
     *
     * @param left  one entry per component (e.g. weighted)
     * @param right the same components (e.g. unweighted), or an empty list
     * @throws IllegalArgumentException when both lists are non-empty and differ in length
     */
    public static PanelGrid residuals(String title, List<Residuals> left, List<Residuals> right) {
        if (!right.isEmpty() && right.size() != left.size()) {
            throw new IllegalArgumentException("residual columns differ in length: " + left.size() + " and " + right.size());
        }
        int cols = right.isEmpty() ? 1 : 2;
        PanelGrid g = new PanelGrid(Math.max(1, left.size()), cols, title);
        for (int i = 0; i < left.size(); i++) {
            g.add(panel(left.get(i)));
            if (cols == 2) {
                g.add(panel(right.get(i)));
            }
        }
        return g;
    }

    private static XyPanel panel(Residuals r) {
        return BiasFigures.residuals(r.name(), r.truthLabel(), r.truth(), r.estimate(), r.fit(), "subfields");
    }

    /**
     * Residuals against the PSF ellipticity (PSF leakage): Δg1 and Δg2 against the PSF's g1 and g2 (the
     * direct terms on the diagonal, the cross terms off it), weighted and unweighted estimates as two
     * layers, with the OLS line of the weighted residuals and its slope α (the leakage) noted.
     *
     * @param psfG1      PSF g1 per subfield
     * @param psfG2      PSF g2 per subfield
     * @param weighted   {Δg1, Δg2} of the weighted estimates per subfield
     * @param unweighted {Δg1, Δg2} of the unweighted estimates per subfield
     * @param psfLabel   what the PSF shape is (e.g. "PSF truth g1" or "mean star g1"), used in axis labels
     *                   with the component number appended
     */
    public static PanelGrid psfResiduals(String title, double[] psfG1, double[] psfG2, double[][] weighted,
                                         double[][] unweighted, String psfLabel) {
        PanelGrid g = new PanelGrid(2, 2, title);
        double[][] psf = {psfG1, psfG2};
        for (int k = 0; k < 2; k++) {
            for (int j : new int[] {k, 1 - k}) {
                String x = psfLabel + (j + 1);
                String y = "Δg" + (k + 1);
                XyPanel p = new XyPanel(y + " vs " + x, x, y + " = estimate − truth")
                        .points("weighted", psf[j], weighted[k])
                        .points("unweighted", psf[j], unweighted[k])
                        .straightLine("", 0, 0, LineStyle.colour(7).dashed());
                LineFit f = fitOrNull(psf[j], weighted[k]);
                if (f != null) {
                    p.straightLine("weighted fit", f.intercept(), f.slope(), LineStyle.colour(3))
                            .note(String.format(Locale.ROOT, "α = %+.4f ± %.4f (weighted)", f.slope(), f.slopeError()));
                }
                g.add(p);
            }
        }
        return g;
    }

    /**
     * The PSF leakage from validation simulations: per component, each subfield's weighted c (with its error)
     * against its PSF g of the same component, and the weighted straight line with α noted.
     */
    public static PanelGrid validationLeakage(String title, List<ValidationLeakage.Point> points, String psfLabel) {
        PanelGrid g = new PanelGrid(1, 2, title);
        List<ValidationLeakage> fits = ValidationLeakage.fit(points);
        for (int k = 0; k < 2; k++) {
            boolean one = k == 0;
            double[] e = points.stream().mapToDouble(one ? ValidationLeakage.Point::psfG1 : ValidationLeakage.Point::psfG2)
                    .toArray();
            double[] c = points.stream().mapToDouble(one ? ValidationLeakage.Point::c1 : ValidationLeakage.Point::c2).toArray();
            double[] err = points.stream().mapToDouble(one ? ValidationLeakage.Point::c1Error
                    : ValidationLeakage.Point::c2Error).toArray();
            String x = psfLabel + (k + 1);
            XyPanel p = new XyPanel("c" + (k + 1) + " vs " + x, x, "c" + (k + 1) + " (validation, weighted)")
                    .errorBars("subfields", e, c, err)
                    .straightLine("", 0, 0, LineStyle.colour(7).dashed());
            ValidationLeakage f = fits.get(k);
            if (Double.isFinite(f.alpha())) {
                p.straightLine("weighted fit", f.c0(), f.alpha(), LineStyle.colour(3))
                        .note(String.format(Locale.ROOT, "α = %+.4f ± %.4f, χ² = %.1f / %d", f.alpha(), f.alphaError(),
                                f.chi2(), f.n() - 2));
            }
            g.add(p);
        }
        return g;
    }

    /**
     * Failures per subfield: the fraction of galaxies without a valid prediction and the fraction of stamps
     * with each given measurement flag, as lines on one panel whose y axis starts at 0 (a run without
     * failures shows flat lines at 0, not an axis blown up around a constant).
     *
     * @param subfields       subfield numbers (x axis)
     * @param failureFraction fraction without a valid prediction, per subfield
     * @param flagFractions   flag label → fraction of stamps with that flag, per subfield (same order);
     *                        typically the failure flags only, since flag 0 (measured) is close to 1
     */
    public static XyPanel failures(String title, double[] subfields, double[] failureFraction,
                                   Map<String, double[]> flagFractions) {
        XyPanel p = new XyPanel(title, "subfield", "fraction").integerX()
                .line("no valid prediction", subfields, failureFraction, LineStyle.colour(3));
        double max = max(failureFraction);
        int colour = 0;
        for (Map.Entry<String, double[]> e : flagFractions.entrySet()) {
            p.line("flag " + e.getKey(), subfields, e.getValue(), LineStyle.colour(colour++).dashed());
            max = Math.max(max, max(e.getValue()));
        }
        return p.yRange(0, Math.max(0.01, 1.1 * max));
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return m;
    }

    /** The OLS fit of y on x over the finite pairs, or null with fewer than 3 (no meaningful error). */
    private static LineFit fitOrNull(double[] x, double[] y) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                pairs.add(new double[] {x[i], y[i]});
            }
        }
        if (pairs.size() < 3 || pairs.stream().mapToDouble(p -> p[0]).distinct().count() < 2) {
            return null;
        }
        double[] a = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] b = pairs.stream().mapToDouble(p -> p[1]).toArray();
        return LineFit.megalut(a, b);
    }
}
