package org.megalut.spark.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.io.RowThinning;

/**
 * Feature values of a catalogue (observations or a simulation, partitioned by {@code subfield}) for
 * histograms, read with Spark and collected to the driver. A large table is thinned to about
 * {@code cap} rows by a fixed fraction of a hash of each row's key columns, so the sample is the same on
 * every run and for any partitioning (never "the first rows", which would follow the file order).
 */
final class FeatureSamples {
    private FeatureSamples() { }

    /**
     * The features of the given subfields' rows, thinned to about {@code cap} rows; null values become NaN.
     * Features the table lacks are left out of the result.
     *
     * @return feature → values (same row order for every feature), or null when the table does not exist
     */
    static Map<String, double[]> read(SparkSession spark, Path table, int[] subfields, List<String> features, long cap)
            throws IOException {
        if (!table.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(table)) {
            return null;
        }
        Dataset<Row> t = spark.read().parquet(table.toString())
                .where(col("subfield").isin(Arrays.stream(subfields).boxed().toArray()));
        List<String> cols = Arrays.asList(t.columns());
        List<String> present = features.stream().filter(cols::contains).toList();
        t = RowThinning.thin(t, cap);
        List<Row> rows = t.select(present.stream().map(f -> col(f).cast("double")).toArray(Column[]::new)).collectAsList();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int j = 0; j < present.size(); j++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                Row r = rows.get(i);
                v[i] = r.isNullAt(j) ? Double.NaN : r.getDouble(j);
            }
            out.put(present.get(j), v);
        }
        return out;
    }
}
