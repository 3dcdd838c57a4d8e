package org.megalut.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.spark.io.SmallTable.Column;
import org.megalut.spark.io.SmallTable.Type;

/** CSV text of {@link SmallTable}, and its local writes without Hadoop. */
class SmallTableTest {

    private static final List<Column> COLUMNS = List.of(new Column("i", Type.INT), new Column("l", Type.LONG),
            new Column("d", Type.DOUBLE), new Column("s", Type.STRING));

    @TempDir
    Path tmp;

    @Test
    void csvFieldsAreTheTextOfStringValueOf() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        double[] special = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e23, 2e-3, 1e-3, 9.999e-4,
            1e7, 9999999.0, 9999999.999999998, 0.1 + 0.2, 1.0 / 3, 2.0E-322, 1.6388956308364868};
        for (double d : special) {
            rows.add(new Object[] {Integer.MIN_VALUE, Long.MAX_VALUE, d, "plain"});
        }
        SplittableRandom random = new SplittableRandom(20);
        for (int k = 0; k < 100_000; k++) {
            double d = k % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble(-100, 100);
            rows.add(new Object[] {random.nextInt(), random.nextLong(), d, null});
        }
        rows.add(new Object[] {null, null, null, "comma, \"quote\"\nand line"});
        SmallTable table = new SmallTable(COLUMNS);
        rows.forEach(table::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeCsv(out);
        assertEquals(stringValueOfCsv(rows), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void localWriteReplacesTheFileAndItsStaleChecksum() throws IOException {
        Path target = tmp.resolve("new/dir/t.csv");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        Files.writeString(target.resolveSibling(".t.csv.crc"), "stale");
        SmallTable table = new SmallTable(COLUMNS);
        table.add(1, 2L, 0.5, "x");
        table.write(target.toString());
        assertEquals("i,l,d,s\n1,2,0.5,x\n", Files.readString(target).replace(System.lineSeparator(), "\n"));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of("t.csv"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void onlyNamesWithoutSchemeAreLocal() {
        assumeTrue(System.getenv("HADOOP_CONF_DIR") == null, "a Hadoop configuration may redirect names without scheme");
        assertTrue(LocalFiles.path("out/m.csv").isPresent());
        assertTrue(LocalFiles.path("/abs/m:1.csv").isPresent());
        assertFalse(LocalFiles.path("file:/abs/m.csv").isPresent());
        assertFalse(LocalFiles.path("hdfs://nn:8020/m.csv").isPresent());
        assertFalse(LocalFiles.path("s3a:m.csv").isPresent());
    }

    /** The CSV as String.valueOf formats every field, quoting strings that need it. */
    private static String stringValueOfCsv(List<Object[]> rows) {
        StringBuilder sb = new StringBuilder("i,l,d,s").append(System.lineSeparator());
        for (Object[] r : rows) {
            List<String> fields = new ArrayList<>();
            for (Object v : r) {
                String s = v == null ? "" : String.valueOf(v);
                boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n");
                fields.add(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
            }
            sb.append(String.join(",", fields)).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
