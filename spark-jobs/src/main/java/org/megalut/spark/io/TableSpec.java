package org.megalut.spark.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table declared once as its ordered columns: the Spark schema, the row of a Java value {@code T}
 * and, when the table is read back, the value of a row (decoded by column name, so the file's column
 * order does not matter). Building a row calls one lambda per column; no reflection.
 *
 * @param <T> the Java value one row holds
 */
public final class TableSpec<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Builds a value from the cells of a row of the table. */
    @FunctionalInterface
    public interface Decoder<T> extends Serializable {
        T decode(RowCells cells);
    }

    private final String table;
    private final List<ColumnSpec<T>> columns;
    private final Set<String> names;
    private final StructType schema;
    private final Decoder<T> decoder;

    private TableSpec(String table, List<ColumnSpec<T>> columns, Decoder<T> decoder) {
        this.table = table;
        this.columns = List.copyOf(columns);
        Set<String> n = new LinkedHashSet<>();
        List<StructField> fields = new ArrayList<>();
        for (ColumnSpec<T> c : this.columns) {
            if (!n.add(c.name())) {
                throw new IllegalArgumentException(table + ": column '" + c.name() + "' is declared twice");
            }
            fields.add(c.field());
        }
        this.names = Set.copyOf(n);
        this.schema = DataTypes.createStructType(fields);
        this.decoder = decoder;
    }

    /** Starts the declaration of a table; {@code table} names it in error messages. */
    public static <T> Builder<T> builder(String table) {
        return new Builder<>(table);
    }

    /** The table's name in error messages. */
    public String table() {
        return table;
    }

    public List<ColumnSpec<T>> columns() {
        return columns;
    }

    /** The Spark schema: the columns in declaration order. */
    public StructType schema() {
        return schema;
    }

    /**
     * The cells of a value, in column order.
     *
     * @throws IllegalArgumentException when a non-nullable column's cell is null
     */
    public Object[] values(T value) {
        Object[] out = new Object[columns.size()];
        for (int i = 0; i < out.length; i++) {
            ColumnSpec<T> c = columns.get(i);
            Object v = c.cell().of(value);
            if (v == null && !c.nullable()) {
                throw new IllegalArgumentException(table + ": column '" + c.name() + "' is not nullable, got null");
            }
            out[i] = v;
        }
        return out;
    }

    /** The Spark row of a value (without a schema, as {@code createDataFrame} takes them). */
    public Row row(T value) {
        return RowFactory.create(values(value));
    }

    /**
     * The value of a row that has a schema (as read from a file), its cells found by name.
     *
     * @throws UnsupportedOperationException when the spec declares no decoder
     */
    public T decode(Row row) {
        if (decoder == null) {
            throw new UnsupportedOperationException(table + ": the spec declares no decoder");
        }
        return decoder.decode(new RowCells(table, names, row));
    }

    /** Collects the columns of a table in order. */
    public static final class Builder<T> {
        private final String table;
        private final List<ColumnSpec<T>> columns = new ArrayList<>();
        private Decoder<T> decoder;

        private Builder(String table) {
            this.table = table;
        }

        public Builder<T> column(ColumnSpec<T> column) {
            columns.add(column);
            return this;
        }

        /** A non-null int column. */
        public Builder<T> integer(String name, ColumnSpec.Getter<T, Integer> cell) {
            return column(ColumnSpec.integer(name, cell));
        }

        /** A non-null long column. */
        public Builder<T> longInteger(String name, ColumnSpec.Getter<T, Long> cell) {
            return column(ColumnSpec.longInteger(name, cell));
        }

        /** A non-null double column (NaN stored as NaN). */
        public Builder<T> real(String name, ColumnSpec.Getter<T, Double> cell) {
            return column(ColumnSpec.real(name, cell));
        }

        /** A nullable column of the given type. */
        public Builder<T> nullable(String name, DataType type, ColumnSpec.Getter<T, ?> cell) {
            return column(ColumnSpec.nullable(name, type, cell));
        }

        /** A group of columns declared on a part of {@code T} (e.g. a stamp's features), in its order. */
        public <P> Builder<T> group(List<ColumnSpec<P>> group, ColumnSpec.Getter<T, ? extends P> part) {
            for (ColumnSpec<P> c : group) {
                columns.add(c.from(part));
            }
            return this;
        }

        /** How a row read back becomes a value (only for tables that are read by the code). */
        public Builder<T> decoder(Decoder<T> d) {
            this.decoder = d;
            return this;
        }

        public TableSpec<T> build() {
            return new TableSpec<>(table, columns, decoder);
        }
    }
}
