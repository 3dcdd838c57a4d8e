package org.megalut.spark.steps;

import com.typesafe.config.Config;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.SubfieldStepRunner;
import org.megalut.spark.SubfieldTasks;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.LongTables;

/**
 * {@code predict-obs} (and the prediction of {@code mimic}): each subfield's shear and weight committees
 * applied to its galaxies — the observed ones (case = GREAT3 galaxy ID) or those of its
 * {@code mimic-great3} simulation — into the prediction run's directory ({@link PredictionRun}).
 * Galaxies whose measurement failed get no prediction (masked features give NaN).
 */
public final class PredictStep {
    /** The simulated dataset a mimic run predicts. */
    public static final String MIMIC_DATASET = "mimic-great3";

    private PredictStep() { }

    public static SubfieldTasks.Outcome run(SparkSession spark, RunSettings s, Config root, PredictionRun run)
            throws IOException {
        List<String> shear = LearnStep.componentConfigs(root, LearnStep.Kind.SHEAR);
        List<String> weight = LearnStep.componentConfigs(root, LearnStep.Kind.WEIGHT);
        Path shearDir = LearnStep.Kind.SHEAR.committees(s.workdir());
        Path weightDir = LearnStep.Kind.WEIGHT.committees(s.workdir());
        boolean obs = run.target() == PredictionRun.Target.OBS;
        String inputStep = obs ? MeasureObsStep.NAME : SimulateStep.name(MIMIC_DATASET);
        Path input = SubfieldStepRunner.output(s, inputStep);
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        Path workdir = new Path(s.workdir());
        SubfieldState in = new SubfieldState(workdir, inputStep, hconf);
        SubfieldState shearState = new SubfieldState(workdir, LearnStep.Kind.SHEAR.section, hconf);
        SubfieldState weightState = new SubfieldState(workdir, LearnStep.Kind.WEIGHT.section, hconf);
        String settings = LearnStep.fingerprint(shear) + "\n" + LearnStep.fingerprint(weight);
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        return SubfieldTasks.run(spark, s, run.predictStep(),
                sf -> SubfieldTasks.digest(settings, in.token(sf), shearState.token(sf), weightState.token(sf)), sf -> {
                    Path part = WorkdirLayout.subfield(input, sf);
                    LongTable table = obs ? LongTables.readParquet(part, conf.value(), "id", null)
                            : LongTables.read(part, conf.value());
                    table = LearnStep.predict(table, shearDir, sf, shear, conf.value());
                    table = LearnStep.predict(table, weightDir, sf, weight, conf.value());
                    LongTables.write(table, run.predictions(sf), conf.value());
                });
    }
}
