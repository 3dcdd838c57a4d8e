package org.megalut.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.megalut.ml.data.LongTable;

class ShearValidationTest {
    static final double M = 0.02;
    static final double C = -0.003;

    /**
     * One case per shear, 200 cases × 100 realizations: good rows (weight 1) give ĝ = (1 + M) g + C + 0.05 N(0, 1);
     * every other row is a bad galaxy (weight 1e-6) biased by +0.05; one row in 20 failed (estimate and weight
     * masked), with a wild value in the truth-free columns that must not leak in.
     */
    static LongTable synthetic(long seed) {
        Random rng = new Random(seed);
        LongTable.Builder b = LongTable.builder(List.of("pre_s1", "pre_s1w", "tru_s1"));
        for (int c = 0; c < 200; c++) {
            double g = 0.1 * (2 * rng.nextDouble() - 1);
            for (int r = 0; r < 100; r++) {
                double est = (1 + M) * g + C + 0.05 * rng.nextGaussian();
                boolean bad = r % 2 == 1;
                if (r % 20 == 7) {
                    b.add(c, r, Double.NaN, Double.NaN, g);
                } else {
                    b.add(c, r, bad ? est + 0.05 : est, bad ? 1e-6 : 1.0, g);
                }
            }
        }
        return b.build();
    }

    @Test
    void recoversKnownBiasesWithTheWeights() {
        List<ShearValidation.Result> res = ShearValidation.validate(synthetic(1),
                List.of(new ShearValidation.Component("g1", "pre_s1", "pre_s1w", "tru_s1")));
        ShearValidation.Result r = res.get(0);
        assertEquals(200, r.cases().size());
        assertEquals(95, r.cases().count()[0], "failed realizations are left out");
        ShearBias w = r.weighted();
        assertEquals(200, w.n());
        assertTrue(Math.abs(w.m() - M) < 3 * w.mErr(), "m " + w.m() + " +/- " + w.mErr());
        assertTrue(Math.abs(w.c() - C) < 3 * w.cErr(), "c " + w.c() + " +/- " + w.cErr());
        // Per case, the mean of ~48 good estimates has σ ≈ 0.05/√48 ≈ 0.0072: m is known to ≈ 0.0072/(0.058 √200).
        assertTrue(w.mErr() > 0.005 && w.mErr() < 0.02, "m error " + w.mErr());
        assertEquals(0.0072, w.rmsd(), 0.0015);
        // Unweighted: the bad half shifts c by +0.025.
        ShearBias u = r.unweighted();
        assertTrue(Math.abs(u.c() - (C + 0.025)) < 3 * u.cErr(), "unweighted c " + u.c());
        assertEquals(List.of(new BiasTable.Row("g1", false, u), new BiasTable.Row("g1", true, w)), r.rows());
    }

    @Test
    void unweightedOnlyWithoutAWeightColumn() {
        ShearValidation.Result r = ShearValidation.validate(synthetic(2),
                List.of(new ShearValidation.Component("g1", "pre_s1", null, "tru_s1"))).get(0);
        assertNull(r.weighted());
        assertEquals(1, r.rows().size());
        assertTrue(Double.isNaN(r.cases().weightedMean()[0]));
    }

    @Test
    void errorsNameTheProblem() {
        LongTable varying = LongTable.builder(List.of("e", "t")).add(0, 0, 0.1, 0.1).add(0, 1, 0.1, 0.2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaseMeans.of(varying, "e", null, "t"));
        assertTrue(e.getMessage().contains("varies within case 0"), e.getMessage());
        LongTable two = LongTable.builder(List.of("e", "t")).add(0, 0, 0.1, 0.1).add(1, 0, 0.2, 0.2)
                .add(2, 0, Double.NaN, 0.3).build();
        e = assertThrows(IllegalArgumentException.class, () -> ShearValidation.validate(two,
                List.of(new ShearValidation.Component("g2", "e", null, "t"))));
        assertTrue(e.getMessage().contains("component g2") && e.getMessage().contains("found 2 of 3"), e.getMessage());
    }

    @Test
    void biasTableRoundTrips() throws Exception {
        List<BiasTable.Row> rows = List.of(new BiasTable.Row("g1", false, new ShearBias(0.01, 0.002, -1e-4, 3e-5, 0.004, 200)),
                new BiasTable.Row("g1", true, new ShearBias(-0.002, 0.001, 2e-5, 1e-5, 0.003, 199)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BiasTable.write(rows, out);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("component,weighted,m,m_err,c,c_err,rmsd,n_cases\ng1,false,"));
        assertEquals(rows, BiasTable.read(new ByteArrayInputStream(out.toByteArray()), "bias.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BiasTable.read(
                new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8)), "x/bias.csv"));
        assertTrue(e.getMessage().startsWith("x/bias.csv: expected the header"), e.getMessage());
    }
}
