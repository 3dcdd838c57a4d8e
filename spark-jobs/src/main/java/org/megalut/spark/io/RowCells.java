package org.megalut.spark.io;

import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The cells of a {@link Row} read by column name, for a {@link TableSpec}'s decoder: only the spec's
 * columns may be read, and a missing column or a null in a non-null read fails naming the table.
 */
public final class RowCells {
    private final String table;
    private final Set<String> columns;
    private final Row row;

    RowCells(String table, Set<String> columns, Row row) {
        this.table = table;
        this.columns = columns;
        this.row = row;
    }

    public int getInt(String column) {
        return row.getInt(present(column));
    }

    public long getLong(String column) {
        return row.getLong(present(column));
    }

    public double getDouble(String column) {
        return row.getDouble(present(column));
    }

    public boolean getBoolean(String column) {
        return row.getBoolean(present(column));
    }

    /** A nullable double column's value, NaN for null. */
    public double doubleOrNaN(String column) {
        int i = index(column);
        return row.isNullAt(i) ? Double.NaN : row.getDouble(i);
    }

    /** Index of a non-null cell. */
    private int present(String column) {
        int i = index(column);
        if (row.isNullAt(i)) {
            throw new IllegalArgumentException(table + ": column '" + column + "' is null where a value is needed");
        }
        return i;
    }

    private int index(String column) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException(table + ": '" + column + "' is not a column of the table's spec "
                    + columns);
        }
        if (row.schema() == null) {
            throw new IllegalArgumentException(table + ": a row without a schema cannot be read by column name");
        }
        try {
            return row.fieldIndex(column);
        } catch (IllegalArgumentException missing) {
            throw new IllegalArgumentException(table + ": the row has no column '" + column + "' (columns "
                    + String.join(", ", row.schema().fieldNames()) + ")", missing);
        }
    }
}
