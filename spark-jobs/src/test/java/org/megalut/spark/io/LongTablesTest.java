package org.megalut.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.ml.data.LongTable;

/** Long-form tables read whole or by column, from Parquet files, part-file directories and CSV. */
class LongTablesTest {

    @TempDir
    java.nio.file.Path tmp;

    private final Configuration conf = new Configuration();

    /** Rows (case c, realization r): a = 10c + r, b = NaN on odd realizations, z = -c. */
    private static LongTable table(int firstCase, int cases) {
        LongTable.Builder b = LongTable.builder(List.of("a", "b", "z"));
        for (int c = firstCase; c < firstCase + cases; c++) {
            for (int r = 0; r < 3; r++) {
                b.add(c, r, 10.0 * c + r, r % 2 == 1 ? Double.NaN : c + 0.5 * r, -c);
            }
        }
        return b.build();
    }

    @Test
    void columnsAreReadInTheOrderAskedWithMaskedValuesAsNaN() throws IOException {
        Path dir = new Path(tmp.resolve("t").toString());
        LongTables.write(table(0, 2), new Path(dir, "part-0.parquet"), conf);
        LongTables.write(table(2, 3), new Path(dir, "part-1.parquet"), conf);
        LongTable all = LongTables.read(dir, conf);
        assertEquals(List.of("a", "b", "z"), all.columns());
        assertEquals(15, all.rowCount());
        LongTable some = LongTables.read(dir, conf, List.of("z", "b"));
        assertEquals(List.of("z", "b"), some.columns());
        assertEquals(15, some.rowCount());
        for (int row = 0; row < some.rowCount(); row++) {
            assertEquals(all.caseId(row), some.caseId(row));
            assertEquals(all.realizationId(row), some.realizationId(row));
            assertEquals(-all.caseId(row), some.value(row, "z"));
            assertEquals(all.value(row, "b"), some.value(row, "b"), 0.0);
        }
        assertTrue(Double.isNaN(some.value(1, "b")), "a null Parquet field reads as NaN");
    }

    @Test
    void csvTablesAreCutToTheSameColumns() throws IOException {
        Path csv = new Path(tmp.resolve("t.csv").toString());
        LongTables.write(table(0, 2), csv, conf);
        LongTable some = LongTables.read(csv, conf, List.of("a"));
        assertEquals(List.of("a"), some.columns());
        assertEquals(11.0, some.value(some.rowCount() - 2, "a"), "case 1, realization 1");
    }

    @Test
    void anAbsentColumnIsAnErrorNamingTheFileAndItsColumns() throws IOException {
        Path file = new Path(tmp.resolve("one.parquet").toString());
        LongTables.write(table(0, 1), file, conf);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LongTables.read(file, conf, List.of("a", "tru_s1")));
        assertTrue(e.getMessage().contains("one.parquet") && e.getMessage().contains("'tru_s1'")
                && e.getMessage().contains("[a, b, z]"), e.getMessage());
        Path csv = new Path(tmp.resolve("one.csv").toString());
        LongTables.write(table(0, 1), csv, conf);
        e = assertThrows(IllegalArgumentException.class, () -> LongTables.read(csv, conf, List.of("tru_s1")));
        assertTrue(e.getMessage().contains("one.csv") && e.getMessage().contains("'tru_s1'"), e.getMessage());
    }

    @Test
    void aDirectoryWithoutPartFilesIsAnError() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        IOException e = assertThrows(IOException.class,
                () -> LongTables.read(new Path(tmp.resolve("empty").toString()), conf, List.of("a")));
        assertTrue(e.getMessage().contains("no .parquet file"), e.getMessage());
    }
}
