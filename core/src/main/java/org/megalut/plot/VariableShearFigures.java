package org.megalut.plot;

import java.util.Locale;
import org.megalut.eval.variable.VariableEvaluation;
import org.megalut.eval.variable.VariableShearMetric;
import org.megalut.eval.variable.VariableSubmission;

/**
 * Figures of a variable-shear evaluation: per field, the E-mode aperture-mass dispersion submitted minus
 * the reference's against θ, with the submission's shape-noise error σ_map as error bars, the differences
 * Q_v averages over the fields.
 */
public final class VariableShearFigures {
    private static final int COLUMNS = 2;

    private VariableShearFigures() { }

    /**
     * One panel per field (two per row): M_ap,E submitted − reference against log₁₀ θ, ± σ_map, zero
     * dashed; the bins Q_v uses (θ_3..θ_12) are marked in the note.
     */
    public static PanelGrid apertureMassResiduals(VariableEvaluation.Result r) {
        VariableSubmission s = r.submission();
        int[] fields = r.fields();
        int bins = VariableShearMetric.BINS;
        double[] theta = s.theta();
        double[] e = s.mapE();
        double[] sig = s.sigMap();
        double[] ref = r.reference().mapE();
        int rows = (fields.length + COLUMNS - 1) / COLUMNS;
        PanelGrid g = new PanelGrid(rows, Math.min(COLUMNS, fields.length),
                String.format(Locale.ROOT, "M_ap,E submitted − reference per field (Q_v = %.1f)", r.metric().qv()));
        double lo = theta[VariableShearMetric.FIRST_USED_BIN];
        double hi = theta[VariableShearMetric.END_USED_BIN - 1];
        for (int i = 0; i < fields.length; i++) {
            double[] x = new double[bins];
            double[] d = new double[bins];
            double[] err = new double[bins];
            for (int k = 0; k < bins; k++) {
                int row = i * bins + k;
                x[k] = Math.log10(theta[row]);
                d[k] = e[row] - ref[row];
                err[k] = sig[row];
            }
            g.add(new XyPanel("field " + fields[i], "log10 θ [deg]", "ΔM_ap,E")
                    .errorBars("submitted − reference ± σ_map", x, d, err)
                    .straightLine("", 0, 0, LineStyle.colour(7).dashed())
                    .note(String.format(Locale.ROOT, "Q_v uses θ = %.3f° .. %.3f°", lo, hi)));
        }
        return g;
    }
}
