package org.megalut.spark.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A reproducible subsample of a large catalogue: the rows whose hash of their key columns falls in a fixed
 * fraction, so the same rows are kept on every run and for any partitioning (never "the first rows",
 * which would follow the file order).
 */
public final class RowThinning {
    /** Hash buckets: the kept fraction has a resolution of 1e-6. */
    private static final long BUCKETS = 1_000_000L;
    /** Columns that identify a row, in the tables that have them (obs: subfield, id; simulations: the rest). */
    private static final List<String> KEYS = List.of("subfield", "id", "catalog", "galaxy", "copy", "image", "case",
            "realization");

    private RowThinning() { }

    /** About {@code cap} rows of the table (all of them when it has no more). */
    public static Dataset<Row> thin(Dataset<Row> t, long cap) {
        List<String> cols = Arrays.asList(t.columns());
        Column[] keys = KEYS.stream().filter(cols::contains).map(k -> col(k)).toArray(Column[]::new);
        long n = t.count();
        if (n <= cap) {
            return t;
        }
        long keep = Math.max(1, Math.round(BUCKETS * (double) cap / n));
        return t.where(pmod(xxhash64(keys), lit(BUCKETS)).lt(lit(keep)));
    }
}
