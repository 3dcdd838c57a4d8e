package org.megalut.spark.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.megalut.eval.BranchEvaluation;
import org.megalut.eval.LineFit;

/**
 * The metrics of one or more evaluated runs as a table: one row per quantity (m, c per component with
 * their 68 % errors, m and c in the PSF frame with GREAT3's errors, the PSF leakage α per component, Q_c
 * (labelled with the branch's observation type) and its noise floor with the 16–84 % range, per-subfield
 * scatter and RMSD, counts), one column per run and estimate (weighted,
 * unweighted). The numbers are those of {@code metrics.json}.
 */
final class MetricsTable {

    private MetricsTable() { }

    /** Header and rows for runs given as label → evaluation (in column order). */
    static List<List<String>> rows(Map<String, BranchEvaluation.Result> runs) {
        Map<String, Function<BranchEvaluation.Bias, String>> q = new LinkedHashMap<>();
        q.put("m1", b -> pm(b.g1().slope() - 1, b.g1().slopeError(), 4));
        q.put("m2", b -> pm(b.g2().slope() - 1, b.g2().slopeError(), 4));
        q.put("c1", b -> pm(b.g1().intercept(), b.g1().interceptError(), 5));
        q.put("c2", b -> pm(b.g2().intercept(), b.g2().interceptError(), 5));
        q.put("m+ (PSF frame)", b -> slope(b.great3().plus()));
        q.put("m× (PSF frame)", b -> slope(b.great3().cross()));
        q.put("c+ (PSF frame)", b -> pm(b.great3().plus().intercept(), b.great3().plus().interceptError(), 5));
        q.put("c× (PSF frame)", b -> pm(b.great3().cross().intercept(), b.great3().cross().interceptError(), 5));
        q.put("PSF leakage α1", b -> pm(b.leakage1().alpha(), b.leakage1().alphaError(), 4));
        q.put("PSF leakage α2", b -> pm(b.leakage2().alpha(), b.leakage2().alphaError(), 4));
        String obstype = runs.values().stream().map(r -> r.obstype().configName()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse("");
        q.put("Q_c (" + obstype + ")", b -> String.format(Locale.ROOT, "%.1f", b.great3().qc()));
        q.put("noise floor of Q_c [16–84 %]", b -> String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", b.floor().median(),
                b.floor().low(), b.floor().high()));
        q.put("scatter per subfield g1, g2", b -> String.format(Locale.ROOT, "%.2e, %.2e", b.scatter1(), b.scatter2()));
        q.put("RMSD g1, g2", b -> String.format(Locale.ROOT, "%.2e, %.2e", b.rmsd1(), b.rmsd2()));
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, Function<BranchEvaluation.Bias, String>> e : q.entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(e.getKey());
            for (BranchEvaluation.Result r : runs.values()) {
                row.add(e.getValue().apply(r.weighted()));
                row.add(e.getValue().apply(r.unweighted()));
            }
            out.add(row);
        }
        List<String> sub = new ArrayList<>(List.of("subfields"));
        List<String> gal = new ArrayList<>(List.of("galaxies with a prediction (fraction without)"));
        for (BranchEvaluation.Result r : runs.values()) {
            for (int k = 0; k < 2; k++) {
                sub.add(Integer.toString(r.subfields()));
                gal.add(String.format(Locale.ROOT, "%d (%.2f %%)", r.galaxies(), 100 * r.failureFraction()));
            }
        }
        out.add(sub);
        out.add(gal);
        return out;
    }

    static List<String> header(Map<String, BranchEvaluation.Result> runs) {
        List<String> h = new ArrayList<>(List.of("quantity"));
        for (String label : runs.keySet()) {
            h.add(label + " weighted");
            h.add(label + " unweighted");
        }
        return h;
    }

    private static String slope(LineFit f) {
        return pm(f.slope(), f.slopeError(), 4);
    }

    /** v ± err, or a dash when the value could not be fitted (NaN). */
    private static String pm(double v, double err, int digits) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%+." + digits + "f ± %." + digits + "f", v, err);
    }
}
