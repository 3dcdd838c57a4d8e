package org.megalut.spark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;

/**
 * The CPU time a step costs. In local mode, everything runs in this JVM: the process CPU time (all
 * threads, including the training threads a task may start, the driver and the JIT). On a cluster:
 * the executor CPU time of the step's Spark tasks from Spark's task metrics (executor CPU +
 * deserialisation CPU, summed by a listener), which counts the task threads only and not the driver.
 * Either way, time spent waiting for a core is excluded.
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

    private final boolean local;
    private final long processStart;

    private StepCpuMeter(SparkSession spark) {
        this.spark = spark;
        this.local = spark.sparkContext().isLocal();
        this.processStart = processCpuNanos();
        spark.sparkContext().addSparkListener(listener);
    }

    /** CPU time of this JVM, or −1 when the platform does not give it. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Starts metering the tasks of this session. */
    public static StepCpuMeter start(SparkSession spark) {
        return new StepCpuMeter(spark);
    }

    /** CPU seconds so far: of the process in local mode, else of the tasks (see the class comment). */
    public double cpuSeconds() {
        long now = processCpuNanos();
        if (local && processStart >= 0 && now >= 0) {
            return (now - processStart) * 1e-9;
        }
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
