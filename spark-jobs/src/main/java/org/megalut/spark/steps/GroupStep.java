package org.megalut.spark.steps;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarShapeParams;
import org.megalut.ml.LongTable;
import org.megalut.spark.RunSettings;
import org.megalut.spark.TruthFiles;
import org.megalut.spark.io.LongTables;

/**
 * {@code group}: one row per subfield with the unweighted and the weighted mean shear of its galaxies
 * with valid predictions (g_i = Σ w ĝ_i / Σ w, MegaLUT's submission), counts, and the truth when a truth
 * directory is given. Written to {@code <workdir>/group.csv}.
 */
public final class GroupStep {

    private GroupStep() { }

    /**
     * A subfield's grouped estimate; truth fields are NaN without truth.
     *
     * @param galaxies galaxies with a valid prediction of both components
     */
    public record Row(int subfield, long galaxies, double s1, double s2, double s1w, double s2w, double trueG1,
                      double trueG2, double psfG1, double psfG2) implements java.io.Serializable { }

    public static List<Row> run(SparkSession spark, RunSettings s) throws IOException {
        Path pred = new Path(s.workdir(), PredictObsStep.NAME);
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        List<Integer> subfields = Arrays.stream(s.subfields()).boxed().toList();
        String truth = s.truthDir();
        List<double[]> sums = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(subfields, Math.max(1, subfields.size()))
                .map(sf -> means(LongTables.read(PredictObsStep.file(pred, sf), conf.value())))
                .collect();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < subfields.size(); i++) {
            int sf = subfields.get(i);
            double[] m = sums.get(i);
            double tg1 = Double.NaN;
            double tg2 = Double.NaN;
            double pg1 = Double.NaN;
            double pg2 = Double.NaN;
            if (truth != null && !truth.isBlank() && !BranchLayout.isDeep(sf)) {
                ShearParams g = TruthFiles.shear(truth, sf, conf.value());
                tg1 = g.g1();
                tg2 = g.g2();
                StarShapeParams p = TruthFiles.starShape(truth, sf, conf.value());
                pg1 = p == null ? StarShapeParams.FAILED : p.psfG1();
                pg2 = p == null ? StarShapeParams.FAILED : p.psfG2();
            }
            rows.add(new Row(sf, (long) m[0], m[1], m[2], m[3], m[4], tg1, tg2, pg1, pg2));
        }
        write(rows, new Path(s.workdir(), "group.csv"), conf.value());
        return rows;
    }

    /** {count, mean s1, mean s2, weighted s1, weighted s2} over rows with valid predictions and weights. */
    static double[] means(LongTable t) {
        double n = 0;
        double s1 = 0;
        double s2 = 0;
        double w1 = 0;
        double w2 = 0;
        double sw1 = 0;
        double sw2 = 0;
        for (int r = 0; r < t.rowCount(); r++) {
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
        return new double[] {n, s1 / n, s2 / n, sw1 / w1, sw2 / w2};
    }

    static void write(List<Row> rows, Path csv, Configuration conf) throws IOException {
        FileSystem fs = csv.getFileSystem(conf);
        fs.setWriteChecksum(false);
        try (OutputStream os = fs.create(csv, true); PrintStream ps = new PrintStream(os, false, StandardCharsets.UTF_8)) {
            ps.println("subfield,galaxies,pre_s1,pre_s2,pre_s1w,pre_s2w,tru_s1,tru_s2,tru_psf_g1,tru_psf_g2");
            for (Row r : rows) {
                ps.println(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%s,%s,%s,%s", r.subfield(), r.galaxies(),
                        num(r.s1()), num(r.s2()), num(r.s1w()), num(r.s2w()), num(r.trueG1()), num(r.trueG2()),
                        num(r.psfG1()), num(r.psfG2())));
            }
        }
    }

    /** Reads a {@code group.csv} written by {@link #run}. */
    public static List<Row> read(Path csv, Configuration conf) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (var in = csv.getFileSystem(conf).open(csv)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split(",", -1);
                if (f.length != 10) {
                    throw new IllegalArgumentException(csv + ", line " + (i + 1) + ": expected 10 fields, found " + f.length);
                }
                rows.add(new Row(Integer.parseInt(f[0]), Long.parseLong(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]),
                        d(f[6]), d(f[7]), d(f[8]), d(f[9])));
            }
        }
        return rows;
    }

    private static double d(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
