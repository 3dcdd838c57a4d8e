package org.megalut.spark.steps;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.megalut.eval.BiasTable;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ValidationLeakage;
import org.megalut.spark.settings.RunSettings;

/**
 * The inputs of the PSF leakage from validation simulations ({@link ValidationLeakage}): for each selected
 * subfield that has a {@code validate-weights} table, its weighted c per component with errors, and the
 * mean adaptive-moment g of its stars (the PSF shape known without truth, as for any real branch).
 * The tables are those of each subfield's last validation.
 */
public final class ValidationLeakagePoints {

    private ValidationLeakagePoints() { }

    /** The subfields' points, in subfield order; empty when no subfield has been validated with weights. */
    public static List<ValidationLeakage.Point> read(SparkSession spark, RunSettings s) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Map<Integer, double[]> stars = null;
        List<ValidationLeakage.Point> out = new ArrayList<>();
        for (int sf : s.subfields()) {
            Path csv = ValidateStep.biasFile(s.workdir(), ValidateStep.Kind.WEIGHTS, sf);
            FileSystem fs = csv.getFileSystem(conf);
            if (!fs.exists(csv)) {
                continue;
            }
            List<BiasTable.Row> rows;
            try (InputStream in = fs.open(csv)) {
                rows = BiasTable.read(in, csv.toString());
            }
            ShearBias c1 = weighted(rows, "g1");
            ShearBias c2 = weighted(rows, "g2");
            if (stars == null) {
                stars = GroupStep.starMeans(spark, s);
            }
            double[] star = stars.get(sf);
            if (c1 == null || c2 == null || star == null) {
                continue;
            }
            out.add(new ValidationLeakage.Point(sf, star[0], star[1], c1.c(), c1.cErr(), c2.c(), c2.cErr()));
        }
        return out;
    }

    private static ShearBias weighted(List<BiasTable.Row> rows, String component) {
        return rows.stream().filter(r -> r.weighted() && r.component().equals(component)).map(BiasTable.Row::bias)
                .findFirst().orElse(null);
    }
}
