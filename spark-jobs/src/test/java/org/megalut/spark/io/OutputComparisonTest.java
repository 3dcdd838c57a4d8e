package org.megalut.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.spark.TestSpark;
import org.megalut.spark.io.OutputComparison.Status;

class OutputComparisonTest {
    @TempDir
    Path tmp;

    private static final StructType SCHEMA = new StructType().add("subfield", DataTypes.IntegerType)
            .add("id", DataTypes.LongType).add("x", DataTypes.DoubleType);

    private void table(Path dir, int partitions, double shift) {
        SparkSession spark = TestSpark.get();
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 40; i++) {
            rows.add(RowFactory.create((int) (i % 2), i, i == 7 ? 0.25 + shift : Math.sqrt(i)));
        }
        Dataset<Row> df = spark.createDataFrame(rows, SCHEMA).repartition(partitions);
        df.write().partitionBy("subfield").parquet(dir.resolve("obs").toString());
    }

    private OutputComparison.Result compare(Path a, Path b, double rel) throws Exception {
        return new OutputComparison(TestSpark.get(), rel, List.of("**.skip"))
                .compare(new org.apache.hadoop.fs.Path(a.toUri()), new org.apache.hadoop.fs.Path(b.toUri()));
    }

    @Test
    void tablesAreComparedByContentWhateverTheirPartFiles() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        table(a, 1, 0);
        table(b, 3, 0);
        Files.writeString(a.resolve("group.csv"), "s,g\n0,0.1\n");
        Files.writeString(b.resolve("group.csv"), "s,g\n0,0.1\n");
        Files.writeString(a.resolve("_lock"), "pid 1");
        Files.writeString(b.resolve("only.skip"), "ignored");
        OutputComparison.Result r = compare(a, b, 0);
        assertTrue(r.agrees(), r.items().toString());
        assertEquals(3, r.count(Status.IDENTICAL), "two table pieces and the csv: " + r.items());
    }

    @Test
    void differencesAreFoundAndToleratedOnlyWithinTheTolerance() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        table(a, 2, 0);
        table(b, 2, 1e-15);
        Files.writeString(a.resolve("m.json"), "{\"m\": 0.0123, \"n\": 5}");
        Files.writeString(b.resolve("m.json"), "{\"m\": 0.01230000000001, \"n\": 5}");
        Files.write(a.resolve("f.png"), new byte[] {1, 0, 2});
        Files.write(b.resolve("f.png"), new byte[] {1, 0, 3});
        Files.writeString(a.resolve("first.txt"), "x");
        OutputComparison.Result exact = compare(a, b, 0);
        assertFalse(exact.agrees());
        assertEquals(Status.DIFFERENT, status(exact, "obs/subfield=1/part-*.parquet"));
        assertEquals(Status.IDENTICAL, status(exact, "obs/subfield=0/part-*.parquet"));
        assertEquals(Status.DIFFERENT, status(exact, "m.json"));
        assertEquals(Status.DIFFERENT, status(exact, "f.png"));
        assertEquals(Status.ONLY_IN_FIRST, status(exact, "first.txt"));
        OutputComparison.Result loose = compare(a, b, 1e-11);
        assertEquals(Status.WITHIN_TOLERANCE, status(loose, "obs/subfield=1/part-*.parquet"));
        assertEquals(Status.WITHIN_TOLERANCE, status(loose, "m.json"));
        assertTrue(loose.worstRelative() > 1e-13 && loose.worstRelative() < 1e-11, "worst " + loose.worstRelative());
        assertEquals(Status.DIFFERENT, status(loose, "f.png"), "binary files have no tolerance");
        Files.writeString(b.resolve("m.json"), "{\"m\": 0.0123, \"k\": 5}");
        assertEquals(Status.DIFFERENT, status(compare(a, b, 1), "m.json"), "text around the numbers must match");
    }

    private static Status status(OutputComparison.Result r, String path) {
        return r.items().stream().filter(i -> i.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in " + r.items())).status();
    }
}
