package org.megalut.eval.variable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.megalut.great3.Great3FormatException;
import org.megalut.great3.ObservationType;

class VariableShearMetricTest {
    private static VariableSubmission reference() {
        int n = 150;
        int[] f = new int[n];
        double[] t = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = i / 15;
            t[i] = VariableShearMetric.EXPECTED_THETA.get(i % 15);
            e[i] = 1e-5 * (1 + 0.1 * (i % 15)) + 1e-7 * f[i];
        }
        return new VariableSubmission(f, t, e, new double[n], new double[n]);
    }

    private static VariableSubmission withMapE(VariableSubmission s, double[] mapE) {
        return new VariableSubmission(s.field(), s.theta(), mapE, s.mapB(), s.sigMap());
    }

    @Test
    void theTruthScoresTheMaximum() {
        VariableSubmission ref = reference();
        assertEquals(1.837e-4 / 9e-8, VariableShearMetric.evaluate(ref, ref, ObservationType.GROUND).qv(), 1e-9);
        assertEquals(4592.5, VariableShearMetric.evaluate(ref, ref, ObservationType.SPACE).qv(), 1e-9);
    }

    @Test
    void aConstantOffsetInTheUsedBinsEntersInFull() {
        VariableSubmission ref = reference();
        double[] e = ref.mapE();
        double delta = 2e-7;
        for (int i = 0; i < e.length; i++) {
            // Unused bins (0-2, 13-14) get a huge offset that must not count.
            e[i] += (i % 15 >= 3 && i % 15 < 13) ? delta : 1.0;
        }
        VariableShearMetric.Result r = VariableShearMetric.evaluate(withMapE(ref, e), ref, ObservationType.GROUND);
        assertEquals(1.837e-4 / (9e-8 + 2e-7), r.qv(), 1e-9);
        assertEquals(10, r.meanDiff().length);
        assertEquals(delta, r.meanDiff()[4], 1e-18);
    }

    @Test
    void fieldsAreAveragedBeforeTheAbsoluteValue() {
        VariableSubmission ref = reference();
        double[] e = ref.mapE();
        // +d in field 0, −d in field 1 cancel; +d only in bin 5 of field 2 gives |d/10| / 10 bins.
        for (int k = 3; k < 13; k++) {
            e[k] += 3e-6;
            e[15 + k] -= 3e-6;
        }
        e[30 + 5] += 4e-6;
        VariableShearMetric.Result r = VariableShearMetric.evaluate(withMapE(ref, e), ref, ObservationType.SPACE);
        assertEquals(4e-8, r.meanAbsDiff(), 1e-20);
        assertEquals(1.837e-4 / (4e-8 + 4e-8), r.qv(), 1e-6);
    }

    @Test
    void mismatchesNameTheRowAndValues() {
        VariableSubmission ref = reference();
        VariableSubmission short1 = new VariableSubmission(Arrays.copyOf(ref.field(), 149),
                Arrays.copyOf(ref.theta(), 149), Arrays.copyOf(ref.mapE(), 149), new double[149], new double[149]);
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> VariableShearMetric.evaluate(short1, ref, ObservationType.GROUND));
        assertTrue(rows.getMessage().contains("149 rows, expected 150"), rows.getMessage());
        assertTrue(rows.getMessage().contains("{0=15, 1=15, 2=15, 3=15, 4=15, 5=15, 6=15, 7=15, 8=15, 9=14}"),
                rows.getMessage());

        int[] f = ref.field();
        f[20] = 7;
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class, () -> VariableShearMetric
                .evaluate(new VariableSubmission(f, ref.theta(), ref.mapE(), ref.mapB(), ref.sigMap()), ref,
                        ObservationType.GROUND));
        assertTrue(fields.getMessage().contains("row 21: field 7, the reference has field 1"), fields.getMessage());

        double[] t = ref.theta();
        t[3] = 0.09;
        IllegalArgumentException theta = assertThrows(IllegalArgumentException.class, () -> VariableShearMetric
                .evaluate(new VariableSubmission(ref.field(), t, ref.mapE(), ref.mapB(), ref.sigMap()), ref,
                        ObservationType.GROUND));
        assertTrue(theta.getMessage().contains("row 4: theta 0.09"), theta.getMessage());
        IllegalArgumentException truth = assertThrows(IllegalArgumentException.class, () -> VariableShearMetric
                .evaluate(ref, new VariableSubmission(ref.field(), t, ref.mapE(), ref.mapB(), ref.sigMap()),
                        ObservationType.GROUND));
        assertTrue(truth.getMessage().contains("reference row 4"), truth.getMessage());
    }

    @Test
    void submissionFilesRoundTripAndBadRowsAreNamed() throws IOException {
        VariableSubmission ref = reference();
        StringWriter w = new StringWriter();
        ref.write(w);
        VariableSubmission back = VariableSubmission.read(new StringReader(w.toString()), "sub.txt");
        assertEquals(150, back.rows());
        assertEquals(ref.mapE()[17], back.mapE()[17], 1e-15);
        assertEquals(ref.field()[149], back.field()[149]);

        VariableSubmission four = VariableSubmission.read(new StringReader("# header\n0 0.0246 1e-5 2e-6\n"), "s");
        assertTrue(Double.isNaN(four.sigMap()[0]));
        Great3FormatException width = assertThrows(Great3FormatException.class,
                () -> VariableSubmission.read(new StringReader("0 0.0246 1e-5\n"), "sub.txt"));
        assertTrue(width.getMessage().contains("sub.txt, line 1: expected 4 or 5 columns"), width.getMessage());
        Great3FormatException field = assertThrows(Great3FormatException.class,
                () -> VariableSubmission.read(new StringReader("\n0.5 0.0246 1e-5 1 1\n"), "sub.txt"));
        assertTrue(field.getMessage().contains("line 2: column 1: expected an integer"), field.getMessage());
    }
}
