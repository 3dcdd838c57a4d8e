package org.megalut.plot;

import java.util.List;
import java.util.Locale;
import org.megalut.eval.CaseMeans;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ShearValidation;

/**
 * Residual-versus-truth figures of shear estimates, in the style of MegaLUT's validation and GREAT3
 * plots: per case ĝ − g against g, the fitted line c + m·g, zero, and a note with m, c and RMSD.
 */
public final class BiasFigures {

    private BiasFigures() { }

    /** The note of a fit: m, c with their 68 % errors, RMSD and the number of cases. */
    public static String note(ShearBias b) {
        return String.format(Locale.ROOT, "m = %+.4f ± %.4f%nc = %+.5f ± %.5f%nRMSD = %.5f, %d cases", b.m(), b.mErr(),
                b.c(), b.cErr(), b.rmsd(), b.n());
    }

    /**
     * A panel of residuals ĝ − g against g, with the fit of {@code bias} drawn and noted.
     *
     * @param truth    true shear per case
     * @param estimate estimate per case (NaN = none, skipped)
     * @param bias     the fit to draw, or null for none
     */
    public static XyPanel residuals(String title, String truthLabel, double[] truth, double[] estimate, ShearBias bias) {
        return residuals(title, truthLabel, truth, estimate, bias, "cases");
    }

    /** The same, with the points named in the legend (e.g. "subfields"). */
    public static XyPanel residuals(String title, String truthLabel, double[] truth, double[] estimate, ShearBias bias,
                                    String pointsName) {
        double[] d = new double[truth.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = estimate[i] - truth[i];
        }
        XyPanel p = new XyPanel(title, truthLabel, "estimate − truth").points(pointsName, truth, d)
                .straightLine("", 0, 0, LineStyle.colour(7).dashed());
        if (bias != null) {
            p.straightLine("fit c + m g", bias.c(), bias.m(), LineStyle.colour(3)).note(note(bias));
        }
        return p;
    }

    /**
     * The figure of a validation: one row per component, with the unweighted residuals and, for
     * components with weights, the weighted ones beside them.
     */
    public static PanelGrid validation(String title, List<ShearValidation.Result> results) {
        boolean weighted = results.stream().anyMatch(r -> r.weighted() != null);
        PanelGrid g = new PanelGrid(Math.max(1, results.size()), weighted ? 2 : 1, title);
        for (ShearValidation.Result r : results) {
            CaseMeans m = r.cases();
            String label = "true " + r.component().name() + " (" + r.component().truth() + ")";
            g.add(residuals(r.component().name() + ": unweighted mean " + r.component().estimate(), label, m.truth(),
                    m.mean(), r.unweighted()));
            if (weighted) {
                g.add(r.weighted() == null ? new XyPanel(r.component().name() + ": no weights", label, "")
                        : residuals(r.component().name() + ": weighted mean (" + r.component().weight() + ")", label,
                        m.truth(), m.weightedMean(), r.weighted()));
            }
        }
        return g;
    }
}
