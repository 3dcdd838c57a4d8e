package org.megalut.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.config.StrictConfig;
import org.megalut.fits.FitsImages;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.GalaxyCatalog;
import org.megalut.great3.Stamps;
import org.megalut.great3.SubfieldSelection;
import org.megalut.image.Image;
import org.megalut.meas.StampFeatures;
import org.megalut.meas.StampMeasurer;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.steps.CheckPsfsStep;
import org.megalut.spark.steps.MeasureObsStep;
import org.megalut.spark.steps.MeasureStarsStep;

class MeasureStepsTest {
    static final int GRID = 4;

    @TempDir
    static Path tmp;
    static Path branch;
    static SparkSession spark;

    @BeforeAll
    static void makeBranch() throws Exception {
        spark = TestSpark.get();
        branch = tmp.resolve("branch");
        TestBranch.write(branch, tmp.resolve("truth"), GRID, 0, 1, 2, 200);
        // Subfield 2 is corrupt: its galaxy image ends in the middle of the data.
        Path img = branch.resolve(BranchLayout.galaxyImage(2));
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }

    static RunSettings settings(Path workdir, String subfields, int bandRows, boolean force) {
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        Config c = StrictConfig.merge(ConfigFactory.parseMap(Map.of(
                "branch.dir", branch.toUri().toString(), "workdir", workdir.toUri().toString(),
                "branch.truth", tmp.resolve("truth").toUri().toString(),
                "branch.grid", GRID, "measure.band-rows", bandRows)), defaults, "test");
        return RunSettings.from(c, SubfieldSelection.parse(subfields), null, force);
    }

    @Test
    void measureObsWritesGoodSubfieldsAndIsolatesTheCorruptOne() throws Exception {
        Path work = tmp.resolve("work-obs");
        RunSettings s = settings(work, "0-2,200", 1, false);
        StepOutcome o = MeasureObsStep.run(spark, s);
        assertEquals(Map.of(0, 16L, 1, 16L, 200, 16L), o.rows());
        assertEquals(List.of(2), List.copyOf(o.failed().keySet()));
        String msg = o.failed().get(2);
        assertTrue(msg.contains(BranchLayout.galaxyImage(2)), msg);

        Dataset<Row> obs = spark.read().parquet(work.resolve("obs").toString());
        assertEquals(48, obs.count());
        assertEquals(0, obs.where(col("subfield").equalTo(2)).count());
        assertTrue(Files.exists(work.resolve("_state/obs/002.failed")));
        assertTrue(Files.exists(work.resolve("_state/obs/000.done")));

        // Every row equals a direct measurement with the core library.
        Image image = FitsImages.readImage(branch.resolve(BranchLayout.galaxyImage(1)));
        GalaxyCatalog cat = GalaxyCatalog.read(branch.resolve(BranchLayout.galaxyCatalogTxt(1)), GRID * GRID);
        Map<Long, Row> byId = new HashMap<>();
        for (Row r : obs.where(col("subfield").equalTo(1)).collectAsList()) {
            byId.put(r.getLong(r.fieldIndex("id")), r);
        }
        StampMeasurer m = StampMeasurer.megalutDefaults();
        for (int k = 0; k < cat.size(); k++) {
            StampFeatures f = m.measure(Stamps.stamp(image, cat.x(k), cat.y(k), 48),
                    Stamps.trueCenter(cat.x(k)), Stamps.trueCenter(cat.y(k)));
            Row r = byId.get(cat.id(k));
            assertEquals(f.flag().code(), r.getInt(r.fieldIndex("flag")));
            assertEquals(f.g1(), r.getDouble(r.fieldIndex("adamom_g1")), 0.0);
            assertEquals(f.sigma(), r.getDouble(r.fieldIndex("adamom_sigma")), 0.0);
            assertEquals(f.sky().mad(), r.getDouble(r.fieldIndex("skymad")), 0.0);
        }

        // Rerun: done subfields are skipped, the failed one is tried again (and fails again).
        StepOutcome again = MeasureObsStep.run(spark, s);
        assertEquals(List.of(0, 1, 200), again.skipped());
        assertEquals(List.of(2), List.copyOf(again.failed().keySet()));
        assertEquals(48, spark.read().parquet(work.resolve("obs").toString()).count());
    }

