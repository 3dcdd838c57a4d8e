package org.megalut.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megalut.spark.steps.EvaluateStep;
import org.megalut.spark.steps.GroupStep;

class EvaluateStepTest {

    @Test
    void recoversInjectedBiases() {
        // Weighted estimates g = (1 + m) g_true + c with m = 0.01, c = 2e-4 (both components), round PSFs.
        List<GroupStep.Row> rows = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            double t1 = 0.05 * Math.cos(0.7 * s);
            double t2 = 0.05 * Math.sin(1.3 * s);
            rows.add(new GroupStep.Row(s, 100, t1, t2, 1.01 * t1 + 2e-4, 1.01 * t2 + 2e-4, t1, t2, 0.0, 0.0));
        }
        EvaluateStep.Result r = EvaluateStep.evaluate(rows);
        assertEquals(0.01, r.g1().slope() - 1, 1e-9);
        assertEquals(2e-4, r.g2().intercept(), 1e-10);
        assertEquals(0.01, r.great3().plus().slope(), 1e-9);
        assertEquals(1.232 * 2000 / Math.sqrt(4 + 2 * 1 + 2 * 25), r.great3().qc(), 1e-6);
        assertThrows(IllegalStateException.class, () -> EvaluateStep.evaluate(rows.subList(0, 2)));
    }
}
