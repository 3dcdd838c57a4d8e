package org.megalut.spark.steps;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.CommitteeSet;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.SubfieldRunner;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.CommitteeSettings;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.Recipe;
import org.megalut.spark.settings.RunSettings;

/**
 * {@code predict-for-weights}: applies each subfield's shear committees (the recipe's shear set) to its
 * weight-training simulation and writes the table with the point estimates ({@code pre_s1}, {@code pre_s2})
 * to {@code <workdir>/pred/<shear set key>/<dataset>/subfield=S/predictions.parquet}, the input of the
 * weight sets keyed on that shear set ({@code learn-weights}).
 */
public final class PredictForWeightsStep {

    private PredictForWeightsStep() { }

    /** The name of the step's output and completion records for a recipe: its shear set's predictions. */
    public static String name(Recipe r) {
        return WorkdirLayout.predictionsName(CommitteeSet.shear(r).key(), r.learnWeights().dataset());
    }

    public static StepOutcome run(SparkSession spark, RunSettings s) throws IOException {
        String dataset = s.recipe().learnWeights().dataset();
        CommitteeSettings shear = s.recipe().learn();
        CommitteeSet shearSet = CommitteeSet.shear(s.recipe());
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        CommitteeSet.requireKeyedLayout(s.workdir(), hconf);
        String name = name(s.recipe());
        Path sims = new Path(s.workdir(), SimulateStep.name(dataset));
        Path out = WorkdirLayout.of(s.workdir()).table(name);
        Path committees = shearSet.dir(s.workdir());
        Path workdir = new Path(s.workdir());
        SubfieldState simState = new SubfieldState(workdir, SimulateStep.name(dataset), hconf);
        SubfieldState learnState = new SubfieldState(workdir, shearSet.path(), hconf);
        Fingerprint settings = shearSet.identity().with("learn-weights.dataset", dataset);
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        return SubfieldRunner.tasks(spark, s, name,
                sf -> learnState.appendTo(simState.appendTo(settings, sf), sf), sf -> {
                    Path part = WorkdirLayout.subfield(sims, sf);
                    if (!part.getFileSystem(conf.value()).exists(part)) {
                        throw new IllegalStateException("no simulation at " + part + ": run simulate " + dataset + " first");
                    }
                    LongTable table = LongTables.read(part, conf.value());
                    table = LearnStep.predict(table, committees, sf, shear.configs(), conf.value());
                    LongTables.write(table, file(out, sf), conf.value());
                });
    }

    static Path file(Path out, int subfield) {
        return new Path(WorkdirLayout.subfield(out, subfield), "predictions.parquet");
    }
}
