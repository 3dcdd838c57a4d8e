package org.megalut.spark.steps;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.CommitteeSet;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunCommittees;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.SubfieldRunner;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.CommitteeSettings;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.RunSettings;

/**
 * {@code predict-obs} (and the prediction of {@code mimic}): each subfield's shear and weight committees
 * (the sets the recipe keys, {@link CommitteeSet}) applied to its galaxies — the observed ones (case =
 * GREAT3 galaxy ID) or those of its {@code mimic-great3} simulation — into the prediction run's directory
 * ({@link PredictionRun}), which records the two sets ({@link RunCommittees}): a run switched to other
 * sets is predicted afresh, and refused when that would leave subfields of the old sets in it. Galaxies whose measurement failed get no prediction (masked features give NaN).
 */
public final class PredictStep {
    /** The simulated dataset a mimic run predicts. */
    public static final String MIMIC_DATASET = PredictionRun.MIMIC_DATASET;

    private PredictStep() { }

    public static StepOutcome run(SparkSession spark, RunSettings s, PredictionRun run) throws IOException {
        CommitteeSettings shear = s.recipe().learn();
        CommitteeSettings weight = s.recipe().learnWeights();
        CommitteeSet shearSet = CommitteeSet.shear(s.recipe());
        CommitteeSet weightSet = CommitteeSet.weight(s.recipe());
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        CommitteeSet.requireKeyedLayout(s.workdir(), hconf);
        RunCommittees.of(shearSet, weightSet).bind(run, s.subfields(), hconf);
        Path shearDir = shearSet.dir(s.workdir());
        Path weightDir = weightSet.dir(s.workdir());
        boolean obs = run.target() == PredictionRun.Target.OBS;
        String inputStep = run.target().inputTable();
        Path input = WorkdirLayout.of(s.workdir()).table(inputStep);
        Path workdir = new Path(s.workdir());
        SubfieldState in = new SubfieldState(workdir, inputStep, hconf);
        SubfieldState shearState = new SubfieldState(workdir, shearSet.path(), hconf);
        SubfieldState weightState = new SubfieldState(workdir, weightSet.path(), hconf);
        // The weight set's identity holds the shear set's key: the shear set's settings are not repeated.
        Fingerprint settings = Fingerprint.of().with("committees.shear", shearSet.key())
                .with("committees.weight", weightSet.key());
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        return SubfieldRunner.tasks(spark, s, run.predictStep(),
                sf -> weightState.appendTo(shearState.appendTo(in.appendTo(settings, sf), sf), sf), sf -> {
                    Path part = WorkdirLayout.subfield(input, sf);
                    LongTable table = obs ? LongTables.readParquet(part, conf.value(), "id", null)
                            : LongTables.read(part, conf.value());
                    table = LearnStep.predict(table, shearDir, sf, shear.configs(), conf.value());
                    table = LearnStep.predict(table, weightDir, sf, weight.configs(), conf.value());
                    LongTables.write(table, run.predictions(sf), conf.value());
                });
    }
}
