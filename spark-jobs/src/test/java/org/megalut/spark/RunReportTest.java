package org.megalut.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.eval.BranchEvaluation;
import org.megalut.eval.GroupedSubfield;
import org.megalut.great3.ObservationType;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CommitteeIo;
import org.megalut.ml.committee.CommitteeTrainer;
import org.megalut.ml.committee.MlConfig;
import org.megalut.ml.data.LongTable;
import org.megalut.plot.CommitteeFigures;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.GroupTable;
import org.megalut.spark.report.RunReport;

/**
 * The report of a small synthetic workdir (group tables, metrics, tiny obs and simulation Parquet, a
 * committee): every image the page shows exists and decodes, data text is escaped, and a run without
 * truth says so instead of failing.
 */
class RunReportTest {
    private static final Pattern SRC = Pattern.compile("<img src=\"([^\"]+)\"");

    /** One synthetic workdir for both tests: the runs differ only by predcode and group table. */
    @TempDir
    static Path tmp;

    private static String work;

    private static List<GroupedSubfield> rows(boolean truth, boolean mimic) {
        List<GroupedSubfield> rows = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            double t1 = truth ? 0.04 * Math.cos(1.1 * s + (mimic ? 0.5 : 0)) : Double.NaN;
            double t2 = truth ? 0.04 * Math.sin(0.9 * s) : Double.NaN;
            double e = (s % 2 == 0 ? 1 : -1) * 1e-3;
            double b1 = truth ? t1 : 0.01;
            double b2 = truth ? t2 : -0.01;
            rows.add(new GroupedSubfield(s, 140 - s, 144, b1 + e, b2 - e, 1.02 * b1 + 1e-4, b2 + 2 * e, t1, t2,
                    truth ? 0.01 * s - 0.015 : Double.NaN, truth ? -0.005 * s : Double.NaN, 0.01 * s, -0.004 * s, 1.8));
        }
        return rows;
    }

    private static Committee committee() {
        Random rng = new Random(3);
        LongTable.Builder b = LongTable.builder(List.of("obs", "q", "tru"));
        for (int c = 0; c < 20; c++) {
            double g = 0.1 * (2 * rng.nextDouble() - 1);
            for (int r = 0; r < 10; r++) {
                double q = rng.nextDouble();
                b.add(c, r, 0.8 * g + 0.05 * rng.nextGaussian(), q, g);
            }
        }
        return CommitteeTrainer.train(MlConfig.parse("""
                data { features = [obs, q], targets = [tru], predictions = [pre_s1] }
                network { hidden = [3] }
                training { cost = msb, members = 2, seed = 1, mbloops = 2, maxiter = 5, mbfrac = 0.5 }
                selection { bestn = 1 }
                """), b.build());
    }

    /** Runs "main" (with truth, evaluated, and its mimic run) and "notruth" (an observation run only). */
    @BeforeAll
    static void workdir() throws Exception {
        SparkSession spark = TestSpark.get();
        work = tmp.resolve("work").toUri().toString();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        PredictionRun obs = new PredictionRun(work, "main", PredictionRun.Target.OBS);
        PredictionRun mimic = new PredictionRun(work, "main", PredictionRun.Target.MIMIC);
        GroupTable.write(rows(true, false), obs.groupCsv(), conf);
        GroupTable.write(rows(true, true), mimic.groupCsv(), conf);
        AtomicWrite.text(obs.metricsJson(), conf, BranchEvaluation.json(BranchEvaluation.evaluate(rows(true, false), ObservationType.GROUND), obs.label(),
                Map.of()) + "\n");
        GroupTable.write(rows(false, false), new PredictionRun(work, "notruth", PredictionRun.Target.OBS).groupCsv(), conf);
        // 4 subfields × 150 galaxies; flag 3 (masked features) for every 17th.
        spark.range(600).selectExpr("cast(id % 4 as int) as subfield", "id",
                        "cast(case when id % 17 = 0 then 3 else 0 end as int) as flag",
                        "case when id % 17 = 0 then null else 20 + 5 * sin(id) end as adamom_flux",
                        "2 + cos(id * 0.3) as adamom_sigma", "0.2 * sin(id * 0.7) as adamom_g1",
                        "0.2 * cos(id * 1.3) as adamom_g2", "2 + 0.1 * sin(id) as adamom_rho4",
                        "15 + 3 * cos(id) as snr", "1.0 + 0.01 * sin(id) as skymad")
                .write().mode(SaveMode.Overwrite).partitionBy("subfield").parquet(work + "/obs");
        spark.range(2000).selectExpr("cast(id % 4 as int) as subfield", "cast(id / 4 % 10 as int) as catalog",
                        "cast(id / 40 as int) as galaxy", "0 as copy", "0 as image", "id as `case`", "0L as realization",
                        "0 as flag", "22 + 6 * sin(id * 0.1) as adamom_flux", "2.1 + cos(id * 0.2) as adamom_sigma",
                        "0.25 * sin(id) as adamom_g1", "0.25 * cos(id) as adamom_g2", "2.1 as adamom_rho4",
                        "16 + 4 * sin(id) as snr", "1.0 as skymad")
                .write().mode(SaveMode.Overwrite).partitionBy("subfield").parquet(work + "/sim/train-weight");
        Committee c = committee();
        RunCommittees sets = new RunCommittees("train-shear/ada4g1_sum55mass-0123abcd", "train-weight/ada4s1w_sum33wmass-4567ef01");
        sets.bind(obs, new int[] {0, 1, 2, 3}, conf);
        sets.bind(mimic, new int[] {0, 1, 2, 3}, conf);
        for (int s = 0; s < 4; s++) {
            org.apache.hadoop.fs.Path dir = WorkdirLayout.subfield(sets.dir(work, WorkdirLayout.SHEAR_COMMITTEES), s);
            try (OutputStream out = dir.getFileSystem(conf).create(new org.apache.hadoop.fs.Path(dir, "pre_s1.json"))) {
                CommitteeIo.write(c, out);
            }
            if (s != 3) {
                try (OutputStream out = dir.getFileSystem(conf).create(new org.apache.hadoop.fs.Path(dir, "pre_s1-cost.png"))) {
                    CommitteeFigures.costs(c, "costs of subfield " + s).writePng(out, 500, 250);
                }
            }
        }
        // An unreadable weight committee: shown as such, not fatal.
        Path broken = tmp.resolve("work").resolve(WorkdirLayout.committeeSetName(WorkdirLayout.WEIGHT_COMMITTEES,
                sets.weight())).resolve("subfield=1/pre_s1w.json");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "{not json <script>");
    }

    /** The image sources of a page; asserts each exists and decodes. */
    private static List<String> checkImages(Path index) throws Exception {
        String html = Files.readString(index);
        List<String> srcs = new ArrayList<>();
        Matcher m = SRC.matcher(html);
        while (m.find()) {
            srcs.add(m.group(1));
            Path png = index.getParent().resolve(m.group(1));
            assertTrue(Files.isRegularFile(png), png + " referenced but missing");
            assertNotNull(ImageIO.read(png.toFile()), png + " does not decode");
        }
        return srcs;
    }

    @Test
    void reportsOfAnEvaluatedRunAndItsMimic() throws Exception {
        SparkSession spark = TestSpark.get();
        PredictionRun mimic = new PredictionRun(work, "main", PredictionRun.Target.MIMIC);
        PredictionRun obs = new PredictionRun(work, "main", PredictionRun.Target.OBS);
        RunReport.write(spark, mimic, List.of("mimic-great3"), ObservationType.GROUND);
        Path index = Path.of(URI.create(RunReport.write(spark, obs, List.of("train-weight", "simobscompa"), ObservationType.GROUND)
                .toString()));
        assertEquals(tmp.resolve("work/results/main/report/index.html"), index);
        String html = Files.readString(index);
        List<String> srcs = checkImages(index);
        for (String f : List.of("residuals.png", "psf-residuals.png", "features.png", "failures.png",
                "cost-shear-0-pre_s1.png")) {
            assertTrue(srcs.contains(f), f + " not in the page: " + srcs);
        }
        assertTrue(Files.isRegularFile(index.resolveSibling("metrics.json")));
        assertTrue(Files.isRegularFile(index.resolveSibling("group.csv")));
        assertTrue(html.contains("href=\"metrics.json\""));
        assertTrue(html.contains("mimic weighted"), "the mimic run's metrics are in the table");
        assertTrue(html.contains("Q_c (ground)") && html.contains("PSF leakage α1"), "Q_c labelled, leakage listed");
        assertTrue(html.contains("../../../mimic/main/report/index.html"));
        assertTrue(html.contains("sim simobscompa"), "a missing simulation is named");
        assertTrue(html.contains("<td>3</td><td>sim train-weight</td><td>500</td>"),
                "per-subfield feature statistics of each sample");
        assertTrue(html.contains("unreadable"), "the broken weight committee is listed");
        assertFalse(html.contains("<script"), "no script, data text escaped");
        Path mimicIndex = tmp.resolve("work/mimic/main/report/index.html");
        checkImages(mimicIndex);
        assertTrue(Files.readString(mimicIndex).contains("../../../results/main/report/index.html#training"));
    }

    @Test
    void runWithoutTruthSaysSo() throws Exception {
        SparkSession spark = TestSpark.get();
        PredictionRun obs = new PredictionRun(work, "notruth", PredictionRun.Target.OBS);
        Path index = Path.of(URI.create(RunReport.write(spark, obs, List.of("train-weight"), ObservationType.GROUND).toString()));
        String html = Files.readString(index);
        assertTrue(html.contains("No truth"));
        List<String> srcs = checkImages(index);
        assertFalse(srcs.contains("residuals.png"));
        assertTrue(srcs.contains("features.png") && srcs.contains("failures.png"), srcs.toString());
        assertFalse(Files.exists(index.resolveSibling("metrics.json")));
    }
}
