package org.megalut.eval;

import java.util.ArrayList;
import java.util.List;
import org.megalut.ml.data.LongTable;

/**
 * Validation of shear estimates on a simulated set with one case per shear (MegaLUT's run_32 on
 * {@code valid-shear}, run_43 on {@code valid-overall}): per component, the per-case mean estimate
 * ({@link CaseMeans}) and its bias against the case shear ({@link ShearBias}), unweighted and, when the
 * component has a weight column, weighted.
 */
public final class ShearValidation {

    private ShearValidation() { }

    /**
     * A shear component's columns.
     *
     * @param name     label, e.g. "g1"
     * @param estimate point-estimate column, e.g. pre_s1
     * @param weight   weight column, e.g. pre_s1w, or null
     * @param truth    true case shear column, e.g. tru_s1
     */
    public record Component(String name, String estimate, String weight, String truth) { }

    /**
     * The validation of one component.
     *
     * @param weighted the weighted fit, or null without a weight column
     */
    public record Result(Component component, CaseMeans cases, ShearBias unweighted, ShearBias weighted) {

        /** Rows of the bias table: unweighted, then weighted if any. */
        public List<BiasTable.Row> rows() {
            List<BiasTable.Row> out = new ArrayList<>();
            out.add(new BiasTable.Row(component.name(), false, unweighted));
            if (weighted != null) {
                out.add(new BiasTable.Row(component.name(), true, weighted));
            }
            return out;
        }
    }

    /**
     * @throws IllegalArgumentException naming the column or the component when a column is missing, the truth
     *     varies within a case, or fewer than 3 cases have an estimate
     */
    public static List<Result> validate(LongTable table, List<Component> components) {
        List<Result> out = new ArrayList<>();
        for (Component c : components) {
            CaseMeans m = CaseMeans.of(table, c.estimate(), c.weight(), c.truth());
            try {
                ShearBias u = ShearBias.fit(m.truth(), m.mean());
                ShearBias w = c.weight() == null ? null : ShearBias.fit(m.truth(), m.weightedMean());
                out.add(new Result(c, m, u, w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("component " + c.name() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** All rows of the bias table of some results. */
    public static List<BiasTable.Row> rows(List<Result> results) {
        List<BiasTable.Row> out = new ArrayList<>();
        results.forEach(r -> out.addAll(r.rows()));
        return out;
    }
}
