package org.megalut.spark.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.spark.TestSpark;

/**
 * The per-subfield feature statistics against a direct two-pass computation on the same rows, with
 * failed measurements (null, NaN and infinite features) left out.
 */
class FeatureSummaryTest {
    private static final List<String> FEATURES = List.of("adamom_flux", "adamom_sigma", "skymad");

    @TempDir
    Path tmp;

    @Test
    void meansAndStandardDeviationsPerSubfield() throws Exception {
        SparkSession spark = TestSpark.get();
        Random rng = new Random(7);
        List<Row> rows = new ArrayList<>();
        Map<Integer, List<double[]>> finite = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            int subfield = i % 3;
            Double flux = 100 + 30 * rng.nextGaussian() + 50 * subfield;
            Double sigma = 2.5 + 0.4 * rng.nextGaussian();
            Double sky = 1 + 0.02 * rng.nextGaussian();
            boolean failed = i % 11 == 0;
            if (failed) {
                // Failed measurements in the forms a table can hold them.
                switch (i % 4) {
                    case 0 -> flux = null;
                    case 1 -> sigma = Double.NaN;
                    case 2 -> sigma = Double.POSITIVE_INFINITY;
                    default -> sky = null;
                }
            } else {
                finite.computeIfAbsent(subfield, k -> new ArrayList<>()).add(new double[] {flux, sigma, sky});
            }
            rows.add(RowFactory.create(subfield, (long) i, flux, sigma, sky, 0.0));
        }
        StructType schema = new StructType()
                .add("subfield", DataTypes.IntegerType).add("id", DataTypes.LongType)
                .add("adamom_flux", DataTypes.DoubleType).add("adamom_sigma", DataTypes.DoubleType)
                .add("skymad", DataTypes.DoubleType).add("other", DataTypes.DoubleType);
        Dataset<Row> table = spark.createDataFrame(rows, schema);
        String dir = tmp.resolve("obs").toUri().toString();
        table.write().mode(SaveMode.Overwrite).partitionBy("subfield").parquet(dir);

        Map<Integer, FeatureSummary.Stats> stats = FeatureSummary.read(spark, new org.apache.hadoop.fs.Path(dir),
                new int[] {0, 2}, FEATURES);

        assertEquals(List.of(0, 2), List.copyOf(stats.keySet()), "only the selected subfields");
        for (int sf : stats.keySet()) {
            List<double[]> v = finite.get(sf);
            FeatureSummary.Stats s = stats.get(sf);
            assertEquals(v.size(), s.count(), "rows with every feature finite");
            assertEquals(FEATURES, s.features());
            double[] mean = new double[FEATURES.size()];
            double[] std = new double[FEATURES.size()];
            for (int j = 0; j < mean.length; j++) {
                final int k = j;
                mean[j] = v.stream().mapToDouble(x -> x[k]).average().orElseThrow();
                double ss = v.stream().mapToDouble(x -> (x[k] - mean[k]) * (x[k] - mean[k])).sum();
                std[j] = Math.sqrt(ss / (v.size() - 1));
            }
            assertArrayEquals(mean, s.mean(), 1e-12 * 200, "means of subfield " + sf);
            assertArrayEquals(std, s.std(), 1e-12 * 40, "standard deviations of subfield " + sf);
        }
    }

    @Test
    void aMissingTableOrFeature() throws Exception {
        SparkSession spark = TestSpark.get();
        assertNull(FeatureSummary.read(spark, new org.apache.hadoop.fs.Path(tmp.resolve("none").toUri()),
                new int[] {0}, FEATURES));
        String dir = tmp.resolve("sim").toUri().toString();
        spark.range(10).selectExpr("0 as subfield", "id", "cast(id as double) as adamom_sigma")
                .write().partitionBy("subfield").parquet(dir);
        HtmlPage page = new HtmlPage("t");
        FeatureSummary.addTo(page, spark, Map.of("sim t", new org.apache.hadoop.fs.Path(dir)), new int[] {0},
                FEATURES);
        String html = page.html();
        assertTrue(html.contains("<td>4.500 ± 3.03</td>"), html);
        assertTrue(html.contains("not in the table"), "absent features are said so");
        assertFalse(html.contains("NaN"), html);
    }
}
