package org.megalut.spark.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.config.StrictConfig;
import org.megalut.eval.BiasTable;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ValidationLeakage;
import org.megalut.spark.TestSpark;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.settings.RunSettings;

/**
 * The leakage points pair each validated subfield's weighted c with the mean g of its valid stars; subfields
 * without a validate-weights table are left out.
 */
class ValidationLeakagePointsTest {

    @TempDir
    Path tmp;

    @Test
    void weightedBiasAndMeanStarShapePerValidatedSubfield() throws Exception {
        SparkSession spark = TestSpark.get();
        Path work = tmp.resolve("work");
        List<Row> stars = new ArrayList<>();
        for (int sf = 0; sf < 4; sf++) {
            // Two valid stars around g = (0.01 sf, −0.02 sf) and one failed star that must not count.
            stars.add(RowFactory.create(sf, 0, 0.01 * sf + 0.001, -0.02 * sf, 2.0));
            stars.add(RowFactory.create(sf, 0, 0.01 * sf - 0.001, -0.02 * sf, 2.0));
            stars.add(RowFactory.create(sf, 1, 5.0, 5.0, 2.0));
        }
        StructType schema = new StructType().add("subfield", DataTypes.IntegerType).add("psf_flag", DataTypes.IntegerType)
                .add("psf_adamom_g1", DataTypes.DoubleType).add("psf_adamom_g2", DataTypes.DoubleType)
                .add("psf_adamom_sigma", DataTypes.DoubleType);
        spark.createDataFrame(stars, schema).write().partitionBy("subfield")
                .parquet(work.resolve(WorkdirLayout.STARS).toUri().toString());
        PredictionRun run = new PredictionRun(work.toUri().toString(), "main", PredictionRun.Target.OBS);
        for (int sf : new int[] {0, 1, 3}) {
            Path csv = Path.of(ValidateStep.biasFile(run, ValidateStep.Kind.WEIGHTS, sf).toUri());
            Files.createDirectories(csv.getParent());
            try (OutputStream out = Files.newOutputStream(csv)) {
                BiasTable.write(List.of(
                        new BiasTable.Row("g1", false, new ShearBias(0.01, 0.001, 9, 1, 0.01, 10)),
                        new BiasTable.Row("g1", true, new ShearBias(0.001, 0.001, 1e-4 * sf, 1e-5, 0.01, 10)),
                        new BiasTable.Row("g2", true, new ShearBias(0.001, 0.001, -2e-4 * sf, 2e-5, 0.01, 10))), out);
            }
        }
        Config c = StrictConfig.merge(ConfigFactory.parseMap(Map.of("workdir", work.toUri().toString())),
                StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"), "test");
        RunSettings s = RunSettings.from(c, new int[] {0, 1, 2, 3}, null, false);
        List<ValidationLeakage.Point> points = ValidationLeakagePoints.of(spark, s, ValidateStep.tables(run,
                ValidateStep.Kind.WEIGHTS, List.of(0, 1, 2, 3), spark.sparkContext().hadoopConfiguration()));

        assertEquals(List.of(0, 1, 3), points.stream().map(ValidationLeakage.Point::subfield).toList());
        ValidationLeakage.Point p = points.get(2);
        assertEquals(0.03, p.psfG1(), 1e-12);
        assertEquals(-0.06, p.psfG2(), 1e-12);
        assertEquals(3e-4, p.c1(), 1e-15);
        assertEquals(1e-5, p.c1Error(), 0);
        assertEquals(-6e-4, p.c2(), 1e-15);
        // c1 = 0.01 e1 and c2 = 0.01 e2 exactly: α = 0.01 for both components.
        List<ValidationLeakage> fits = ValidationLeakage.fit(points);
        assertEquals(0.01, fits.get(0).alpha(), 1e-9);
        assertEquals(0.01, fits.get(1).alpha(), 1e-9);
    }
}
