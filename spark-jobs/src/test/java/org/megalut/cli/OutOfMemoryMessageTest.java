package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** Running out of memory is told apart from other failures, whichever way Spark reports it. */
class OutOfMemoryMessageTest {
    @Test
    void sparkReportsOfLostExecutorsAndHeapErrorsAreOutOfMemory() {
        assertTrue(Megalut.outOfMemory(new SparkException("Job aborted due to stage failure: Task 3 in stage 7.0 failed"
                + " 4 times, most recent failure: Lost task 3.3 in stage 7.0 (TID 31) (127.0.0.1 executor 4): ExecutorLost"
                + "Failure (executor 4 exited caused by one of the running tasks) Reason: Command exited with code 52")));
        assertTrue(Megalut.outOfMemory(new RuntimeException("wrapped", new OutOfMemoryError("Java heap space"))));
        assertTrue(Megalut.outOfMemory(new SparkException("Container killed by YARN for exceeding memory limits.")));
        assertFalse(Megalut.outOfMemory(new SparkException("Task failed: file:/x/image-001-0.fits: truncated")));
        assertFalse(Megalut.outOfMemory(new SparkException("Command exited with code 1")));
    }
}
