package org.megalut.ml.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops the cases of a long-form table whose fraction of failed realizations is too high (MegaLUT trains
 * the shear networks only on cases with a measurement failure fraction ≤ 0.1). A realization failed when
 * any of the given feature columns is masked.
 */
public final class CaseFilter {

    private CaseFilter() { }

    /** The table without the cases whose failed fraction exceeds {@code maxFailedFraction}. */
    public static LongTable withoutFailedCases(LongTable table, List<String> features, double maxFailedFraction) {
        Map<Long, int[]> counts = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            int[] totalAndFailed = counts.computeIfAbsent(table.caseId(r), k -> new int[2]);
            totalAndFailed[0]++;
            if (failed(table, r, features)) {
                totalAndFailed[1]++;
            }
        }
        LongTable.Builder b = LongTable.builder(table.columns());
        double[] row = new double[table.columns().size()];
        for (int r = 0; r < table.rowCount(); r++) {
            int[] totalAndFailed = counts.get(table.caseId(r));
            if (totalAndFailed[1] > maxFailedFraction * totalAndFailed[0]) {
                continue;
            }
            for (int i = 0; i < row.length; i++) {
                row[i] = table.value(r, table.columns().get(i));
            }
            b.add(table.caseId(r), table.realizationId(r), row);
        }
        return b.build();
    }

    private static boolean failed(LongTable t, int row, List<String> features) {
        for (String f : features) {
            if (Double.isNaN(t.value(row, f))) {
                return true;
            }
        }
        return false;
    }
}
