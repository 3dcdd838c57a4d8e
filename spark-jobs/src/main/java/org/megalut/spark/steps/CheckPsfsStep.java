package org.megalut.spark.steps;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.megalut.great3.StarShapeParams;
import org.megalut.spark.TruthFiles;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.settings.RunSettings;

/**
 * {@code check-psfs}: one row per subfield with its PSF size and shape from the star features, sorted
 * by PSF size ({@link Order}) — the table MegaLUT used to spot odd PSFs before training. Written as Parquet
 * ({@code <workdir>/psfs/}) and CSV ({@code <workdir>/psfs.csv}), and printed.
 *
 * <p>Columns: subfield; star0_sigma, star0_g1, star0_g2 (adaptive moments of the centred star 0, the
 * shape GREAT3's metric uses); mean_sigma, mean_g1, mean_g2 over the measured stars; stars and
 * stars_failed counts; with {@code --truth}, truth_psf_g1 and truth_psf_g2 from
 * {@code starshape_parameters-SSS-0}.
 */
public final class CheckPsfsStep {
    public static final String NAME = WorkdirLayout.PSFS;

    /** The PSF size the table is sorted by. */
    public enum Order {
        /** The mean adaptive-moment σ of the subfield's measured stars, MegaLUT's order. */
        MEAN("mean", "mean_sigma"),
        /** The adaptive-moment σ of the centred star 0, whose shape GREAT3's metric uses. */
        STAR0("star0", "star0_sigma");

        private final String optionName;
        private final String column;

        Order(String optionName, String column) {
            this.optionName = optionName;
            this.column = column;
        }

        /**
         * The order of an option value.
         *
         * @throws IllegalArgumentException naming the valid values
         */
        public static Order byName(String name) {
            for (Order o : values()) {
                if (o.optionName.equalsIgnoreCase(name)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("--sort-by must be mean or star0, got " + name);
        }
    }

    private CheckPsfsStep() { }

    public static Dataset<Row> table(SparkSession spark, RunSettings s) {
        Path stars = WorkdirLayout.of(s.workdir()).table(WorkdirLayout.STARS);
        Object[] selected = Arrays.stream(s.subfields()).boxed().toArray();
        Dataset<Row> st = spark.read().parquet(stars.toString()).where(col("subfield").isin(selected));
        return st.groupBy("subfield").agg(
                        first(when(col("star").equalTo(0), col("psf_adamom_sigma")), true).as("star0_sigma"),
                        first(when(col("star").equalTo(0), col("psf_adamom_g1")), true).as("star0_g1"),
                        first(when(col("star").equalTo(0), col("psf_adamom_g2")), true).as("star0_g2"),
                        avg("psf_adamom_sigma").as("mean_sigma"),
                        avg("psf_adamom_g1").as("mean_g1"),
                        avg("psf_adamom_g2").as("mean_g2"),
                        count("*").as("stars"),
                        count(when(col("psf_adamom_sigma").isNull(), 1)).as("stars_failed"))
                .orderBy(col("subfield"));
    }

    /** Builds, writes and prints the table in the given order; returns its rows. */
    public static List<Row> run(SparkSession spark, RunSettings s, Order order, PrintStream stdout) throws IOException {
        Path stars = WorkdirLayout.of(s.workdir()).table(WorkdirLayout.STARS);
        FileSystem fs = stars.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(stars)) {
            throw new IllegalStateException("no star features at " + stars + ": run measure-stars first");
        }
        // One file whose rows are in the printed order whatever the master: the truth join reshuffles, so
        // the order is imposed inside the single partition, after it.
        Dataset<Row> t = withTruth(spark, s, table(spark, s)).repartition(1)
                .sortWithinPartitions(col(order.column).asc_nulls_last(), col("subfield"));
        Path out = WorkdirLayout.of(s.workdir()).table(NAME);
        t.write().mode(SaveMode.Overwrite).parquet(out.toString());
        List<Row> rows = spark.read().parquet(out.toString()).orderBy(col(order.column).asc_nulls_last(),
                col("subfield")).collectAsList();
        String header = String.join(",", t.columns());
        Path csv = new Path(out.getParent(), NAME + ".csv");
        AtomicWrite.stream(csv, fs.getConf(), os -> {
            PrintStream ps = new PrintStream(os, false, StandardCharsets.UTF_8);
            ps.println(header);
            for (Row r : rows) {
                ps.println(csvLine(r));
            }
            ps.flush();
        });
        stdout.println("PSFs sorted by size (" + (order == Order.MEAN ? "mean adaptive-moment sigma of the stars"
                : "star 0 adaptive-moment sigma") + ", px); table in " + out + " and " + csv);
        stdout.println(String.format(Locale.ROOT, "%8s %10s %9s %9s %10s %6s", "subfield", "star0_sigma", "g1", "g2",
                "mean_sigma", "failed"));
        for (Row r : rows) {
            String line = String.format(Locale.ROOT, "%8d %10s %9s %9s %10s %6d", r.getInt(0), fmt(r, 1), fmt(r, 2),
                    fmt(r, 3), fmt(r, 4), r.getLong(8));
            if (r.length() > 9 && !r.isNullAt(9)) {
                line += String.format(Locale.ROOT, "   truth g1 %9.5f g2 %9.5f", r.getDouble(9), r.getDouble(10));
            }
            stdout.println(line);
        }
        return rows;
    }

    /**
     * Adds GREAT3's truth PSF shape (truth_psf_g1, truth_psf_g2: HSM on the noiseless star 0, −10 when
     * it failed) when a truth directory is given, so the measured star-0 shape can be checked against it.
     */
    static Dataset<Row> withTruth(SparkSession spark, RunSettings s, Dataset<Row> table) throws IOException {
        if (s.truthDir() == null || s.truthDir().isBlank()) {
            return table;
        }
        var conf = spark.sparkContext().hadoopConfiguration();
        List<Row> truth = new ArrayList<>();
        for (int sf : s.subfields()) {
            StarShapeParams p = TruthFiles.starShape(s.truthDir(), sf, conf);
            if (p != null) {
                truth.add(PsfTruthRow.TABLE.row(new PsfTruthRow(sf, p.psfG1(), p.psfG2())));
            }
        }
        return table.join(spark.createDataFrame(truth, PsfTruthRow.TABLE.schema()), "subfield", "left");
    }

    private static String fmt(Row r, int i) {
        return r.isNullAt(i) ? "failed" : String.format(Locale.ROOT, "%.5f", r.getDouble(i));
    }

    private static String csvLine(Row r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
        }
        return sb.toString();
    }
}
