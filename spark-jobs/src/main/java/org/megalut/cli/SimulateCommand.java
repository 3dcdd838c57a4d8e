package org.megalut.cli;

import com.typesafe.config.Config;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SubfieldStepRunner;
import org.megalut.spark.steps.DatasetSettings;
import org.megalut.spark.steps.SimulateStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate and measure a MegaLUT dataset (train-shear, train-weight, valid-shear, valid-overall,",
            "simobscompa, mimic-great3; settings under datasets.<name>) for each subfield, with its star stamps as PSF",
            "and its observed noise level, into <workdir>/sim/<dataset> (Parquet, one row per stamp)."})
final class SimulateCommand extends SparkStepCommand {

    @Parameters(index = "0", paramLabel = "DATASET", description = "Dataset name.")
    String dataset;

    @Option(names = "--keep-images", description = {"Also write the rendered stamps as FITS grids (GREAT3-like, nc stamps",
        "per row) under <workdir>/sim-images/<dataset>/subfield=S/, for inspection; subfields already done are",
        "skipped, so combine with --force to image an existing dataset."})
    boolean keepImages;

    @Override
    SubfieldStepRunner.Outcome run(SparkSession spark, RunSettings settings) throws Exception {
        Config c = options.config();
        return SimulateStep.run(spark, settings, c, dataset, keepImages);
    }

    @Override
    String stepName() {
        return "simulate " + dataset;
    }

    @Override
    String outputName() {
        return SimulateStep.name(dataset);
    }
}
