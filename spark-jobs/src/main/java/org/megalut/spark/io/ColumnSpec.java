package org.megalut.spark.io;

import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a table: its name, Spark type and nullability, and the cell a Java value {@code T}
 * gives it. A cell is the boxed value Spark expects for the type (Integer for int, Long for long,
 * Double for double, Boolean for boolean), or null in a nullable column.
 *
 * @param name     column name
 * @param type     Spark type
 * @param nullable whether the cell may be null
 * @param cell     the cell of a value; a lambda, serializable so that a spec can travel in Spark closures
 * @param <T>      the Java value a row is built from
 */
public record ColumnSpec<T>(String name, DataType type, boolean nullable, Cell<T> cell) implements Serializable {

    /** The cell of a value (boxed, or null in a nullable column). */
    @FunctionalInterface
    public interface Cell<T> extends Serializable {
        Object of(T value);
    }

    /** An int cell. */
    @FunctionalInterface
    public interface IntCell<T> extends Serializable {
        int of(T value);
    }

    /** A long cell. */
    @FunctionalInterface
    public interface LongCell<T> extends Serializable {
        long of(T value);
    }

    /** A double cell. */
    @FunctionalInterface
    public interface DoubleCell<T> extends Serializable {
        double of(T value);
    }

    /** A boolean cell. */
    @FunctionalInterface
    public interface BooleanCell<T> extends Serializable {
        boolean of(T value);
    }

    /** The part of a larger value that a group of columns is read from. */
    @FunctionalInterface
    public interface Part<W, T> extends Serializable {
        T of(W whole);
    }

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type of column " + name);
        Objects.requireNonNull(cell, "cell of column " + name);
    }

    /** A non-null int column. */
    public static <T> ColumnSpec<T> integer(String name, IntCell<T> cell) {
        return new ColumnSpec<>(name, DataTypes.IntegerType, false, v -> cell.of(v));
    }

    /** A non-null long column. */
    public static <T> ColumnSpec<T> longInteger(String name, LongCell<T> cell) {
        return new ColumnSpec<>(name, DataTypes.LongType, false, v -> cell.of(v));
    }

    /** A non-null double column; NaN and infinities are stored as they are. */
    public static <T> ColumnSpec<T> real(String name, DoubleCell<T> cell) {
        return new ColumnSpec<>(name, DataTypes.DoubleType, false, v -> cell.of(v));
    }

    /** A non-null boolean column. */
    public static <T> ColumnSpec<T> bool(String name, BooleanCell<T> cell) {
        return new ColumnSpec<>(name, DataTypes.BooleanType, false, v -> cell.of(v));
    }

    /** A nullable column whose cell is the boxed value of {@code type} or null. */
    public static <T> ColumnSpec<T> nullable(String name, DataType type, Cell<T> cell) {
        return new ColumnSpec<>(name, type, true, cell);
    }

    /** The Spark field of the column. */
    public StructField field() {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** The same column filled from the part of a larger value that {@code part} picks. */
    public <W> ColumnSpec<W> from(Part<W, T> part) {
        Cell<T> own = cell;
        return new ColumnSpec<>(name, type, nullable, w -> own.of(part.of(w)));
    }
}
