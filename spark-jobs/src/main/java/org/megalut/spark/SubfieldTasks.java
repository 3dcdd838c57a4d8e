package org.megalut.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Spark task per subfield for steps whose outputs are files rather than a table (committees,
 * prediction sets): a failing subfield is reported with its error and the others complete.
 */
public final class SubfieldTasks {
    private static final Logger LOG = LoggerFactory.getLogger(SubfieldTasks.class);

    private SubfieldTasks() { }

    /** The work of one subfield; throws to fail that subfield alone. */
    @FunctionalInterface
    public interface Task extends Serializable {
        void run(int subfield) throws Exception;
    }

    /** What happened to each subfield given. */
    public record Outcome(List<Integer> done, List<Integer> skipped, Map<Integer, String> failed) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    public static Outcome run(JavaSparkContext jsc, String step, List<Integer> subfields, List<Integer> skipped,
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
}
