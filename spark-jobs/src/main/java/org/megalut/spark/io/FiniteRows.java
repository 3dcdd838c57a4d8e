package org.megalut.spark.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;

/** The selection of catalogue rows whose given columns are all finite (failed measurements have null moments). */
public final class FiniteRows {

    private FiniteRows() { }

    /** True for the rows whose given columns are all finite numbers. */
    public static Column allFinite(List<String> columns) {
        Column finite = lit(true);
        for (String f : columns) {
            // In Spark SQL NaN sorts above every double and null compares as unknown, so this keeps only
            // finite values (null, NaN and ±∞ out).
            finite = finite.and(col(f).cast("double").between(-Double.MAX_VALUE, Double.MAX_VALUE));
        }
        return finite;
    }
}
