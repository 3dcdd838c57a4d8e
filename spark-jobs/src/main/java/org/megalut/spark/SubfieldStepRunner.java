package org.megalut.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step whose output is one Parquet table partitioned by subfield
 * ({@code <workdir>/<step>/subfield=S/}), with resume and failure isolation:
 * <ul>
 *   <li>subfields whose output is recorded as done with the same settings, and whose Parquet has the
 *       recorded row count, are skipped (unless {@code --force});</li>
 *   <li>the remaining subfields are computed; a subfield any of whose tasks reported an error gets no
 *       output and a {@code .failed} record with the message, while the others are written;</li>
 *   <li>rows are written sorted by the key columns, one file per subfield, with dynamic partition
 *       overwrite, so a rerun of some subfields never touches the others.</li>
 * </ul>
 */
public final class SubfieldStepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SubfieldStepRunner.class);

    /** Computes the results of the given subfields (rows, or errors). */
    @FunctionalInterface
    public interface Computation {
        JavaRDD<SubfieldResult> compute(JavaSparkContext jsc, List<Integer> subfields);
    }

    /** What happened to each selected subfield. */
    public record Outcome(List<Integer> skipped, Map<Integer, Long> written, Map<Integer, String> failed) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    private final SparkSession spark;
    private final RunSettings settings;
    private final String step;
    private final StructType schema;
    private final String[] sortKeys;
    private final String fingerprint;

    /**
     * @param schema      output schema; its first column must be {@code subfield} (int)
     * @param sortKeys    columns that order the rows inside a subfield
     * @param fingerprint the settings that determine the output; a change redoes the subfields
     */
    public SubfieldStepRunner(SparkSession spark, RunSettings settings, String step, StructType schema,
                              String[] sortKeys, String fingerprint) {
        if (!"subfield".equals(schema.fields()[0].name())) {
            throw new IllegalArgumentException("first column must be subfield: " + schema.simpleString());
        }
        this.spark = spark;
        this.settings = settings;
        this.step = step;
        this.schema = schema;
        this.sortKeys = sortKeys;
        this.fingerprint = fingerprint;
    }

    /** Path of the step's table. */
    public static Path output(RunSettings settings, String step) {
        return output(settings.workdir(), step);
    }

    /** Path of a step's table under a workdir. */
    public static Path output(String workdir, String step) {
        return WorkdirLayout.of(workdir).table(step);
    }

    public Outcome run(Computation computation) throws IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        Path out = output(settings, step);
        SubfieldState state = new SubfieldState(new Path(settings.workdir()), step, conf);
        List<Integer> skipped = settings.force() ? List.of() : validDone(state, out);
        List<Integer> pending = new ArrayList<>();
        for (int s : settings.subfields()) {
            if (!skipped.contains(s)) {
                pending.add(s);
            }
        }
        if (!skipped.isEmpty()) {
            LOG.info("{}: {} subfield(s) already done, skipped: {}", step, skipped.size(), ranges(skipped));
        }
        if (pending.isEmpty()) {
            return new Outcome(skipped, Map.of(), Map.of());
        }
        for (int s : pending) {
            state.clear(s);
        }
        LOG.info("{}: processing {} subfield(s): {}", step, pending.size(), ranges(pending));

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<SubfieldResult> results = computation.compute(jsc, pending).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<Integer, String> failed = new TreeMap<>();
            for (SubfieldResult r : results.filter(SubfieldResult::failed).collect()) {
                failed.merge(r.subfield(), r.error(), (a, b) -> a.equals(b) ? a : a + "; " + b);
            }
            TreeSet<Integer> bad = new TreeSet<>(failed.keySet());
            JavaRDD<SubfieldResult> good = results.filter(r -> !r.failed() && !bad.contains(r.subfield()));
            Map<Integer, Long> counts = countAndLogFlags(good);
            if (!counts.isEmpty()) {
                Dataset<Row> df = spark.createDataFrame(good.map(r -> RowFactory.create(r.values())), schema);
                String[] keys = new String[sortKeys.length + 1];
                keys[0] = "subfield";
                System.arraycopy(sortKeys, 0, keys, 1, sortKeys.length);
                df.repartition(col("subfield"))
                        .sortWithinPartitions(keys[0], Arrays.copyOfRange(keys, 1, keys.length))
                        .write().mode(SaveMode.Overwrite).partitionBy("subfield").parquet(out.toString());
            }
            for (Map.Entry<Integer, Long> e : counts.entrySet()) {
                state.markDone(e.getKey(), e.getValue(), fingerprint);
            }
            for (int s : pending) {
                if (!counts.containsKey(s) && !failed.containsKey(s)) {
                    failed.put(s, "no output rows");
                }
            }
            var fs = out.getFileSystem(conf);
            for (Map.Entry<Integer, String> e : failed.entrySet()) {
                // An output of an earlier run must not outlive the failure: later steps would read it.
                fs.delete(WorkdirLayout.subfield(out, e.getKey()), true);
                state.markFailed(e.getKey(), e.getValue());
                LOG.error("{}: subfield {} failed: {}", step, e.getKey(), e.getValue());
            }
            return new Outcome(skipped, counts, failed);
        } finally {
            // Blocking: a session stopped right after the step must not race the block removal. When the
            // job failed because the application died (e.g. its executors ran out of memory), the context
            // is gone: the failure that got us here is the one to report, not this cleanup's.
            try {
                results.unpersist(true);
            } catch (RuntimeException e) {
                LOG.warn("{}: cached results not released: {}", step, e.toString());
            }
        }
    }

    /**
     * Rows per subfield, in one pass that also logs them by value of the flag column (the first column
     * named {@code flag} or {@code *_flag}; all rows count as flag 0 when the schema has none).
     */
    private Map<Integer, Long> countAndLogFlags(JavaRDD<SubfieldResult> good) {
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
            LOG.info("{}: subfield {}: {} rows{}", step, sf, rows, fi < 0 ? "" : ", by flag " + flags);
        });
        return counts;
    }

    /**
     * Selected subfields whose output was recorded with other settings than the current ones: a step
     * that must never silently replace data (simulations) refuses to run over them without --force.
     */
    public List<Integer> changedSettings() throws IOException {
        SubfieldState state = new SubfieldState(new Path(settings.workdir()), step,
                spark.sparkContext().hadoopConfiguration());
        List<Integer> changed = new ArrayList<>();
        for (int s : settings.subfields()) {
            SubfieldState.Done d = state.done(s);
            if (d != null && !d.fingerprint().equals(fingerprint)) {
                changed.add(s);
            }
        }
        return changed;
    }

    /** Subfields with a matching done record whose committed Parquet has the recorded row count. */
    private List<Integer> validDone(SubfieldState state, Path out) throws IOException {
        Map<Integer, Long> expected = new HashMap<>();
        for (int s : settings.subfields()) {
            SubfieldState.Done d = state.done(s);
            if (d != null && d.fingerprint().equals(fingerprint)) {
                expected.put(s, d.rows());
            }
        }
        List<Integer> valid = new ArrayList<>();
        if (expected.isEmpty()) {
            return valid;
        }
        var fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(out)) {
            return valid;
        }
        Object[] keys = expected.keySet().toArray();
        for (Row r : spark.read().parquet(out.toString()).where(col("subfield").isin(keys))
                .groupBy("subfield").count().collectAsList()) {
            int s = r.getInt(0);
            if (expected.get(s) == r.getLong(1)) {
                valid.add(s);
            } else {
                LOG.warn("{}: subfield {} has {} rows, its record says {}: redoing it", step, s, r.getLong(1), expected.get(s));
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