    @Test
    void outputDoesNotDependOnPartitioning() throws Exception {
        Path a = tmp.resolve("work-a");
        Path b = tmp.resolve("work-b");
        MeasureObsStep.run(spark, settings(a, "0,1", 1, false));
        MeasureObsStep.run(spark, settings(b, "0,1", 4, false));
        Dataset<Row> da = spark.read().parquet(a.resolve("obs").toString());
        Dataset<Row> db = spark.read().parquet(b.resolve("obs").toString());
        assertEquals(32, da.count());
        assertEquals(0, da.exceptAll(db).count());
        assertEquals(0, db.exceptAll(da).count());
    }

    @Test
    void forceRedoesAndPartialRerunKeepsOtherSubfields() throws Exception {
        Path work = tmp.resolve("work-force");
        MeasureObsStep.run(spark, settings(work, "0,1", 2, false));
        StepOutcome o = MeasureObsStep.run(spark, settings(work, "1", 2, true));
        assertEquals(Map.of(1, 16L), o.rows());
        assertEquals(32, spark.read().parquet(work.resolve("obs").toString()).count());
        // A subfield whose Parquet disagrees with its record is redone.
        Files.writeString(work.resolve("_state/obs/000.done"), "{\"rows\": 99, \"fingerprint\": \"x\"}");
        StepOutcome redo = MeasureObsStep.run(spark, settings(work, "0,1", 2, false));
        assertEquals(List.of(1), redo.skipped());
        assertEquals(Map.of(0, 16L), redo.rows());
    }

    @Test
    void starsAndPsfTable() throws Exception {
        Path work = tmp.resolve("work-stars");
        RunSettings s = settings(work, "0,1", 1, false);
        StepOutcome o = MeasureStarsStep.run(spark, s);
        assertEquals(Map.of(0, 9L, 1, 9L), o.rows());
        var out = new ByteArrayOutputStream();
        List<Row> table = CheckPsfsStep.run(spark, s, CheckPsfsStep.Order.STAR0, new PrintStream(out));
        assertEquals(2, table.size());
        // Subfield 0 has the smaller PSF (covariance grows with the subfield number), so it comes first.
        assertEquals(0, table.get(0).getInt(0));
        double sigma0 = table.get(0).getDouble(1);
        assertEquals(Math.pow(2.0 * 1.8 - 0.05 * 0.05, 0.25), sigma0, 1e-3);
        assertFalse(out.toString().isEmpty());
        // The measured star-0 shape is the truth PSF shape: same HSM on the same stamp, except that the
        // truth was measured before the star field was stored as float32.
        Row first = table.get(0);
        assertEquals(first.getDouble(first.fieldIndex("truth_psf_g1")), first.getDouble(first.fieldIndex("star0_g1")), 1e-6);
        assertEquals(first.getDouble(first.fieldIndex("truth_psf_g2")), first.getDouble(first.fieldIndex("star0_g2")), 1e-6);
        assertTrue(Files.exists(work.resolve("psfs.csv")));
        // MegaLUT's order: by the mean sigma of the stars.
        var byMean = new ByteArrayOutputStream();
        List<Row> mean = CheckPsfsStep.run(spark, s, CheckPsfsStep.Order.MEAN, new PrintStream(byMean));
        int col = mean.get(0).fieldIndex("mean_sigma");
        assertTrue(mean.get(0).getDouble(col) <= mean.get(1).getDouble(col), mean.toString());
        assertTrue(byMean.toString().contains("sorted by size (mean adaptive-moment sigma of the stars"), byMean.toString());
        assertEquals(CheckPsfsStep.Order.STAR0, CheckPsfsStep.Order.byName("star0"));
        assertThrows(IllegalArgumentException.class, () -> CheckPsfsStep.Order.byName("median"));
    }
}
