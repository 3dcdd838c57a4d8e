package org.megalut.cli;

import org.apache.spark.sql.SparkSession;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SubfieldStepRunner;
import org.megalut.spark.steps.MeasureObsStep;
import picocli.CommandLine.Command;

@Command(name = "measure-obs", mixinStandardHelpOptions = true,
        description = "Measure the features of every galaxy stamp into <workdir>/obs (Parquet, by subfield).")
final class MeasureObsCommand extends SparkStepCommand {
    @Override
    SubfieldStepRunner.Outcome run(SparkSession spark, RunSettings settings) throws Exception {
        return MeasureObsStep.run(spark, settings);
    }

    @Override
    String stepName() {
        return "measure-obs";
    }

    @Override
    String outputName() {
        return MeasureObsStep.NAME;
    }
}
