package org.megalut.ml.committee;

import java.util.ArrayList;
import java.util.List;
import org.megalut.ml.data.LongTable;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;

/**
 * Committee predictions for a {@link LongTable}: per (realization slot, output, case) values (NaN where the
 * realization is masked), per-case means over the unmasked realizations (NaN when all are masked), the case and
 * realization ids of the indices, and the output column names.
 */
public record CommitteePrediction(List<String> columns, long[] caseIds, long[] realizationIds, boolean[] present,
                                  Tensor3 values, Tensor2 caseMeans) {

    public CommitteePrediction {
        columns = List.copyOf(columns);
        caseIds = caseIds.clone();
        realizationIds = realizationIds.clone();
        present = present.clone();
    }

    /** The prediction of {@code output} for case index c and realization slot r (NaN if masked). */
    public double value(int c, int r, int output) {
        return values.get(r, output, c);
    }

    /** The per-case mean of {@code output} over unmasked realizations. */
    public double caseMean(int c, int output) {
        return caseMeans.get(output, c);
    }

    /**
     * The predictions in long form: one row per (case, realization) of the input table, the prediction columns,
     * NaN where masked.
     */
    public LongTable toLongTable() {
        LongTable.Builder b = LongTable.builder(columns);
        double[] row = new double[columns.size()];
        for (int c = 0; c < caseIds.length; c++) {
            for (int r = 0; r < realizationIds.length; r++) {
                if (present[r * caseIds.length + c]) {
                    for (int o = 0; o < row.length; o++) {
                        row[o] = values.get(r, o, c);
                    }
                    b.add(caseIds[c], realizationIds[r], row);
                }
            }
        }
        return b.build();
    }

    /** Per-case means in long form: one row per case with realization id 0, columns "&lt;prediction&gt;_mean". */
    public LongTable caseMeansTable() {
        List<String> names = new ArrayList<>();
        columns.forEach(col -> names.add(col + "_mean"));
        LongTable.Builder b = LongTable.builder(names);
        double[] row = new double[columns.size()];
        for (int c = 0; c < caseIds.length; c++) {
            for (int o = 0; o < row.length; o++) {
                row[o] = caseMeans.get(o, c);
            }
            b.add(caseIds[c], 0L, row);
        }
        return b.build();
    }
}
