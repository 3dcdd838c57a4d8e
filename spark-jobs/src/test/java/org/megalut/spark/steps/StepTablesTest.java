package org.megalut.spark.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.meas.MeasurementFlag;
import org.megalut.meas.SkyStatistics;
import org.megalut.meas.StampFeatures;
import org.megalut.sim.great3.GalaxyParams;
import org.megalut.sim.great3.KnotParams;
import org.megalut.sim.great3.PlacedGalaxy;
import org.megalut.sim.great3.SubfieldConditions;
import org.megalut.spark.TestSpark;

/** The declared tables keep their cells: truth rows survive Parquet, masked features are nulls. */
class StepTablesTest {

    @Test
    void aTruthRowWrittenToParquetDecodesToTheSameGalaxy(@TempDir Path tmp) {
        SubfieldConditions c = new SubfieldConditions(7, 0.01, -0.02, 0.7, 0.05, 1.2, 0.02, 0.3, 4, 0.7,
                new double[] {0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.4, -0.4}, 0.007, 0.2, 1.1, 0.006, 0.1, 3.5e-4);
        GalaxyParams q = new GalaxyParams(1200, 0.3, 4, 0.2, 0.8, 0.5, 0.4, 0.6, 2.1);
        GalaxyTruthRow a = new GalaxyTruthRow(7, 7_001_002L, 71, 119, new PlacedGalaxy(13, 6, 1, q, Math.PI / 2, 0.25,
                -0.5, 42, 0.6), c);
        // a knotted galaxy whose seed needs all 53 bits
        GalaxyParams k = q.rotated(1).withKnots(new KnotParams(37, 0.27, KnotParams.SEED_BOUND - 3));
        GalaxyTruthRow b = new GalaxyTruthRow(7, 7_002_002L, 119, 119, new PlacedGalaxy(14, 7, 0, k, 0,
                Double.NaN, 0, 17, 0.4), c);
        SparkSession spark = TestSpark.get();
        String dir = tmp.resolve("galaxies").toString();
        spark.createDataFrame(List.of(GalaxyTruthRow.TABLE.row(a), GalaxyTruthRow.TABLE.row(b)),
                GalaxyTruthRow.TABLE.schema()).write().parquet(dir);
        List<GalaxyTruthRow> back = spark.read().parquet(dir).orderBy("position").collectAsList().stream()
                .map(GalaxyTruthRow.TABLE::decode).toList();
        assertEquals(List.of(a, b), back);
        assertEquals(b.galaxy(), StampTruth.decode(StampTruth.encode(b.galaxy())), "the shuffle's packing");
        assertEquals(a.galaxy(), StampTruth.decode(StampTruth.encode(a.galaxy())), "the packing of a smooth galaxy");
    }

    @Test
    void featuresOfAFailedStampAreNullsExceptFlagRetriedAndFiniteSky() {
        StampFeatures failed = new StampFeatures(MeasurementFlag.FAILED, 1, 2, 3, 4, 5, 6, 7, 8, true,
                new SkyStatistics(0.1, 0.2, 0.3, Double.NaN, 5), 9, 10, 11, 12, 13);
        Object[] v = ObservedGalaxyRow.TABLE.values(new ObservedGalaxyRow(1, 1_000_000L, 23, 23, failed));
        assertArrayEquals(new Object[] {1, 1_000_000L, 23, 23, 3, null, null, null, null, null, null, null, null, true,
            0.3, null, 0.1, 0.2, 5.0, null, null, null, null, null}, v);
        StampFeatures ok = new StampFeatures(MeasurementFlag.CENTROID_SHIFT, 1, 2, 3, 4, 5, Double.NaN, 7, 8, false,
                new SkyStatistics(0.1, 0.2, 0.3, 0.4, 5), 9, 10, 11, 12, 13);
        Object[] w = MeasuredStarRow.TABLE.values(new MeasuredStarRow(1, 0, 23, 23, ok));
        assertArrayEquals(new Object[] {1, 0, 23, 23, 2, 1.0, 2.0, 3.0, 4.0, 5.0, null, 7.0, 8, false,
            0.3, 0.4, 0.1, 0.2, 5.0, 9.0, 10.0, 11.0, 12.0, 13.0}, w);
        assertEquals("psf_flag", MeasuredStarRow.TABLE.schema().fields()[4].name());
    }
}
