package org.megalut.spark.steps;

import com.typesafe.config.Config;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.SubfieldTasks;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.LongTables;

/**
 * {@code predict-for-weights}: applies each subfield's shear committees to its weight-training simulation
 * and writes the table with the point estimates ({@code pre_s1}, {@code pre_s2}) to
 * {@code <workdir>/pred/<dataset>/subfield=S/predictions.parquet}, the input of {@code learn-weights}.
 */
public final class PredictForWeightsStep {

    private PredictForWeightsStep() { }

    /** The step's state name. */
    public static final String STEP = "predict-for-weights";

    public static SubfieldTasks.Outcome run(SparkSession spark, RunSettings s, Config root) throws IOException {
        String dataset = root.getString("learn-weights.dataset");
        List<String> shearConfigs = LearnStep.componentConfigs(root, LearnStep.Kind.SHEAR);
        Path sims = new Path(s.workdir(), SimulateStep.name(dataset));
        Path out = WorkdirLayout.of(s.workdir()).predictions(dataset);
        Path committees = LearnStep.Kind.SHEAR.committees(s.workdir());
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        Path workdir = new Path(s.workdir());
        SubfieldState simState = new SubfieldState(workdir, SimulateStep.name(dataset), hconf);
        SubfieldState learnState = new SubfieldState(workdir, LearnStep.Kind.SHEAR.section, hconf);
        String settings = LearnStep.fingerprint(shearConfigs) + "\ndataset=" + dataset;
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        return SubfieldTasks.run(spark, s, STEP,
                sf -> SubfieldTasks.digest(settings, simState.token(sf), learnState.token(sf)), sf -> {
                    Path part = WorkdirLayout.subfield(sims, sf);
                    if (!part.getFileSystem(conf.value()).exists(part)) {
                        throw new IllegalStateException("no simulation at " + part + ": run simulate " + dataset + " first");
                    }
                    LongTable table = LongTables.read(part, conf.value());
                    table = LearnStep.predict(table, committees, sf, shearConfigs, conf.value());
                    LongTables.write(table, file(out, sf), conf.value());
                });
    }

    static Path file(Path out, int subfield) {
        return new Path(WorkdirLayout.subfield(out, subfield), "predictions.parquet");
    }
}
