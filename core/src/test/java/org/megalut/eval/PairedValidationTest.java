package org.megalut.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-case table's round trip and the paired comparison of two validations of one simulation. */
class PairedValidationTest {

    /**
     * 200 cases; the first recipe estimates g + n (n: noise of 1e-3, the same for both recipes, as on one
     * simulation), the second (1 + dm) g + dc + n plus a small recipe-specific noise.
     */
    static Map<String, CaseMeans> cases(long seed, double dm, double dc, double own) {
        Random common = new Random(seed);
        Random mine = new Random(seed * 31 + 7 + (long) (dm * 1e6));
        int n = 200;
        long[] ids = new long[n];
        double[] truth = new double[n];
        double[] mean = new double[n];
        double[] wmean = new double[n];
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            truth[i] = 0.1 * (2 * common.nextDouble() - 1);
            double noise = 1e-3 * common.nextGaussian();
            mean[i] = truth[i] + noise;
            wmean[i] = (1 + dm) * truth[i] + dc + noise + own * mine.nextGaussian();
            count[i] = 8000;
        }
        return Map.of("g1", new CaseMeans(ids, truth, mean, wmean, count));
    }

    @Test
    void theCaseTableReadsBackWhatWasWritten() throws Exception {
        CaseMeans m = cases(1, 0.01, 0, 1e-5).get("g1");
        ShearValidation.Component k = new ShearValidation.Component("g1", "pre_s1", "pre_s1w", "tru_s1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CaseTable.write(List.of(new ShearValidation.Result(k, m, ShearBias.fit(m.truth(), m.mean()), null)), out);
        Map<String, CaseMeans> back = CaseTable.read(new ByteArrayInputStream(out.toByteArray()), "cases.csv");
        assertEquals(List.of("g1"), List.copyOf(back.keySet()));
        assertArrayEquals(m.caseIds(), back.get("g1").caseIds());
        assertArrayEquals(m.truth(), back.get("g1").truth(), 0);
        assertArrayEquals(m.mean(), back.get("g1").mean(), 0);
        assertArrayEquals(m.weightedMean(), back.get("g1").weightedMean(), 0);
        assertArrayEquals(m.count(), back.get("g1").count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaseTable.read(
                new ByteArrayInputStream((CaseTable.HEADER + "\ng1,3,0.01,x,0,0\n").getBytes(StandardCharsets.UTF_8)),
                "cases.csv"));
        assertTrue(e.getMessage().contains("cases.csv, line 2"), e.getMessage());
    }

    @Test
    void theCommonNoiseCancelsInTheDifference() {
        // Weighted (the second recipe) against unweighted (the first) means of the same cases.
        Map<Integer, Map<String, CaseMeans>> a = Map.of(0, cases(11, 0, 0, 0), 1, cases(12, 0, 0, 0));
        Map<Integer, Map<String, CaseMeans>> b = Map.of(0, cases(11, 2e-3, -5e-5, 1e-5), 1, cases(12, 2e-3, -5e-5, 1e-5));
        PairedValidation p = PairedValidation.of(a, b, false);
        assertEquals(0, p.means().get(0).dm().value(), 1e-15, "unweighted means are the same in both");
        // Compare the second's weighted with the first's unweighted: put them in one table pair.
        Map<Integer, Map<String, CaseMeans>> aw = Map.of(0, swap(a.get(0)), 1, swap(a.get(1)));
        PairedValidation w = PairedValidation.of(aw, b, true);
        PairedValidation.ComponentMean g1 = w.means().get(0);
        // Only the recipe's own noise (1e-5 per case) is left: Δm to ~3e-5 although each case's noise is 1e-3.
        assertTrue(g1.dm().error() < 1e-4, "error " + g1.dm().error());
        assertEquals(2e-3, g1.dm().value(), 4 * g1.dm().error());
        assertEquals(-5e-5, g1.dc().value(), 4 * g1.dc().error());
        assertEquals(2, w.subfields().size());
    }

    /** The same cases with the unweighted means in the weighted column. */
    static Map<String, CaseMeans> swap(Map<String, CaseMeans> t) {
        CaseMeans m = t.get("g1");
        return Map.of("g1", new CaseMeans(m.caseIds(), m.truth(), m.mean(), m.mean(), m.count()));
    }

    @Test
    void refusesValidationsOfDifferentSimulations() {
        Map<Integer, Map<String, CaseMeans>> a = Map.of(0, cases(11, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PairedValidation.of(a, Map.of(0, cases(12, 0, 0, 0)), false),
                "other truths");
        assertThrows(IllegalArgumentException.class, () -> PairedValidation.of(a, Map.of(1, cases(11, 0, 0, 0)), false),
                "other subfields");
    }
}
