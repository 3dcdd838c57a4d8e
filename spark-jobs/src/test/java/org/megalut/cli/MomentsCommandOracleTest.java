package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.spark.TestSpark;
import org.megalut.testing.CsvTable;
import org.megalut.testing.SharedData;

/**
 * The {@code moments} command on GalSim's star cube reproduces the reference moments (CSV and Parquet
 * output), the same whether files are named locally or by Hadoop URIs.
 */
@Tag("oracle")
class MomentsCommandOracleTest {

    @TempDir
    Path tmp;

    @Test
    void momentsCommandReproducesTheReferenceOnACube() throws Exception {
        Path cube = SharedData.file("oracle/galsim/stars.fits");
        CsvTable ref = CsvTable.read(SharedData.file("oracle/galsim/stars.csv"));
        Path out = tmp.resolve("m.csv");
        assertEquals(0, Megalut.commandLine().execute("moments", cube.toString(), "--out", out.toString()));
        CsvTable got = CsvTable.read(out);
        assertEquals(ref.size(), got.size());
        for (int i = 0; i < ref.size(); i++) {
            assertEquals(ref.getInt(i, "moments_status"), got.getInt(i, "moments_status"), "row " + i);
            if (ref.getInt(i, "moments_status") == 0) {
                assertEquals(ref.getInt(i, "moments_n_iter"), got.getInt(i, "moments_n_iter"));
                assertEquals(ref.getDouble(i, "moments_centroid_x"), got.getDouble(i, "moments_centroid_x"), 1e-10);
                assertEquals(ref.getDouble(i, "observed_g1"), got.getDouble(i, "observed_g1"),
                        2e-7 * Math.abs(ref.getDouble(i, "observed_g1")) + 1e-12);
            } else {
                assertEquals(ref.get(i, "error_message"), got.get(i, "error_message"));
            }
        }
        Path pq = tmp.resolve("m.parquet");
        assertEquals(0, Megalut.commandLine().execute("moments", cube.toString(), "--out", pq.toString()));
        List<Row> rows = TestSpark.get().read().parquet(pq.toString()).orderBy("idx").collectAsList();
        assertEquals(ref.size(), rows.size());
        assertEquals(ref.getDouble(0, "moments_rho4"), rows.get(0).getDouble(rows.get(0).fieldIndex("moments_rho4")), 1e-10);
        assertTrue(rows.get(23).isNullAt(rows.get(23).fieldIndex("moments_sigma")));
    }

    @Test
    void hadoopUrisGiveTheSameTableAsLocalNames() throws Exception {
        Path cube = SharedData.file("oracle/galsim/stars_noisy_snr20.fits");
        Path local = tmp.resolve("local.csv");
        Path viaHadoop = tmp.resolve("hadoop.csv");
        assertEquals(0, Megalut.commandLine().execute("moments", cube.toString(), "--out", local.toString()));
        assertEquals(0, Megalut.commandLine().execute("moments", cube.toUri().toString(), "--out",
                viaHadoop.toUri().toString()));
        assertEquals(Files.readString(local), Files.readString(viaHadoop));
    }
}
