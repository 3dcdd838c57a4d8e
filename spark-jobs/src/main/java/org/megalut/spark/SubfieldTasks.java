package org.megalut.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Spark task per subfield for steps whose outputs are files rather than a table (committees,
 * prediction sets), with the same resume rules as {@link SubfieldStepRunner}: a subfield is skipped when
 * its completion record ({@code <workdir>/_state/<step>/SSS.done}) carries the fingerprint of the current
 * settings and inputs; otherwise it is redone. A failing subfield is reported with its error and the
 * others complete. Tasks must write their files with {@link org.megalut.spark.io.AtomicWrite}, so that
 * a killed run leaves no partial output under a final name.
 */
public final class SubfieldTasks {
    private static final Logger LOG = LoggerFactory.getLogger(SubfieldTasks.class);

    private SubfieldTasks() { }

    /** The work of one subfield; throws to fail that subfield alone. */
    @FunctionalInterface
    public interface Task extends Serializable {
        void run(int subfield) throws Exception;
    }

    /** The fingerprint of what a subfield's output depends on (settings and inputs' tokens), on the driver. */
    @FunctionalInterface
    public interface Fingerprint {
        String of(int subfield) throws IOException;
    }

    /** What happened to each subfield given. */
    public record Outcome(List<Integer> done, List<Integer> skipped, Map<Integer, String> failed) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    /**
     * Runs a step over the selected subfields, skipping those recorded as done with the same fingerprint
     * (unless {@code --force}), and records each subfield's completion or failure.
     *
     * @param step name of the step's state directory under {@code <workdir>/_state/}
     */
    public static Outcome run(SparkSession spark, RunSettings s, String step, Fingerprint fingerprint, Task task)
            throws IOException {
        SubfieldState state = new SubfieldState(new Path(s.workdir()), step, spark.sparkContext().hadoopConfiguration());
        Map<Integer, String> prints = new TreeMap<>();
        List<Integer> todo = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int sf : s.subfields()) {
            String fp = fingerprint.of(sf);
            prints.put(sf, fp);
            SubfieldState.Done d = state.done(sf);
            boolean current = d != null && d.fingerprint().equals(fp);
            (current && !s.force() ? skipped : todo).add(sf);
        }
        if (!skipped.isEmpty()) {
            LOG.info("{}: {} subfield(s) already done, skipped: {}", step, skipped.size(), SubfieldStepRunner.ranges(skipped));
        }
        for (int sf : todo) {
            state.clear(sf);
        }
        Outcome o = run(JavaSparkContext.fromSparkContext(spark.sparkContext()), step, todo, skipped, task);
        for (int sf : o.done()) {
            state.markDone(sf, 0, prints.get(sf));
        }
        for (Map.Entry<Integer, String> e : o.failed().entrySet()) {
            state.markFailed(e.getKey(), e.getValue());
        }
        return o;
    }

    /** Runs the tasks of the given subfields and collects their outcomes. */
    private static Outcome run(JavaSparkContext jsc, String step, List<Integer> subfields, List<Integer> skipped,
                              Task task) {
        List<String> errors = subfields.isEmpty() ? List.of() : jsc.parallelize(subfields, subfields.size())
                .map(s -> {
                    try {
                        task.run(s);
                        return "";
                    } catch (Exception e) {
                        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    }
                }).collect();
        List<Integer> done = new ArrayList<>();
        Map<Integer, String> failed = new TreeMap<>();
        for (int i = 0; i < subfields.size(); i++) {
            if (errors.get(i).isEmpty()) {
                done.add(subfields.get(i));
            } else {
                failed.put(subfields.get(i), errors.get(i));
                LOG.error("{}: subfield {} failed: {}", step, subfields.get(i), errors.get(i));
            }
        }
        return new Outcome(done, skipped, failed);
    }

    /** SHA-256 (hex) of the parts, for fingerprints that include whole configuration texts. */
    public static String digest(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
