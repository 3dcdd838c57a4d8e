package org.megalut.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.eval.PopulationMatch;
import org.megalut.eval.PopulationMatch.SubfieldDistances;
import org.megalut.spark.TestSpark;

/**
 * The distributed population match against {@link PopulationMatch} on the same rows: the same D per
 * subfield and feature whatever the partitioning, failed measurements out of both samples, subfields
 * missing from either table left out; and its table in the report.
 */
class PopulationDistancesTest {
    private static final List<String> FEATURES = List.of("adamom_sigma", "adamom_rho4");
    private static final StructType SCHEMA = new StructType().add("subfield", DataTypes.IntegerType)
            .add("id", DataTypes.LongType).add("adamom_sigma", DataTypes.DoubleType)
            .add("adamom_rho4", DataTypes.DoubleType);

    @TempDir
    Path tmp;

    @Test
    void equalsTheDirectComputationForAnyPartitioning() throws Exception {
        SparkSession spark = TestSpark.get();
        Random rng = new Random(11);
        Map<Integer, Map<String, List<Double>>> obsValues = new HashMap<>();
        Map<Integer, Map<String, List<Double>>> simValues = new HashMap<>();
        List<Row> obs = rows(rng, new int[] {0, 1, 2}, 400, obsValues);
        // Subfield 1's simulation is shifted in size: a population mismatch there only.
        List<Row> sim = rows(rng, new int[] {0, 1}, 900, simValues);
        List<Row> shifted = new ArrayList<>();
        for (Row r : sim) {
            boolean one = r.getInt(0) == 1;
            shifted.add(RowFactory.create(r.get(0), r.get(1), r.get(2) == null ? null : r.getDouble(2) + (one ? 1.0 : 0),
                    r.get(3)));
        }
        simValues.get(1).put("adamom_sigma", simValues.get(1).get("adamom_sigma").stream().map(v -> v + 1.0).toList());

        List<List<SubfieldDistances>> results = new ArrayList<>();
        for (int partitions : new int[] {1, 5}) {
            org.apache.hadoop.fs.Path o = write(spark, obs, "obs" + partitions, partitions);
            org.apache.hadoop.fs.Path s = write(spark, shifted, "sim" + partitions, partitions);
            results.add(PopulationDistances.compute(spark, o, s, new int[] {0, 1, 2}, FEATURES, 100_000));
        }
        assertEquals(results.get(0), results.get(1), "independent of the partitioning");
        List<SubfieldDistances> d = results.get(0);
        assertEquals(List.of(0, 1), d.stream().map(SubfieldDistances::subfield).toList(),
                "subfield 2 has no simulation: left out");
        for (SubfieldDistances sf : d) {
            SubfieldDistances direct = PopulationMatch.of(sf.subfield(), FEATURES, arrays(obsValues.get(sf.subfield())),
                    arrays(simValues.get(sf.subfield())));
            assertEquals(direct, sf);
        }
        assertTrue(d.get(0).mismatches(0.1).isEmpty(), "same population: " + d.get(0));
        assertEquals(List.of("adamom_sigma"), d.get(1).mismatches(0.1).stream()
                .map(PopulationMatch.FeatureDistance::feature).toList());
    }

    @Test
    void reportTableMarksTheMismatches() throws Exception {
        JsonNode population = new ObjectMapper().readTree("""
                {"dataset": "train-weight", "threshold": 0.1,
                 "mismatched_subfields": [3], "median_ks": {"adamom_sigma": 0.2, "adamom_rho4": 0.05},
                 "subfields": [{"subfield": 3, "mismatched": ["adamom_sigma"], "features": {
                   "adamom_sigma": {"ks": 0.25, "critical99": 0.02, "n_obs": 10, "n_sim": 20},
                   "adamom_rho4": {"ks": 0.05, "critical99": 0.02, "n_obs": 10, "n_sim": 20}}}]}
                """);
        HtmlPage page = new HtmlPage("t");
        PopulationDistances.addTo(page, population);
        String html = page.html();
        assertTrue(html.contains("0.250 ✗") && html.contains("0.050<"), html);
        assertTrue(html.contains("1 of 1 subfields"), html);
    }

    /** Rows of normal sizes and rho4 per subfield, every 13th a failed measurement (null or NaN). */
    private static List<Row> rows(Random rng, int[] subfields, int n, Map<Integer, Map<String, List<Double>>> finite) {
        List<Row> out = new ArrayList<>();
        for (int sf : subfields) {
            Map<String, List<Double>> values = finite.computeIfAbsent(sf, k -> new HashMap<>());
            for (int i = 0; i < n; i++) {
                double sigma = 2 + 0.5 * rng.nextGaussian();
                double rho4 = 2 + 0.1 * rng.nextGaussian();
                if (i % 13 == 0) {
                    out.add(RowFactory.create(sf, (long) i, i % 2 == 0 ? null : Double.NaN, rho4));
                    continue;
                }
                values.computeIfAbsent("adamom_sigma", k -> new ArrayList<>()).add(sigma);
                values.computeIfAbsent("adamom_rho4", k -> new ArrayList<>()).add(rho4);
                out.add(RowFactory.create(sf, (long) i, sigma, rho4));
            }
        }
        return out;
    }

    private static Map<String, double[]> arrays(Map<String, List<Double>> values) {
        Map<String, double[]> out = new HashMap<>();
        values.forEach((f, v) -> out.put(f, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private org.apache.hadoop.fs.Path write(SparkSession spark, List<Row> rows, String name, int partitions) {
        String dir = tmp.resolve(name).toUri().toString();
        spark.createDataFrame(rows, SCHEMA).repartition(partitions).write().mode(SaveMode.Overwrite)
                .partitionBy("subfield").parquet(dir);
        return new org.apache.hadoop.fs.Path(dir);
    }
}
