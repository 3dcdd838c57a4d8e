package org.megalut.plot;

import java.util.List;
import java.util.Locale;
import org.megalut.eval.CaseMeans;
import org.megalut.eval.ShearBias;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CostHistory;
import org.megalut.ml.committee.Member;
import org.megalut.ml.committee.MlConfig;
import org.megalut.ml.committee.Predictions;
import org.megalut.ml.data.LongTable;

/** The diagnostic figures of a trained committee (MegaLUT's {@code *_summary.png} and {@code *_selfpred.png}). */
public final class CommitteeFigures {

    private CommitteeFigures() { }

    /**
     * Cost per iteration of every member, training cost (on each loop's minibatch) and validation cost
     * (on the whole validation split) side by side, log scale; the selected members in full colour
     * ("kept" in the legend), the others faint. The x axis counts iterations over all minibatch loops.
     */
    public static PanelGrid costs(Committee committee, String title) {
        XyPanel train = new XyPanel("training cost (minibatch)", "iteration", committee.config().training().cost()).logY();
        XyPanel valid = new XyPanel("validation cost", "iteration", committee.config().training().cost()).logY();
        List<Integer> kept = committee.selected();
        for (Member m : committee.members()) {
            CostHistory h = m.history();
            double[] it = new double[h.size()];
            for (int i = 0; i < it.length; i++) {
                it[i] = i + 1;
            }
            boolean selected = kept.contains(m.index());
            LineStyle style = selected ? LineStyle.colour(m.index()) : LineStyle.colour(m.index()).faint();
            String name = "member " + m.index() + (selected ? " (kept)" : "");
            train.line(name, it, h.trainCost(), style);
            valid.line(name, it, h.valCost(), style);
        }
        return PanelGrid.row(title, train, valid);
    }

    /**
     * Self-prediction on the training table (training and validation cases together).
     * <ul>
     *   <li>A point-estimate committee (no aux input; the shear nets): the per-case mean prediction over
     *       the realizations against the target, and its residual with binned means — the ellipticity
     *       regression a MegaLUT user checks for non-linearity at large |g|.</li>
     *   <li>A weight committee (aux input = the point estimate): the weights are trained so that the
     *       weighted mean point estimate of a case, Σ w ê / Σ w, equals the case's true shear
     *       (msbwsignorm). So the first panel shows that quantity's residual against the true shear, with
     *       the unweighted mean for comparison (the noise bias and calibration the weights absorb), each
     *       with its m and c; the second shows the mean weight against the point estimate's error
     *       |ê − s|, to see that the weights play down the galaxies whose estimates scatter most.</li>
     * </ul>
     *
     * @param table the training table (features, target and aux columns; without the prediction column)
     */
    public static PanelGrid selfPrediction(Committee committee, LongTable table, String title) {
        MlConfig.Data data = committee.config().data();
        String pred = data.predictions().get(0);
        String target = data.targets().get(0);
        LongTable t = Predictions.append(table, committee);
        if (data.aux().isEmpty()) {
            CaseMeans m = CaseMeans.of(t, pred, null, target);
            ShearBias b = fitOrNull(m.truth(), m.mean());
            XyPanel vs = new XyPanel("per-case mean " + pred + " vs " + target, target, pred)
                    .points("cases", m.truth(), m.mean())
                    .straightLine("identity", 0, 1, LineStyle.colour(7).dashed());
            XyPanel res = BiasFigures.residuals("residual per case", target, m.truth(), m.mean(), b);
            double[] d = new double[m.size()];
            double[] x = m.truth();
            double[] y = m.mean();
            for (int i = 0; i < d.length; i++) {
                d[i] = y[i] - x[i];
            }
            res.binnedMeans("binned means", x, d, 10);
            return PanelGrid.row(title, vs, res);
        }
        String estimate = data.aux().get(0);
        CaseMeans m = CaseMeans.of(t, estimate, pred, target);
        ShearBias w = fitOrNull(m.truth(), m.weightedMean());
        ShearBias u = fitOrNull(m.truth(), m.mean());
        double[] dw = new double[m.size()];
        double[] du = new double[m.size()];
        for (int i = 0; i < dw.length; i++) {
            dw[i] = m.weightedMean()[i] - m.truth()[i];
            du[i] = m.mean()[i] - m.truth()[i];
        }
        XyPanel res = new XyPanel("per-case mean " + estimate + " − " + target, target, "estimate − truth")
                .points("unweighted", m.truth(), du).points("weighted by " + pred, m.truth(), dw)
                .straightLine("", 0, 0, LineStyle.colour(7).dashed());
        StringBuilder note = new StringBuilder();
        if (u != null) {
            res.straightLine("", u.c(), u.m(), LineStyle.colour(0).dashed());
            note.append(String.format(Locale.ROOT, "unweighted: m = %+.4f, c = %+.5f%n", u.m(), u.c()));
        }
        if (w != null) {
            res.straightLine("", w.c(), w.m(), LineStyle.colour(1));
            note.append(String.format(Locale.ROOT, "weighted:   m = %+.4f, c = %+.5f", w.m(), w.c()));
        }
        res.note(note.toString().strip());
        double[] err = new double[t.rowCount()];
        double[] wt = new double[t.rowCount()];
        for (int r = 0; r < err.length; r++) {
            err[r] = Math.abs(t.value(r, estimate) - t.value(r, target));
            wt[r] = t.value(r, pred);
        }
        XyPanel weights = new XyPanel("mean weight vs point-estimate error", "|" + estimate + " − " + target + "|", pred)
                .binnedMeans("binned means", err, wt, 15);
        return PanelGrid.row(title, res, weights);
    }

    private static ShearBias fitOrNull(double[] truth, double[] estimate) {
        try {
            return ShearBias.fit(truth, estimate);
        } catch (IllegalArgumentException e) {
            return null; // fewer than 3 cases: the panel shows the points without a fit
        }
    }
}
