package org.megalut.cli;

import org.apache.spark.sql.SparkSession;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SubfieldStepRunner;
import org.megalut.spark.steps.MeasureStarsStep;
import picocli.CommandLine.Command;

@Command(name = "measure-stars", mixinStandardHelpOptions = true,
        description = "Measure the PSF features of each subfield's star field into <workdir>/stars (Parquet, by subfield).")
final class MeasureStarsCommand extends SparkStepCommand {
    @Override
    SubfieldStepRunner.Outcome run(SparkSession spark, RunSettings settings) throws Exception {
        return MeasureStarsStep.run(spark, settings);
    }

    @Override
    String stepName() {
        return "measure-stars";
    }

    @Override
    String outputName() {
        return MeasureStarsStep.NAME;
    }
}
