package org.megalut.spark.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.megalut.eval.BiasTable;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ValidationLeakage;
import org.megalut.spark.settings.RunSettings;

/**
 * The inputs of the PSF leakage from validation simulations ({@link ValidationLeakage}): for each selected
 * subfield that has a {@code validate-weights} table, its weighted c per component with errors, and the
 * mean adaptive-moment g of its stars (the PSF shape known without truth, as for any real branch).
 * The tables are those of the run's last validation of each subfield.
 */
public final class ValidationLeakagePoints {

    private ValidationLeakagePoints() { }

    /**
     * The subfields' points from their {@code validate-weights} tables ({@link ValidateStep#tables}), in
     * subfield order; empty without tables.
     */
    public static List<ValidationLeakage.Point> of(SparkSession spark, RunSettings s,
                                                   Map<Integer, List<BiasTable.Row>> tables) throws IOException {
        List<ValidationLeakage.Point> out = new ArrayList<>();
        if (tables.isEmpty()) {
            return out;
        }
        Map<Integer, double[]> stars = GroupStep.starMeans(spark, s);
        tables.forEach((sf, rows) -> {
            ShearBias c1 = weighted(rows, "g1");
            ShearBias c2 = weighted(rows, "g2");
            double[] star = stars.get(sf);
            if (c1 != null && c2 != null && star != null) {
                out.add(new ValidationLeakage.Point(sf, star[0], star[1], c1.c(), c1.cErr(), c2.c(), c2.cErr()));
            }
        });
        return out;
    }

    private static ShearBias weighted(List<BiasTable.Row> rows, String component) {
        return rows.stream().filter(r -> r.weighted() && r.component().equals(component)).map(BiasTable.Row::bias)
                .findFirst().orElse(null);
    }
}
