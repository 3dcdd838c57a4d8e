package org.megalut.spark.steps;

import com.typesafe.config.Config;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.ml.Committee;
import org.megalut.ml.LongTable;
import org.megalut.ml.Predictions;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SubfieldTasks;
import org.megalut.spark.io.LongTables;

/**
 * {@code predict-for-weights}: applies each subfield's shear committees to its weight-training simulation
 * and writes the table with the point estimates ({@code pre_s1}, {@code pre_s2}) to
 * {@code <workdir>/pred/<dataset>/subfield=S/predictions.parquet}, the input of {@code learn-weights}.
 */
public final class PredictForWeightsStep {

    private PredictForWeightsStep() { }

    public static SubfieldTasks.Outcome run(SparkSession spark, RunSettings s, Config root) throws IOException {
        String dataset = root.getString("learn-weights.dataset");
        List<String> shearConfigs = LearnStep.componentConfigs(root, LearnStep.Kind.SHEAR);
        Path sims = new Path(s.workdir(), "sim/" + dataset);
        Path out = new Path(s.workdir(), "pred/" + dataset);
        Path committees = LearnStep.Kind.SHEAR.committees(s.workdir());
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        List<Integer> todo = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int sf : s.subfields()) {
            boolean done = out.getFileSystem(hconf).exists(file(out, sf));
            (done && !s.force() ? skipped : todo).add(sf);
        }
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        return SubfieldTasks.run(JavaSparkContext.fromSparkContext(spark.sparkContext()), "predict-for-weights", todo,
                skipped, sf -> {
                    Path part = new Path(sims, "subfield=" + sf);
                    if (!part.getFileSystem(conf.value()).exists(part)) {
                        throw new IllegalStateException("no simulation at " + part + ": run simulate " + dataset + " first");
                    }
                    LongTable table = LongTables.read(part, conf.value());
                    for (Committee c : LearnStep.committees(committees, sf, shearConfigs, conf.value())) {
                        table = Predictions.append(table, c);
                    }
                    LongTables.write(table, file(out, sf), conf.value());
                });
    }

    static Path file(Path out, int subfield) {
        return new Path(new Path(out, "subfield=" + subfield), "predictions.parquet");
    }
}
