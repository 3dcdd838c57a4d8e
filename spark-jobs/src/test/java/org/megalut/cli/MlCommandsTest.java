package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.ml.data.LongTable;
import org.megalut.ml.data.LongTableCsv;
import org.megalut.spark.io.LongTables;

/** ml-train and ml-predict on a synthetic noisy regression table, CSV and Parquet. */
class MlCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void trainsAndPredictsFromTheCommandLine() throws Exception {
        // Target t per case; feature x = t + noise per realization; the committee should learn x -> t.
        LongTable.Builder b = LongTable.builder(List.of("x", "size", "t"));
        SplittableRandom rng = new SplittableRandom(3);
        for (int c = 0; c < 200; c++) {
            double t = -0.5 + c / 200.0;
            for (int r = 0; r < 5; r++) {
                double x = (c == 7 && r == 2) ? Double.NaN : t + 0.05 * (rng.nextDouble() - 0.5);
                b.add(c, r, x, 1.0 + rng.nextDouble(), t);
            }
        }
        LongTable table = b.build();
        Path csv = tmp.resolve("train.csv");
        LongTableCsv.write(table, csv);
        Path parquet = tmp.resolve("train.parquet");
        LongTables.write(table, new org.apache.hadoop.fs.Path(parquet.toString()), new Configuration());

        Path data = tmp.resolve("data.conf");
        Files.writeString(data, "data { features = [x, size], targets = [t], aux = [], predictions = [p] }\n"
                + "training { members = 2, mbloops = 3, maxiter = 30 }\nselection.bestn = 1\n");
        Path tool = Path.of("..", "conf", "ml", "sum55mass.conf");
        for (Path input : List.of(csv, parquet)) {
            Path out = tmp.resolve("committee-" + input.getFileName());
            assertEquals(0, Megalut.commandLine().execute("ml-train", "--conf", tool.toString(), "--conf", data.toString(),
                    "--data", input.toString(), "--out", out.toString()));
            assertTrue(Files.exists(out.resolve("committee.json")));
            Path pred = tmp.resolve("pred-" + (input == csv ? "a" : "b") + ".csv");
            assertEquals(0, Megalut.commandLine().execute("ml-predict", "--committee", out.toString(),
                    "--data", input.toString(), "--out", pred.toString()));
            LongTable p = LongTableCsv.read(pred);
            LongTable means = LongTableCsv.read(Path.of(pred.toString().replace(".csv", "-means.csv")));
            assertEquals(1000, p.rowCount(), "one row per (case, realization) of the input");
            for (int r = 0; r < p.rowCount(); r++) {
                boolean masked = p.caseId(r) == 7 && p.realizationId(r) == 2;
                assertEquals(masked, Double.isNaN(p.value(r, "p")), "row " + r);
            }
            assertEquals(200, means.rowCount());
            double sq = 0;
            for (int r = 0; r < means.rowCount(); r++) {
                double t = -0.5 + means.caseId(r) / 200.0;
                double d = means.value(r, "p_mean") - t;
                sq += d * d;
            }
            assertTrue(Math.sqrt(sq / 200) < 0.05, "rms error of the case means " + Math.sqrt(sq / 200));
        }
    }
}
