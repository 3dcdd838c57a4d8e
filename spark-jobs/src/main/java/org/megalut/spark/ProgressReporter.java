package org.megalut.spark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the progress of the running Spark stages (tasks done / total) at a fixed interval while a step
 * runs, from Spark's status tracker: on a cluster this is the only progress a batch user sees.
 */
public final class ProgressReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
    private final ScheduledExecutorService timer;

    private ProgressReporter(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts reporting every {@code seconds} seconds for a step. */
    public static ProgressReporter start(SparkSession spark, String step, long seconds) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "megalut-progress");
            t.setDaemon(true);
            return t;
        });
        SparkStatusTracker tracker = spark.sparkContext().statusTracker();
        String[] last = {""};
        timer.scheduleAtFixedRate(() -> {
            StringBuilder sb = new StringBuilder();
            for (int id : tracker.getActiveStageIds()) {
                SparkStageInfo info = tracker.getStageInfo(id).getOrElse(() -> null);
                if (info != null) {
                    sb.append(String.format(" stage %d: %d/%d tasks done (%d running)", id,
                            info.numCompletedTasks(), info.numTasks(), info.numActiveTasks()));
                }
            }
            String line = sb.toString();
            if (!line.isEmpty() && !line.equals(last[0])) {
                LOG.info("{}:{}", step, line);
                last[0] = line;
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        return new ProgressReporter(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
