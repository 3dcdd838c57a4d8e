package org.megalut.spark.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Measurement flag counts per subfield of a catalogue with a {@code flag} column (0 measured, 1 stamp not
 * inside the image, 2 centroid too far from the stamp centre, 3 adaptive moments failed).
 */
final class FlagCounts {

    private FlagCounts() { }

    /** Short descriptions of the flags of {@code measure-obs}. */
    static String describe(int flag) {
        return switch (flag) {
            case 0 -> "0 measured";
            case 1 -> "1 not inside the image";
            case 2 -> "2 centroid shifted";
            case 3 -> "3 moments failed";
            default -> Integer.toString(flag);
        };
    }

    /**
     * @return subfield → flag → count (both sorted), or null when the table does not exist
     */
    static Map<Integer, Map<Integer, Long>> read(SparkSession spark, Path table, int[] subfields) throws IOException {
        if (!table.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(table)) {
            return null;
        }
        Map<Integer, Map<Integer, Long>> out = new TreeMap<>();
        for (int sf : subfields) {
            out.put(sf, new TreeMap<>());
        }
        for (Row r : spark.read().parquet(table.toString())
                .where(col("subfield").isin(Arrays.stream(subfields).boxed().toArray()))
                .groupBy(col("subfield").cast("int"), col("flag").cast("int")).count().collectAsList()) {
            out.computeIfAbsent(r.getInt(0), k -> new TreeMap<>()).put(r.getInt(1), r.getLong(2));
        }
        return out;
    }
}
