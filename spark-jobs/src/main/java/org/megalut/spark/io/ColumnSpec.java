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
public record ColumnSpec<T>(String name, DataType type, boolean nullable, Getter<T, ?> cell) implements Serializable {

    /**
     * What a value gives: a column's cell, or the part of a larger value that a group of columns is
     * read from. The typed factories take a getter of the boxed type, so a lambda returning {@code int}
     * fits an int column and one returning {@code long} does not.
     */
    @FunctionalInterface
    public interface Getter<T, R> extends Serializable {
        R of(T value);
    }

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type of column " + name);
        Objects.requireNonNull(cell, "cell of column " + name);
    }

    /** A non-null int column. */
    public static <T> ColumnSpec<T> integer(String name, Getter<T, Integer> cell) {
        return new ColumnSpec<>(name, DataTypes.IntegerType, false, cell);
    }

    /** A non-null long column. */
    public static <T> ColumnSpec<T> longInteger(String name, Getter<T, Long> cell) {
        return new ColumnSpec<>(name, DataTypes.LongType, false, cell);
    }

    /** A non-null double column; NaN and infinities are stored as they are. */
    public static <T> ColumnSpec<T> real(String name, Getter<T, Double> cell) {
        return new ColumnSpec<>(name, DataTypes.DoubleType, false, cell);
    }

    /** A non-null boolean column. */
    public static <T> ColumnSpec<T> bool(String name, Getter<T, Boolean> cell) {
        return new ColumnSpec<>(name, DataTypes.BooleanType, false, cell);
    }

    /** A nullable column whose cell is the boxed value of {@code type} or null. */
    public static <T> ColumnSpec<T> nullable(String name, DataType type, Getter<T, ?> cell) {
        return new ColumnSpec<>(name, type, true, cell);
    }

    /** The Spark field of the column. */
    public StructField field() {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** The same column filled from the part of a larger value that {@code part} picks. */
    public <W> ColumnSpec<W> from(Getter<W, ? extends T> part) {
        Getter<T, ?> own = cell;
        return new ColumnSpec<>(name, type, nullable, w -> own.of(part.of(w)));
    }
}
