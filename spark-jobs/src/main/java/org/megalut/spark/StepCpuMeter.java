package org.megalut.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;

/**
 * The executor CPU time of the Spark tasks that run while a step runs: Spark's own task metrics
 * (executor CPU + deserialisation CPU), summed by a listener, so the number is the same in local mode and
 * on a cluster and excludes time spent waiting for a core. Driver-side work is not counted.
 */
public final class StepCpuMeter implements AutoCloseable {
    /** Longest wait for the listener bus to deliver the last task-end events, in ms. */
    private static final long DRAIN_MS = 10_000;

    private final SparkSession spark;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final SparkListener listener = new SparkListener() {
        @Override
        public void onTaskStart(SparkListenerTaskStart e) {
            started.incrementAndGet();
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            TaskMetrics m = e.taskMetrics();
            if (m != null) {
                cpuNanos.addAndGet(m.executorCpuTime() + m.executorDeserializeCpuTime());
            }
            ended.incrementAndGet();
        }
    };

    private StepCpuMeter(SparkSession spark) {
        this.spark = spark;
        spark.sparkContext().addSparkListener(listener);
    }

    /** Starts metering the tasks of this session. */
    public static StepCpuMeter start(SparkSession spark) {
        return new StepCpuMeter(spark);
    }

    /** CPU seconds of the tasks ended so far, after waiting for the events of those already started. */
    public double cpuSeconds() {
        long deadline = System.currentTimeMillis() + DRAIN_MS;
        // Listener events arrive asynchronously: the step's jobs are over, their task-end events may not be.
        while (ended.get() < started.get() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return cpuNanos.get() * 1e-9;
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(listener);
    }
}
