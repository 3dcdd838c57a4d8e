package org.megalut.spark.steps;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.eval.GroupedSubfield;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarShapeParams;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.FailureRecords;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.TruthFiles;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.GroupTable;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.RunSettings;

/**
 * {@code group}: one row per subfield of a prediction run with the unweighted and the weighted mean shear
 * of its galaxies with valid predictions (g_i = Σ w ĝ_i / Σ w, MegaLUT's submission), counts, the mean
 * measured PSF features of its stars, and the truth: the truth files for observations (when a truth
 * directory is given), the simulated shear for a mimic run. Written to the run's {@code group.csv}.
 */
public final class GroupStep {

    private GroupStep() { }

    /**
     * The group table's rows, and the selected subfields left out because they have no complete predictions,
     * with the reason (the earliest failure recorded for them, else the missing step).
     */
    public record Grouped(List<GroupedSubfield> rows, Map<Integer, String> failed) { }

    /**
     * Groups the selected subfields that have complete predictions; writes {@code group.csv} and
     * {@code failed.csv} (the others and why).
     *
     * @throws IllegalStateException when no selected subfield has predictions
     */
    public static Grouped run(SparkSession spark, RunSettings s, PredictionRun run) throws IOException {
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        SubfieldState predicted = new SubfieldState(new Path(s.workdir()), run.predictStep(), conf.value());
        List<Integer> subfields = new ArrayList<>();
        Map<Integer, String> failed = new TreeMap<>();
        Map<Integer, FailureRecords.Failure> records = null;
        for (int sf : s.subfields()) {
            if (predicted.done(sf) != null && run.predictions(sf).getFileSystem(conf.value()).exists(run.predictions(sf))) {
                subfields.add(sf);
                continue;
            }
            if (records == null) {
                records = FailureRecords.earliest(s.workdir(), conf.value());
            }
            FailureRecords.Failure f = records.get(sf);
            failed.put(sf, f != null ? f.toString() : "no predictions: run "
                    + (run.target() == PredictionRun.Target.OBS ? "predict-obs" : "mimic") + " first");
        }
        GroupTable.writeFailed(failed, run.failedCsv(), conf.value());
        if (subfields.isEmpty()) {
            throw new IllegalStateException("no selected subfield of " + run.label() + " has predictions; "
                    + failed.entrySet().iterator().next());
        }
        List<double[]> sums = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(subfields, Math.max(1, subfields.size()))
                .map(sf -> means(LongTables.read(run.predictions(sf), conf.value()), run.predictions(sf)))
                .collect();
        Map<Integer, double[]> stars = starMeans(spark, s);
        String truth = s.truthDir();
        boolean truthFiles = truth != null && !truth.isBlank();
        List<GroupedSubfield> rows = new ArrayList<>();
        for (int i = 0; i < subfields.size(); i++) {
            int sf = subfields.get(i);
            double[] m = sums.get(i);
            double tg1 = m[5];
            double tg2 = m[6];
            double pg1 = Double.NaN;
            double pg2 = Double.NaN;
            if (truthFiles && !BranchLayout.isDeep(sf)) {
                if (run.target() == PredictionRun.Target.OBS) {
                    ShearParams g = TruthFiles.shear(truth, sf, conf.value());
                    tg1 = g.g1();
                    tg2 = g.g2();
                }
                StarShapeParams p = TruthFiles.starShape(truth, sf, conf.value());
                pg1 = p == null ? StarShapeParams.FAILED : p.psfG1();
                pg2 = p == null ? StarShapeParams.FAILED : p.psfG2();
            }
            double[] st = stars.getOrDefault(sf, new double[] {Double.NaN, Double.NaN, Double.NaN});
            rows.add(new GroupedSubfield(sf, (long) m[0], (long) m[7], m[1], m[2], m[3], m[4], tg1, tg2, pg1, pg2,
                    st[0], st[1], st[2]));
        }
        GroupTable.write(rows, run.groupCsv(), conf.value());
        return new Grouped(rows, failed);
    }

    /**
     * {count, mean s1, mean s2, weighted s1, weighted s2, true s1, true s2, total} over rows with valid
     * predictions and weights; the true shear is the table's {@code tru_s1, tru_s2} when it has them
     * (simulations), which must then be one value per subfield.
     */
    static double[] means(LongTable t, Path file) {
        double n = 0;
        double s1 = 0;
        double s2 = 0;
        double w1 = 0;
        double w2 = 0;
        double sw1 = 0;
        double sw2 = 0;
        boolean sim = t.columns().contains("tru_s1") && t.columns().contains("tru_s2");
        double t1 = Double.NaN;
        double t2 = Double.NaN;
        for (int r = 0; r < t.rowCount(); r++) {
            if (sim) {
                double a = t.value(r, "tru_s1");
                double b = t.value(r, "tru_s2");
                if (r == 0) {
                    t1 = a;
                    t2 = b;
                } else if (a != t1 || b != t2) {
                    throw new IllegalArgumentException(file + ": a subfield's simulation must have one shear to be "
                            + "grouped, found (" + t1 + ", " + t2 + ") and (" + a + ", " + b + ")");
                }
            }
            double p1 = t.value(r, "pre_s1");
            double p2 = t.value(r, "pre_s2");
            double q1 = t.value(r, "pre_s1w");
            double q2 = t.value(r, "pre_s2w");
            if (Double.isNaN(p1) || Double.isNaN(p2) || Double.isNaN(q1) || Double.isNaN(q2)) {
                continue;
            }
            n++;
            s1 += p1;
            s2 += p2;
            sw1 += q1 * p1;
            sw2 += q2 * p2;
            w1 += q1;
            w2 += q2;
        }
        return new double[] {n, s1 / n, s2 / n, sw1 / w1, sw2 / w2, t1, t2, t.rowCount()};
    }

    /** Mean measured g1, g2, sigma of each subfield's stars with a valid measurement. */
    static Map<Integer, double[]> starMeans(SparkSession spark, RunSettings s) throws IOException {
        Map<Integer, double[]> out = new HashMap<>();
        Path stars = WorkdirLayout.of(s.workdir()).table(WorkdirLayout.STARS);
        if (!stars.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(stars)) {
            return out;
        }
        Object[] selected = Arrays.stream(s.subfields()).boxed().toArray();
        for (Row r : spark.read().parquet(stars.toString())
                .where(col("subfield").isin(selected).and(col("psf_flag").equalTo(0)))
                .groupBy("subfield").agg(avg("psf_adamom_g1"), avg("psf_adamom_g2"), avg("psf_adamom_sigma"))
                .collectAsList()) {
            out.put(r.getInt(0), new double[] {r.getDouble(1), r.getDouble(2), r.getDouble(3)});
        }
        return out;
    }
}
