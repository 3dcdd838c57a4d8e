package org.megalut.spark.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.io.FiniteRows;

/**
 * Per-subfield mean and standard deviation of each feature of a catalogue (observations or a
 * simulation, partitioned by {@code subfield}), computed where the data are: the features of a row are
 * assembled into one MLlib vector and {@link Summarizer} aggregates the vectors of each subfield, so
 * only a few numbers per subfield reach the driver, whatever the table's size.
 *
 * <p>Rows count only when every feature is finite, so that a subfield's statistics all describe one
 * set of stamps: failed measurements (flags 1 and 3, whose adaptive moments are null) are left out, as
 * in the report's histograms, which also drop non-finite values; unlike the histograms, which drop
 * them feature by feature, the sky statistics of a flag-3 stamp go with its moments. The standard
 * deviation is the sample one, with n − 1 in the denominator (Summarizer's {@code std}).
 */
final class FeatureSummary {
    private static final String VECTOR = "features";
    private static final String STATS = "stats";

    private FeatureSummary() { }

    /**
     * Statistics of one subfield of one catalogue.
     *
     * @param count    rows with every feature finite
     * @param features the features summarised: those requested that the table has, in their order
     * @param mean     mean of each feature over those rows
     * @param std      sample standard deviation of each feature (0 when count is 1)
     */
    record Stats(long count, List<String> features, double[] mean, double[] std) {
    }

    /**
     * The statistics of the given subfields' rows. Features the table lacks are left out.
     *
     * @return subfield → statistics (sorted; subfields without a finite row left out), or null when the
     *         table does not exist
     */
    static Map<Integer, Stats> read(SparkSession spark, Path table, int[] subfields, List<String> features)
            throws IOException {
        if (!table.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(table)) {
            return null;
        }
        Dataset<Row> t = spark.read().parquet(table.toString())
                .where(col("subfield").isin(Arrays.stream(subfields).boxed().toArray()));
        List<String> present = features.stream().filter(Arrays.asList(t.columns())::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Column finite = FiniteRows.allFinite(present);
        List<Column> kept = new ArrayList<>(List.of(col("subfield").cast("int").as("subfield")));
        present.forEach(f -> kept.add(col(f).cast("double").as(f)));
        Dataset<Row> vectors = new VectorAssembler().setInputCols(present.toArray(String[]::new)).setOutputCol(VECTOR)
                .transform(t.where(finite).select(kept.toArray(Column[]::new)));
        return collect(vectors, present);
    }

    private static Map<Integer, Stats> collect(Dataset<Row> vectors, List<String> features) {
        Map<Integer, Stats> out = new TreeMap<>();
        List<Row> rows = vectors.groupBy("subfield")
                .agg(Summarizer.metrics("count", "mean", "std").summary(col(VECTOR)).as(STATS))
                .select(col("subfield"), col(STATS + ".count"), col(STATS + ".mean"), col(STATS + ".std"))
                .collectAsList();
        for (Row r : rows) {
            double[] mean = ((Vector) r.get(2)).toArray();
            double[] std = ((Vector) r.get(3)).toArray();
            if (mean.length != features.size()) {
                throw new IllegalStateException("summary of " + mean.length + " features, expected " + features);
            }
            out.put(r.getInt(0), new Stats(r.getLong(1), features, mean, std));
        }
        return out;
    }

    /**
     * Adds the table of every catalogue's statistics to the page: one row per subfield and catalogue,
     * "mean ± std" per feature.
     *
     * @param tables catalogue label → its table (those that do not exist are skipped)
     */
    static void addTo(HtmlPage page, SparkSession spark, Map<String, Path> tables, int[] subfields,
                      List<String> features) throws IOException {
        Map<Integer, List<List<String>>> bySubfield = new TreeMap<>();
        for (Map.Entry<String, Path> e : tables.entrySet()) {
            Map<Integer, Stats> stats = read(spark, e.getValue(), subfields, features);
            if (stats == null) {
                continue;
            }
            stats.forEach((sf, s) -> {
                List<String> cells = new ArrayList<>(List.of(Integer.toString(sf), e.getKey(), Long.toString(s.count())));
                for (String f : features) {
                    int j = s.features().indexOf(f);
                    cells.add(j < 0 ? "not in the table" : String.format(Locale.ROOT, "%.4g ± %.3g", s.mean()[j],
                            s.std()[j]));
                }
                bySubfield.computeIfAbsent(sf, k -> new ArrayList<>()).add(cells);
            });
        }
        if (bySubfield.isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("subfield", "sample", "stamps"));
        header.addAll(features);
        page.table(header, bySubfield.values().stream().flatMap(List::stream).toList());
        page.note("Per subfield: mean ± standard deviation (n − 1) of each feature over every stamp of the sample"
                + " whose features are all finite (failed measurements left out), computed on the whole tables"
                + " with Spark MLlib's Summarizer, not on the thinned histogram samples.");
    }
}
