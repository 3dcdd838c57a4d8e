package org.megalut.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step over the selected subfields with resume and failure isolation, for both shapes of output:
 * <ul>
 *   <li>{@link #table}: one Parquet table partitioned by subfield ({@code <workdir>/<name>/subfield=S/}),
 *       computed for all pending subfields in one Spark job, rows written sorted by their key columns, one
 *       file per subfield, with dynamic partition overwrite so that a rerun of some subfields never touches
 *       the others;</li>
 *   <li>{@link #tasks}: one Spark task per subfield for outputs that are files (committees, prediction
 *       sets), which the task writes with {@link org.megalut.spark.io.AtomicWrite} so a killed run leaves
 *       no partial file under a final name.</li>
 * </ul>
 * In both, a subfield is skipped (unless {@code --force}) when its completion record
 * ({@link SubfieldState}) carries the digest of its current {@link Fingerprint} (and, for a table, the
 * committed Parquet still has the recorded row count); otherwise it is redone. A subfield whose work
 * fails gets no output and a {@code .failed} record with its error; the others complete.
 */
public final class SubfieldRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SubfieldRunner.class);

    private SubfieldRunner() { }

    /** Computes the rows of the given subfields (or their errors), for {@link #table}. */
    @FunctionalInterface
    public interface Computation {
        JavaRDD<SubfieldResult> compute(JavaSparkContext jsc, List<Integer> subfields);
    }

    /** The work of one subfield, for {@link #tasks}; throws to fail that subfield alone. */
    @FunctionalInterface
    public interface Task extends Serializable {
        void run(int subfield) throws Exception;
    }

    /** What a subfield's output depends on (settings and its inputs' identities), evaluated on the driver. */
    @FunctionalInterface
    public interface Inputs {
        Fingerprint of(int subfield) throws IOException;
    }

    /**
     * Runs a step whose output is a table of the same name under the work directory.
     *
     * @param name     the table's name under the work directory, also the name of its completion records
     * @param schema   the table's schema; its first column must be {@code subfield} (int)
     * @param sortKeys the columns that order the rows inside a subfield
     */
    public static StepOutcome table(SparkSession spark, RunSettings s, String name, StructType schema,
                                    String[] sortKeys, Inputs inputs, Computation computation) throws IOException {
        if (!WorkdirLayout.SUBFIELD.equals(schema.fields()[0].name())) {
            throw new IllegalArgumentException("first column must be subfield: " + schema.simpleString());
        }
        var conf = spark.sparkContext().hadoopConfiguration();
        Path out = WorkdirLayout.of(s.workdir()).table(name);
        SubfieldState state = new SubfieldState(new Path(s.workdir()), name, conf);
        Map<Integer, String> digests = digests(s, inputs);
        List<Integer> skipped = s.force() ? List.of() : validDone(spark, s, name, state, out, digests);
        List<Integer> pending = pending(s, name, skipped, state);
        if (pending.isEmpty()) {
            return new StepOutcome(List.of(), skipped, Map.of(), Map.of(), "");
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // Kept serialised: the results are read three times (failures, counts, the write), and Spark sizes
        // a deserialised cached partition by walking its object graph (SizeEstimator), which for rows of
        // boxed values costs more than serialising them with Kryo.
        JavaRDD<SubfieldResult> results = computation.compute(jsc, pending).persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            Map<Integer, String> failed = new TreeMap<>();
            for (SubfieldResult r : results.filter(SubfieldResult::failed).collect()) {
                failed.merge(r.subfield(), r.error(), (a, b) -> a.equals(b) ? a : a + "; " + b);
            }
            TreeSet<Integer> bad = new TreeSet<>(failed.keySet());
            JavaRDD<SubfieldResult> good = results.filter(r -> !r.failed() && !bad.contains(r.subfield()));
            Map<Integer, Long> counts = countAndLogFlags(name, schema, good);
            if (!counts.isEmpty()) {
                Dataset<Row> df = spark.createDataFrame(good.map(r -> RowFactory.create(r.values())), schema);
                df.repartition(col(WorkdirLayout.SUBFIELD))
                        .sortWithinPartitions(WorkdirLayout.SUBFIELD, sortKeys)
                        .write().mode(SaveMode.Overwrite).partitionBy(WorkdirLayout.SUBFIELD).parquet(out.toString());
            }
            for (Map.Entry<Integer, Long> e : counts.entrySet()) {
                state.markDone(e.getKey(), e.getValue(), digests.get(e.getKey()));
            }
            for (int sf : pending) {
                if (!counts.containsKey(sf) && !failed.containsKey(sf)) {
                    failed.put(sf, "no output rows");
                }
            }
            var fs = out.getFileSystem(conf);
            for (Map.Entry<Integer, String> e : failed.entrySet()) {
                // An output of an earlier run must not outlive the failure: later steps would read it.
                fs.delete(WorkdirLayout.subfield(out, e.getKey()), true);
                state.markFailed(e.getKey(), e.getValue());
                LOG.error("{}: subfield {} failed: {}", name, e.getKey(), e.getValue());
            }
            return new StepOutcome(new ArrayList<>(counts.keySet()), skipped, failed, counts, "");
        } finally {
            // Blocking: a session stopped right after the step must not race the block removal. When the
            // job failed because the application died (e.g. its executors ran out of memory), the context
            // is gone: the failure that got us here is the one to report, not this cleanup's.
            try {
                results.unpersist(true);
            } catch (RuntimeException e) {
                LOG.warn("{}: cached results not released: {}", name, e.toString());
            }
        }
    }

    /**
     * Runs one Spark task per pending subfield.
     *
     * @param name the name of the step's completion records under {@code <workdir>/_state/}
     */
    public static StepOutcome tasks(SparkSession spark, RunSettings s, String name, Inputs inputs, Task task)
            throws IOException {
        SubfieldState state = new SubfieldState(new Path(s.workdir()), name, spark.sparkContext().hadoopConfiguration());
        Map<Integer, String> digests = digests(s, inputs);
        List<Integer> skipped = new ArrayList<>();
        if (!s.force()) {
            for (int sf : s.subfields()) {
                SubfieldState.Done d = state.done(sf);
                if (d != null && d.fingerprint().equals(digests.get(sf))) {
                    skipped.add(sf);
                }
            }
        }
        List<Integer> pending = pending(s, name, skipped, state);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> errors = pending.isEmpty() ? List.of() : jsc.parallelize(pending, pending.size())
                .map(sf -> {
                    try {
                        task.run(sf);
                        return "";
                    } catch (Exception e) {
                        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    }
                }).collect();
        List<Integer> done = new ArrayList<>();
        Map<Integer, String> failed = new TreeMap<>();
        for (int i = 0; i < pending.size(); i++) {
            int sf = pending.get(i);
            if (errors.get(i).isEmpty()) {
                done.add(sf);
                state.markDone(sf, 0, digests.get(sf));
            } else {
                failed.put(sf, errors.get(i));
                state.markFailed(sf, errors.get(i));
                LOG.error("{}: subfield {} failed: {}", name, sf, errors.get(i));
            }
        }
        return new StepOutcome(done, skipped, failed, Map.of(), "");
    }

    /**
     * Selected subfields whose output was recorded with another fingerprint than the current one: a step
     * that must never silently replace data (simulations) refuses to run over them without --force.
     */
    public static List<Integer> changedSettings(SparkSession spark, RunSettings s, String name, Inputs inputs)
            throws IOException {
        SubfieldState state = new SubfieldState(new Path(s.workdir()), name, spark.sparkContext().hadoopConfiguration());
        List<Integer> changed = new ArrayList<>();
        for (int sf : s.subfields()) {
            SubfieldState.Done d = state.done(sf);
            if (d != null && !d.fingerprint().equals(inputs.of(sf).digest())) {
                changed.add(sf);
            }
        }
        return changed;
    }

    private static Map<Integer, String> digests(RunSettings s, Inputs inputs) throws IOException {
        Map<Integer, String> out = new HashMap<>();
        for (int sf : s.subfields()) {
            out.put(sf, inputs.of(sf).digest());
        }
        return out;
    }

    /** The selected subfields not skipped, with their old records cleared. */
    private static List<Integer> pending(RunSettings s, String name, List<Integer> skipped, SubfieldState state)
            throws IOException {
        if (!skipped.isEmpty()) {
            LOG.info("{}: {} subfield(s) already done, skipped: {}", name, skipped.size(), ranges(skipped));
        }
        List<Integer> pending = new ArrayList<>();
        for (int sf : s.subfields()) {
            if (!skipped.contains(sf)) {
                pending.add(sf);
                state.clear(sf);
            }
        }
        if (!pending.isEmpty()) {
            LOG.info("{}: processing {} subfield(s): {}", name, pending.size(), ranges(pending));
        }
        return pending;
    }

    /**
     * Rows per subfield, in one pass that also logs them by value of the flag column (the first column
     * named {@code flag} or {@code *_flag}; all rows count as flag 0 when the schema has none).
     */
    private static Map<Integer, Long> countAndLogFlags(String name, StructType schema, JavaRDD<SubfieldResult> good) {
        int flagIndex = -1;
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length && flagIndex < 0; i++) {
            if (names[i].endsWith("flag")) {
                flagIndex = i;
            }
        }
        final int fi = flagIndex;
        Map<Long, Long> byKey = good.map(r -> r.subfield() * 100L
                + (fi < 0 ? 0L : ((Number) r.values()[fi]).longValue())).countByValue();
        Map<Integer, Map<Long, Long>> bySubfield = new TreeMap<>();
        byKey.forEach((k, n) -> bySubfield.computeIfAbsent((int) (k / 100), x -> new TreeMap<>()).put(k % 100, n));
        Map<Integer, Long> counts = new TreeMap<>();
        bySubfield.forEach((sf, flags) -> {
            long rows = flags.values().stream().mapToLong(Long::longValue).sum();
            counts.put(sf, rows);
            LOG.info("{}: subfield {}: {} rows{}", name, sf, rows, fi < 0 ? "" : ", by flag " + flags);
        });
        return counts;
    }

    /** Subfields with a current record whose committed Parquet has the recorded row count. */
    private static List<Integer> validDone(SparkSession spark, RunSettings s, String name, SubfieldState state,
                                           Path out, Map<Integer, String> digests) throws IOException {
        Map<Integer, Long> expected = new HashMap<>();
        for (int sf : s.subfields()) {
            SubfieldState.Done d = state.done(sf);
            if (d != null && d.fingerprint().equals(digests.get(sf))) {
                expected.put(sf, d.rows());
            }
        }
        List<Integer> valid = new ArrayList<>();
        if (expected.isEmpty() || !out.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(out)) {
            return valid;
        }
        Object[] keys = expected.keySet().toArray();
        for (Row r : spark.read().parquet(out.toString()).where(col(WorkdirLayout.SUBFIELD).isin(keys))
                .groupBy(WorkdirLayout.SUBFIELD).count().collectAsList()) {
            int sf = r.getInt(0);
            if (expected.get(sf) == r.getLong(1)) {
                valid.add(sf);
            } else {
                LOG.warn("{}: subfield {} has {} rows, its record says {}: redoing it", name, sf, r.getLong(1),
                        expected.get(sf));
            }
        }
        valid.sort(null);
        return valid;
    }

    /** Compact text of a sorted list: 0-4,7,9-11. */
    public static String ranges(List<Integer> sorted) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted.get(i));
            if (j > i) {
                sb.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
