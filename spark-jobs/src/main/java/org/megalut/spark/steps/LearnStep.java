package org.megalut.spark.steps;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.ml.CaseFilter;
import org.megalut.ml.Committee;
import org.megalut.ml.CommitteeIo;
import org.megalut.ml.CommitteeTrainer;
import org.megalut.ml.LongTable;
import org.megalut.ml.MlConfig;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SubfieldStepRunner;
import org.megalut.spark.io.LongTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code learn}: trains, per subfield and shear component, a committee on the subfield's training
 * simulation (one Spark task per subfield, the local optimiser inside it), and saves it as
 * {@code <workdir>/committees/shear/subfield=S/<prediction>.json}. A subfield whose committees exist
 * is skipped unless {@code --force}; one that fails is reported and the others are trained.
 */
public final class LearnStep {
    private static final Logger LOG = LoggerFactory.getLogger(LearnStep.class);

    private LearnStep() { }

    /** What happened to each selected subfield. */
    public record Outcome(List<Integer> trained, List<Integer> skipped, Map<Integer, String> failed) { }

    /** The committee configurations of the components: network config text + data config text. */
    public static List<String> componentConfigs(Config root) throws IOException {
        String network = text(root.getString("learn.network"));
        List<String> out = new ArrayList<>();
        for (String data : root.getStringList("learn.components")) {
            out.add(network + "\n" + text(data));
        }
        return out;
    }

    /** A configuration given as a file path, or as the name of one shipped in the jar (org/megalut/conf/). */
    static String text(String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of(name);
        if (Files.isRegularFile(file)) {
            return Files.readString(file);
        }
        try (InputStream in = LearnStep.class.getResourceAsStream("/org/megalut/conf/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("network configuration " + name
                        + " is neither a file nor one shipped with the application (conf/ml/*.conf)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static Outcome run(SparkSession spark, RunSettings s, Config root) throws IOException {
        List<String> configs = componentConfigs(root);
        for (String c : configs) {
            MlConfig.parse(c); // fail fast on the driver
        }
        String dataset = root.getString("learn.dataset");
        double maxFail = root.getDouble("learn.max-failure-fraction");
        Path out = new Path(s.workdir(), "committees/shear");
        Path sims = SubfieldStepRunner.output(s, SimulateStep.name(dataset));
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        FileSystem fs = out.getFileSystem(hconf);
        List<Integer> todo = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int sf : s.subfields()) {
            boolean done = true;
            for (String c : configs) {
                done &= fs.exists(committeeFile(out, sf, MlConfig.parse(c)));
            }
            if (done && !s.force()) {
                skipped.add(sf);
            } else {
                todo.add(sf);
            }
        }
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> results = todo.isEmpty() ? List.of() : jsc.parallelize(todo, todo.size())
                .map(sf -> train(sf, sims, out, configs, maxFail, conf.value())).collect();
        List<Integer> trained = new ArrayList<>();
        Map<Integer, String> failed = new TreeMap<>();
        for (int i = 0; i < todo.size(); i++) {
            if (results.get(i).isEmpty()) {
                trained.add(todo.get(i));
            } else {
                failed.put(todo.get(i), results.get(i));
                LOG.error("learn: subfield {} failed: {}", todo.get(i), results.get(i));
            }
        }
        return new Outcome(trained, skipped, failed);
    }

    static Path committeeFile(Path out, int subfield, MlConfig config) {
        return new Path(new Path(out, "subfield=" + subfield), config.data().predictions().get(0) + ".json");
    }

    /** Trains the components of one subfield; returns "" on success, else the error. */
    static String train(int subfield, Path sims, Path out, List<String> configs, double maxFail, Configuration conf) {
        try {
            Path part = new Path(sims, "subfield=" + subfield);
            if (!part.getFileSystem(conf).exists(part)) {
                throw new IllegalStateException("no training simulation at " + part + ": run simulate first");
            }
            LongTable table = LongTables.read(part, conf);
            for (String text : configs) {
                MlConfig config = MlConfig.parse(text);
                LongTable good = CaseFilter.withoutFailedCases(table, config.data().features(), maxFail);
                long t0 = System.nanoTime();
                Committee committee = CommitteeTrainer.train(config, good);
                Path file = committeeFile(out, subfield, config);
                FileSystem fs = file.getFileSystem(conf);
                fs.setWriteChecksum(false);
                try (OutputStream os = fs.create(file, true)) {
                    CommitteeIo.write(committee, os);
                }
                LOG.info("learn: subfield {} {}: {} of {} rows kept, trained in {} s", subfield,
                        config.data().predictions().get(0), good.rowCount(), table.rowCount(),
                        String.format("%.1f", (System.nanoTime() - t0) * 1e-9));
            }
            return "";
        } catch (Exception e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
