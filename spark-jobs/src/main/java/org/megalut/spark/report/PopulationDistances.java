package org.megalut.spark.report;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.megalut.eval.PopulationMatch;
import org.megalut.eval.PopulationMatch.FeatureDistance;
import org.megalut.eval.PopulationMatch.SubfieldDistances;
import org.megalut.spark.io.FiniteRows;
import org.megalut.spark.io.RowThinning;
import scala.Tuple2;

/**
 * Per subfield, the KS distance of each feature between the observed galaxies and a simulated dataset
 * ({@link PopulationMatch}), computed where the data are: each table keeps the stamps whose features are
 * all finite (the same selection in both: failed measurements out), is thinned by a fixed hash of the row
 * keys to about {@code sample} rows per subfield, and the two samples of a subfield meet in one task.
 * Only the distances reach the driver. The thinning and D do not depend on the partitioning.
 */
public final class PopulationDistances {
    /** The key of the population match in a run's metrics.json. */
    public static final String METRICS_KEY = "population";
    private static final int OBS = 0;
    private static final int SIM = 1;

    private PopulationDistances() { }

    /**
     * @param sample rows per subfield and table compared (about; a smaller table is used whole)
     * @return the distances of the subfields present in both tables, by subfield; empty when either table
     *         does not exist
     */
    public static List<SubfieldDistances> compute(SparkSession spark, Path obsTable, Path simTable, int[] subfields,
                                                  List<String> features, long sample) throws IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        if (!obsTable.getFileSystem(conf).exists(obsTable) || !simTable.getFileSystem(conf).exists(simTable)) {
            return List.of();
        }
        Dataset<Row> obs = spark.read().parquet(obsTable.toString());
        Dataset<Row> sim = spark.read().parquet(simTable.toString());
        List<String> present = features.stream().filter(Arrays.asList(obs.columns())::contains)
                .filter(Arrays.asList(sim.columns())::contains).toList();
        if (present.isEmpty()) {
            return List.of();
        }
        long cap = sample * subfields.length;
        JavaPairRDD<Integer, Tuple2<Integer, double[]>> rows = tagged(obs, subfields, present, cap, OBS)
                .union(tagged(sim, subfields, present, cap, SIM));
        // The task results are plain arrays (ks, critical99, n_obs, n_sim per feature): Spark's Kryo cannot
        // build records.
        List<Tuple2<Integer, double[]>> parts = rows.groupByKey().map(g -> {
            List<List<double[]>> bySource = List.of(new ArrayList<>(), new ArrayList<>());
            g._2().forEach(t -> bySource.get(t._1()).add(t._2()));
            if (bySource.get(OBS).isEmpty() || bySource.get(SIM).isEmpty()) {
                return new Tuple2<>(g._1(), new double[0]);
            }
            SubfieldDistances d = PopulationMatch.of(g._1(), present, columns(present, bySource.get(OBS)),
                    columns(present, bySource.get(SIM)));
            return new Tuple2<>(g._1(), d.features().stream()
                    .flatMapToDouble(f -> DoubleStream.of(f.ks(), f.critical99(), f.nObs(), f.nSim())).toArray());
        }).collect();
        List<SubfieldDistances> out = new ArrayList<>();
        for (Tuple2<Integer, double[]> p : parts) {
            double[] v = p._2();
            if (v.length > 0) {
                List<FeatureDistance> distances = new ArrayList<>();
                for (int j = 0; j < present.size(); j++) {
                    distances.add(new FeatureDistance(present.get(j), v[4 * j], v[4 * j + 1], (long) v[4 * j + 2],
                            (long) v[4 * j + 3]));
                }
                out.add(new SubfieldDistances(p._1(), distances));
            }
        }
        out.sort((a, b) -> Integer.compare(a.subfield(), b.subfield()));
        return out;
    }

    /**
     * Adds the population-match table of a run's metrics.json section to the page: per subfield the D of
     * every feature, mismatches marked, and a warning listing the subfields flagged.
     *
     * @param population the section, or null when metrics.json has none (a note says why)
     */
    static void addTo(HtmlPage page, JsonNode population) {
        if (population == null) {
            page.note("No population match in metrics.json: evaluate has not run, or the simulated dataset it"
                    + " compares with (population-match.dataset) was not in the workdir when it ran.");
            return;
        }
        String dataset = population.get("dataset").asText();
        double threshold = population.get("threshold").asDouble();
        List<String> features = new ArrayList<>();
        population.get("median_ks").fieldNames().forEachRemaining(features::add);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode sf : population.get("subfields")) {
            List<String> cells = new ArrayList<>(List.of(sf.get("subfield").asText()));
            List<String> mismatched = new ArrayList<>();
            sf.get("mismatched").forEach(m -> mismatched.add(m.asText()));
            for (String f : features) {
                JsonNode d = sf.get("features").get(f);
                cells.add(d == null ? "-" : String.format(Locale.ROOT, "%.3f%s", d.get("ks").asDouble(),
                        mismatched.contains(f) ? " ✗" : ""));
            }
            rows.add(cells);
        }
        List<String> medians = new ArrayList<>(List.of("median"));
        features.forEach(f -> medians.add(String.format(Locale.ROOT, "%.3f", population.get("median_ks").get(f).asDouble())));
        rows.add(medians);
        List<String> header = new ArrayList<>(List.of("subfield"));
        header.addAll(features);
        int flagged = population.get("mismatched_subfields").size();
        if (flagged > 0) {
            page.warning(flagged + " of " + population.get("subfields").size() + " subfields have a feature whose"
                    + " observed distribution differs from " + dataset + "'s (marked ✗): the networks see feature"
                    + " values there that they were trained on too rarely, a source of model bias.");
        }
        page.table(header, rows);
        page.note(String.format(Locale.ROOT, "Population match against %s: the two-sample Kolmogorov–Smirnov distance D"
                + " (largest difference of the cumulative fractions) between the observed and simulated stamps of each"
                + " subfield whose features are all finite, thinned to about the same number per subfield by a fixed"
                + " hash; ✗ when D > %.3g (population-match.threshold) and D exceeds its 1 %% critical value for"
                + " two samples of one distribution.", dataset, threshold));
    }

    /** (subfield, (source, feature values)) of the selected, thinned rows of a table. */
    private static JavaPairRDD<Integer, Tuple2<Integer, double[]>> tagged(Dataset<Row> t, int[] subfields,
                                                                          List<String> features, long cap, int source) {
        Dataset<Row> selected = t.where(col("subfield").isin(Arrays.stream(subfields).boxed().toArray()))
                .where(FiniteRows.allFinite(features));
        Dataset<Row> kept = RowThinning.thin(selected, cap);
        List<Column> cols = new ArrayList<>(List.of(col("subfield").cast("int")));
        features.forEach(f -> cols.add(col(f).cast("double")));
        int n = features.size();
        return kept.select(cols.toArray(Column[]::new)).javaRDD().mapToPair(r -> {
            double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = r.getDouble(j + 1);
            }
            return new Tuple2<>(r.getInt(0), new Tuple2<>(source, v));
        });
    }

    /** Feature → its values, from rows of feature vectors. */
    private static Map<String, double[]> columns(List<String> features, List<double[]> rows) {
        Map<String, double[]> out = new HashMap<>();
        for (int j = 0; j < features.size(); j++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[j];
            }
            out.put(features.get(j), v);
        }
        return out;
    }
}
