package org.megalut.ml.committee;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.megalut.ml.data.LongTable;

/** Adds committee predictions to a long-form table as new columns (NaN where the inputs are masked). */
public final class Predictions {

    private Predictions() { }

    /**
     * The table with one more column per committee output, matched row by row on (case, realization).
     *
     * @throws IllegalArgumentException if a prediction column already exists in the table
     */
    public static LongTable append(LongTable table, Committee committee) {
        CommitteePrediction p = committee.predict(table);
        LongTable pred = p.toLongTable();
        Map<Long, Map<Long, Integer>> index = new HashMap<>();
        for (int r = 0; r < pred.rowCount(); r++) {
            index.computeIfAbsent(pred.caseId(r), k -> new HashMap<>()).put(pred.realizationId(r), r);
        }
        List<String> columns = new ArrayList<>(table.columns());
        for (String c : pred.columns()) {
            if (columns.contains(c)) {
                throw new IllegalArgumentException("the table already has a column " + c);
            }
            columns.add(c);
        }
        LongTable.Builder b = LongTable.builder(columns);
        double[] row = new double[columns.size()];
        int n = table.columns().size();
        for (int r = 0; r < table.rowCount(); r++) {
            for (int i = 0; i < n; i++) {
                row[i] = table.value(r, table.columns().get(i));
            }
            Integer pr = index.getOrDefault(table.caseId(r), Map.of()).get(table.realizationId(r));
            for (int i = 0; i < pred.columns().size(); i++) {
                row[n + i] = pr == null ? Double.NaN : pred.value(pr, pred.columns().get(i));
            }
            b.add(table.caseId(r), table.realizationId(r), row);
        }
        return b.build();
    }
}
