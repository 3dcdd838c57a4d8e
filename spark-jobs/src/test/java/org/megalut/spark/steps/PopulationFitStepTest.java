package org.megalut.spark.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.megalut.config.StrictConfig;
import org.megalut.sim.megalut.PopulationFit;
import org.megalut.spark.TestSpark;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.settings.RunSettings;

/**
 * The population fit read from a work directory: the observed and simulated tables of a few subfields made
 * in the test (sizes larger than the simulation's), the same fitted laws whatever the partitioning,
 * failed measurements left out, and clear errors for a missing table or a uniform distribution.
 */
class PopulationFitStepTest {

    @TempDir
    Path tmp;

    @Test
    void fitsTheObservedSizesWhateverThePartitioning() throws Exception {
        SparkSession spark = TestSpark.get();
        Random rng = new Random(5);
        List<Row> obs = new ArrayList<>();
        List<Row> sim = new ArrayList<>();
        for (int sf = 0; sf < 2; sf++) {
            for (int i = 0; i < 3000; i++) {
                double hlr = truncated(rng, 1.6, 0.4, 0.75, 3.0);
                double flux = truncated(rng, 30, 10, 10, 200);
                boolean failed = i % 50 == 0;
                obs.add(RowFactory.create(sf, (long) i, failed ? null : measuredSigma(rng, hlr, sf), flux * (1 + 0.05
                        * rng.nextGaussian())));
            }
            for (int i = 0; i < 8000; i++) {
                double hlr = truncated(rng, 1.0, 0.8, 0.75, 3.0);
                double flux = truncated(rng, 15, 20, 10, 200);
                sim.add(RowFactory.create(sf, (long) i, measuredSigma(rng, hlr, sf), flux * (1 + 0.05 * rng.nextGaussian()),
                        hlr, flux));
            }
        }
        Path work = tmp.resolve("work");
        StructType obsSchema = new StructType().add("subfield", DataTypes.IntegerType).add("id", DataTypes.LongType)
                .add("adamom_sigma", DataTypes.DoubleType).add("adamom_flux", DataTypes.DoubleType);
        StructType simSchema = new StructType().add("subfield", DataTypes.IntegerType).add("galaxy", DataTypes.LongType)
                .add("adamom_sigma", DataTypes.DoubleType).add("adamom_flux", DataTypes.DoubleType)
                .add("tru_rad", DataTypes.DoubleType).add("tru_flux", DataTypes.DoubleType);
        Config c = StrictConfig.merge(ConfigFactory.parseMap(Map.of("workdir", work.toUri().toString())),
                StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"), "test");
        RunSettings s = RunSettings.from(c, new int[] {0, 1, 2}, null, false);

        List<PopulationFit.Result> fits = new ArrayList<>();
        for (int partitions : new int[] {1, 4}) {
            write(spark, obs, obsSchema, work.resolve(WorkdirLayout.OBSERVATIONS), partitions);
            write(spark, sim, simSchema, work.resolve(WorkdirLayout.simulationName("simobscompa")), partitions);
            fits.add(PopulationFitStep.run(spark, s, "simobscompa", 10, 100_000));
        }
        assertEquals(fits.get(0), fits.get(1), "independent of the partitioning");
        PopulationFit.Result r = fits.get(0);
        assertEquals(2, r.subfields(), "subfield 2 has neither table: left out");
        assertEquals(1.6, r.hlr().mean(), 0.1);
        assertEquals(0.4, r.hlr().sigma(), 0.1);
        assertTrue(r.ksSigmaAfter() < r.ksSigmaBefore() / 3, r.toString());

        // The same dataset declared as cut (its galaxies here are not): the selection-aware fit, whose kept fractions
        // are then equal on every subfield, finds the same parent within the fit's precision.
        Config cut = StrictConfig.merge(ConfigFactory.parseString("datasets.simobscompa.selection = { snr-min = 0,"
                + " snr-max = 1e9, min-resolution = -1 }\nworkdir = \"" + work.toUri() + "\"\n"),
                StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"), "test", RunSettings.NAMED_SECTIONS);
        PopulationFit.Result aware = PopulationFitStep.run(spark, RunSettings.from(cut, new int[] {0, 1}, null, false),
                "simobscompa", 10, 100_000);
        assertTrue(!aware.equals(r), "the selection-aware fit ran");
        assertEquals(r.hlr().mean(), aware.hlr().mean(), 0.05);
        assertEquals(r.hlr().sigma(), aware.hlr().sigma(), 0.05);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PopulationFitStep.run(spark, s, "train-weight", 10, 1000));
        assertTrue(e.getMessage().contains("simulate train-weight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PopulationFitStep.run(spark, s, "train-shear", 10, 1000));
        assertTrue(e.getMessage().contains("TRAIN") && e.getMessage().contains("uniform"), e.getMessage());
    }

    private static double measuredSigma(Random rng, double hlr, int subfield) {
        double psf = 1.0 + 0.5 * subfield;
        return Math.sqrt(hlr * hlr + psf * psf) * (1 + 0.04 * rng.nextGaussian());
    }

    private static double truncated(Random rng, double mean, double sigma, double min, double max) {
        while (true) {
            double x = mean + sigma * rng.nextGaussian();
            if (x >= min && x <= max) {
                return x;
            }
        }
    }

    private static void write(SparkSession spark, List<Row> rows, StructType schema, Path dir, int partitions) {
        spark.createDataFrame(rows, schema).repartition(partitions).write().mode(SaveMode.Overwrite)
                .partitionBy("subfield").parquet(dir.toUri().toString());
    }
}
