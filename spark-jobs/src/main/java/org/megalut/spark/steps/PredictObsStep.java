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
import org.megalut.spark.SubfieldStepRunner;
import org.megalut.spark.SubfieldTasks;
import org.megalut.spark.io.LongTables;

/**
 * {@code predict-obs}: each subfield's shear and weight committees applied to its observed galaxies
 * (case = GREAT3 galaxy ID); galaxies whose measurement failed get no prediction. Written to
 * {@code <workdir>/predobs/subfield=S/predictions.parquet}.
 */
public final class PredictObsStep {
    public static final String NAME = "predobs";

    private PredictObsStep() { }

    public static SubfieldTasks.Outcome run(SparkSession spark, RunSettings s, Config root) throws IOException {
        List<String> shear = LearnStep.componentConfigs(root, LearnStep.Kind.SHEAR);
        List<String> weight = LearnStep.componentConfigs(root, LearnStep.Kind.WEIGHT);
        Path obs = SubfieldStepRunner.output(s, MeasureObsStep.NAME);
        Path out = new Path(s.workdir(), NAME);
        Path shearDir = LearnStep.Kind.SHEAR.committees(s.workdir());
        Path weightDir = LearnStep.Kind.WEIGHT.committees(s.workdir());
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        List<Integer> todo = new ArrayList<>();
        for (int sf : s.subfields()) {
            todo.add(sf);
        }
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        return SubfieldTasks.run(JavaSparkContext.fromSparkContext(spark.sparkContext()), "predict-obs", todo, List.of(),
                sf -> {
                    LongTable table = LongTables.readParquet(new Path(obs, "subfield=" + sf), conf.value(), "id", null);
                    for (Committee c : LearnStep.committees(shearDir, sf, shear, conf.value())) {
                        table = Predictions.append(table, c);
                    }
                    for (Committee c : LearnStep.committees(weightDir, sf, weight, conf.value())) {
                        table = Predictions.append(table, c);
                    }
                    LongTables.write(table, file(out, sf), conf.value());
                });
    }

    static Path file(Path out, int subfield) {
        return new Path(new Path(out, "subfield=" + subfield), "predictions.parquet");
    }
}
