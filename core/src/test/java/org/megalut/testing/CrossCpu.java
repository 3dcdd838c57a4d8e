package org.megalut.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Comparisons with values that were computed on another machine.
 *
 * <p>Java specifies {@code Math.exp}, {@code log}, {@code pow}, {@code sin} and {@code cos} only to
 * within one ulp of the exact result; HotSpot replaces them by CPU-specific intrinsics, so two x86-64
 * machines can disagree in the last bit (only {@code StrictMath} is reproducible everywhere). A value
 * that went through such functions and was stored on one machine is therefore compared on another with
 * a tolerance, stated at the call site with its reason. To see what a test would do on a machine with
 * other intrinsics, run it with {@code -XX:+UnlockDiagnosticVMOptions -XX:-UseLibmIntrinsic} (the
 * portable fdlibm code instead of the intrinsics): {@code CrossCpuAgreementTest} (spark-jobs) does that in a
 * child JVM.
 */
public final class CrossCpu {

    private CrossCpu() { }

    /**
     * Asserts |actual − expected| ≤ rel·|expected|; an expected 0 (or an integer-valued draw such as a
     * grid index) must then match exactly.
     */
    public static void assertRelative(double expected, double actual, double rel, String what) {
        double tol = rel * Math.abs(expected);
        assertTrue(Math.abs(actual - expected) <= tol,
                () -> what + ": expected " + expected + " ± " + tol + " (relative " + rel + "), was " + actual);
    }
}
