package org.megalut.ml.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A long-form table: one row per (case, realization) with named double columns; NaN (or a null passed to
 * {@link Builder#addNullable}) means masked. This is how catalogs arrive from the pipeline (one row
 * per simulated stamp), and {@link #tensors} turns it into Tenbilac's dense (realization, feature, case) arrays.
 * Column storage is primitive. Immutable once built.
 */
public final class LongTable {
    private final List<String> columns;
    private final Map<String, Integer> columnIndex;
    private final long[] caseIds;
    private final long[] realizationIds;
    private final double[][] values;

    private LongTable(List<String> columns, long[] caseIds, long[] realizationIds, double[][] values) {
        this.columns = List.copyOf(columns);
        this.columnIndex = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columnIndex.put(columns.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate column '" + columns.get(i) + "'");
            }
        }
        this.caseIds = caseIds;
        this.realizationIds = realizationIds;
        this.values = values;
    }

    /** A builder for a table with the given value columns (case and realization ids are separate). */
    public static Builder builder(List<String> columns) {
        return new Builder(columns, 256);
    }

    /**
     * A builder sized for {@code expectedRows} rows: a table whose row count is known in advance (a Parquet
     * footer holds it) is filled without the copies of a growing builder, which double its peak memory.
     */
    public static Builder builder(List<String> columns, int expectedRows) {
        if (expectedRows < 0) {
            throw new IllegalArgumentException("expected rows must be >= 0, got " + expectedRows);
        }
        return new Builder(columns, Math.max(expectedRows, 1));
    }

    /**
     * The table restricted to these value columns, in this order: the same rows and ids; the column arrays are
     * shared, not copied (a table never changes).
     *
     * @throws IllegalArgumentException for a column the table does not have
     */
    public LongTable select(List<String> names) {
        double[][] cols = new double[names.size()][];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = values[column(names.get(i))];
        }
        return new LongTable(names, caseIds, realizationIds, cols);
    }

    /** Value column names, in order. */
    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return caseIds.length;
    }

    public long caseId(int row) {
        return caseIds[row];
    }

    public long realizationId(int row) {
        return realizationIds[row];
    }

    /** The value of {@code column} in {@code row}; NaN if masked. */
    public double value(int row, String column) {
        return values[column(column)][row];
    }

    private int column(String name) {
        Integer i = columnIndex.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + name + "' in table; columns: " + columns);
        }
        return i;
    }

    /**
     * Dense tensors for the given columns. Cases are the distinct case ids in ascending order; realization slot r
     * is the r-th distinct realization id (ascending) of the whole table. A (case, realization) pair without a row,
     * or with a masked feature or aux value, is a masked realization.
     *
     * @param targets target columns (may be empty: no targets); each must be constant and unmasked over the rows
     *     of a case
     * @param aux aux-input columns (may be empty)
     * @throws IllegalArgumentException for unknown columns, duplicate (case, realization) rows, or targets that are
     *     masked or vary within a case
     */
    public TableTensors tensors(List<String> features, List<String> targets, List<String> aux) {
        if (rowCount() == 0) {
            throw new IllegalArgumentException("the table is empty");
        }
        long[] cases = Arrays.stream(caseIds).distinct().sorted().toArray();
        long[] reas = Arrays.stream(realizationIds).distinct().sorted().toArray();
        int nc = cases.length;
        int nr = reas.length;
        int[] caseOf = new int[rowCount()];
        int[] reaOf = new int[rowCount()];
        boolean[] present = new boolean[nr * nc];
        for (int row = 0; row < rowCount(); row++) {
            caseOf[row] = Arrays.binarySearch(cases, caseIds[row]);
            reaOf[row] = Arrays.binarySearch(reas, realizationIds[row]);
            int slot = reaOf[row] * nc + caseOf[row];
            if (present[slot]) {
                throw new IllegalArgumentException("duplicate row for case " + caseIds[row] + ", realization "
                        + realizationIds[row]);
            }
            present[slot] = true;
        }
        Tensor3 x = fill3(features, nr, nc, caseOf, reaOf);
        Tensor3 a = aux.isEmpty() ? null : fill3(aux, nr, nc, caseOf, reaOf);
        Tensor2 t = targets.isEmpty() ? null : fillTargets(targets, nc, cases, caseOf);
        return new TableTensors(cases, reas, present, NetworkData.of(x, t, a));
    }

    private Tensor3 fill3(List<String> names, int nr, int nc, int[] caseOf, int[] reaOf) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no feature columns given");
        }
        Tensor3 t = new Tensor3(nr, names.size(), nc);
        Arrays.fill(t.data(), Double.NaN);
        for (int i = 0; i < names.size(); i++) {
            double[] col = values[column(names.get(i))];
            for (int row = 0; row < rowCount(); row++) {
                t.set(reaOf[row], i, caseOf[row], col[row]);
            }
        }
        return t;
    }

    private Tensor2 fillTargets(List<String> names, int nc, long[] cases, int[] caseOf) {
        Tensor2 t = new Tensor2(names.size(), nc);
        Arrays.fill(t.data(), Double.NaN);
        for (int l = 0; l < names.size(); l++) {
            double[] col = values[column(names.get(l))];
            for (int row = 0; row < rowCount(); row++) {
                double v = col[row];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("target '" + names.get(l) + "' is masked in case "
                            + caseIds[row] + ", realization " + realizationIds[row]);
                }
                double old = t.get(l, caseOf[row]);
                if (!Double.isNaN(old) && old != v) {
                    throw new IllegalArgumentException("target '" + names.get(l) + "' varies within case "
                            + cases[caseOf[row]] + ": " + old + " and " + v);
                }
                t.set(l, caseOf[row], v);
            }
        }
        return t;
    }

    /** Accumulates rows. */
    public static final class Builder {
        private final List<String> columns;
        private long[] caseIds;
        private long[] realizationIds;
        private final List<double[]> values = new ArrayList<>();
        private int n;

        private Builder(List<String> columns, int capacity) {
            this.columns = List.copyOf(columns);
            caseIds = new long[capacity];
            realizationIds = new long[capacity];
            for (int i = 0; i < columns.size(); i++) {
                values.add(new double[capacity]);
            }
        }

        /**
         * Adds a row; NaN marks a masked value.
         *
         * @throws IllegalArgumentException if the number of values differs from the number of columns
         */
        public Builder add(long caseId, long realizationId, double... rowValues) {
            if (rowValues.length != columns.size()) {
                throw new IllegalArgumentException("row has " + rowValues.length + " values for columns " + columns);
            }
            if (n == caseIds.length) {
                int cap = 2 * n;
                caseIds = Arrays.copyOf(caseIds, cap);
                realizationIds = Arrays.copyOf(realizationIds, cap);
                for (int i = 0; i < values.size(); i++) {
                    values.set(i, Arrays.copyOf(values.get(i), cap));
                }
            }
            caseIds[n] = caseId;
            realizationIds[n] = realizationId;
            for (int i = 0; i < rowValues.length; i++) {
                values.get(i)[n] = rowValues[i];
            }
            n++;
            return this;
        }

        /** Adds a row; null marks a masked value (as a null Parquet field). */
        public Builder addNullable(long caseId, long realizationId, Double... rowValues) {
            double[] v = new double[rowValues.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = rowValues[i] == null ? Double.NaN : rowValues[i];
            }
            return add(caseId, realizationId, v);
        }

        /**
         * The table. A builder filled to exactly its capacity hands over its arrays without copying them; a row
         * added afterwards grows the builder into new arrays, so the table never changes.
         */
        public LongTable build() {
            double[][] cols = new double[values.size()][];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = trimmed(values.get(i));
            }
            return new LongTable(columns, trimmed(caseIds), trimmed(realizationIds), cols);
        }

        private double[] trimmed(double[] a) {
            return a.length == n ? a : Arrays.copyOf(a, n);
        }

        private long[] trimmed(long[] a) {
            return a.length == n ? a : Arrays.copyOf(a, n);
        }
    }
}
