package org.megalut.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megalut.great3.ObservationType;

class BranchEvaluationTest {

    private static List<GroupedSubfield> rows(double noise) {
        // Weighted estimates g = (1 + m) g_true + c with m = 0.01, c = 2e-4 (both components); unweighted
        // ones unbiased with an alternating ±noise scatter; round PSFs.
        List<GroupedSubfield> rows = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            double t1 = 0.05 * Math.cos(0.7 * s);
            double t2 = 0.05 * Math.sin(1.3 * s);
            double e = (s % 2 == 0 ? 1 : -1) * noise;
            rows.add(new GroupedSubfield(s, 90, 100, t1 + e, t2 - e, 1.01 * t1 + 2e-4, 1.01 * t2 + 2e-4, t1, t2, 0.0, 0.0,
                    Double.NaN, Double.NaN, Double.NaN));
        }
        return rows;
    }

    @Test
    void recoversInjectedBiases() throws Exception {
        BranchEvaluation.Result r = BranchEvaluation.evaluate(rows(1e-3), ObservationType.GROUND);
        BranchEvaluation.Bias w = r.weighted();
        assertEquals(0.01, w.g1().slope() - 1, 1e-9);
        assertEquals(2e-4, w.g2().intercept(), 1e-10);
        assertEquals(0.01, w.great3().plus().slope(), 1e-9);
        assertEquals(1.232 * 2000 / Math.sqrt(4 + 2 * 1 + 2 * 25), w.great3().qc(), 1e-6);
        assertEquals(0, w.scatter1(), 1e-12);
        assertEquals(1232, w.floor().median(), 1e-6, "no scatter: the floor is a perfect score");
        BranchEvaluation.Bias u = r.unweighted();
        assertEquals(1e-3, u.rmsd1(), 1e-12);
        assertTrue(u.scatter1() > 0.9e-3 && u.scatter1() < 1.2e-3, "scatter " + u.scatter1());
        assertTrue(u.floor().median() < 1232 && u.floor().median() > 100, u.floor().toString());
        assertEquals(0.1, r.failureFraction(), 1e-12);
        JsonNode json = new ObjectMapper().readTree(BranchEvaluation.json(r, "results/main", Map.of(7, "obs: bad image")));
        assertEquals(0.01, json.get("weighted").get("m1").asDouble(), 1e-9);
        assertEquals(u.floor().median(), json.get("unweighted").get("noise_floor_qc").asDouble(), 0);
        assertEquals(20, json.get("subfields").asInt());
        assertEquals(7, json.get("failed_subfields").get(0).get("subfield").asInt());
        assertEquals("obs: bad image", json.get("failed_subfields").get(0).get("reason").asText());
        assertEquals("ground", json.get("obstype").asText());
        assertThrows(IllegalStateException.class,
                () -> BranchEvaluation.evaluate(rows(0).subList(0, 2), ObservationType.GROUND));
    }

    @Test
    void psfLeakageIsFittedJointlyWithMAndC() throws Exception {
        // g_sub = 1.01 g_true + 2e-4 + α e_psf, with α = (0.05, −0.03) and PSF shapes that vary between subfields.
        List<GroupedSubfield> rows = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            double t1 = 0.05 * Math.cos(0.7 * s);
            double t2 = 0.05 * Math.sin(1.3 * s);
            double e1 = 0.02 * Math.sin(2.1 * s + 0.3);
            double e2 = 0.02 * Math.cos(1.7 * s);
            double w1 = 1.01 * t1 + 2e-4 + 0.05 * e1;
            double w2 = 1.01 * t2 + 2e-4 - 0.03 * e2;
            rows.add(new GroupedSubfield(s, 90, 100, w1, w2, w1, w2, t1, t2, e1, e2, Double.NaN, Double.NaN,
                    Double.NaN));
        }
        BranchEvaluation.Result r = BranchEvaluation.evaluate(rows, ObservationType.GROUND);
        assertEquals(0.05, r.weighted().leakage1().alpha(), 1e-9);
        assertEquals(-0.03, r.weighted().leakage2().alpha(), 1e-9);
        assertEquals(0, r.weighted().leakage1().alphaError(), 1e-9, "an exact fit has no residuals");
        JsonNode json = new ObjectMapper().readTree(BranchEvaluation.json(r, "x", Map.of()));
        assertEquals(-0.03, json.get("weighted").get("alpha2").asDouble(), 1e-9);
        assertTrue(json.get("weighted").has("alpha1_err"));
        // The errors scale with the scatter: noise of 1e-3 on a fit over 20 subfields whose PSF g spans ±0.02.
        List<GroupedSubfield> noisy = new ArrayList<>();
        for (GroupedSubfield g : rows) {
            double n = (g.subfield() % 2 == 0 ? 1 : -1) * 1e-3;
            noisy.add(new GroupedSubfield(g.subfield(), 90, 100, g.s1() + n, g.s2(), g.s1w() + n, g.s2w(), g.trueG1(),
                    g.trueG2(), g.psfG1(), g.psfG2(), Double.NaN, Double.NaN, Double.NaN));
        }
        BranchEvaluation.Leakage l = BranchEvaluation.evaluate(noisy, ObservationType.GROUND).weighted().leakage1();
        assertTrue(l.alphaError() > 0.01 && l.alphaError() < 0.2, "alpha error " + l.alphaError());
        assertTrue(Math.abs(l.alpha() - 0.05) < 3 * l.alphaError(), l.toString());
        // A PSF that does not vary has no leakage to fit.
        assertTrue(Double.isNaN(BranchEvaluation.evaluate(rows(1e-3), ObservationType.GROUND).weighted().leakage1()
                .alpha()));
    }

    @Test
    void spaceBranchesAreScoredWithTheSpaceNoiseTerm() throws Exception {
        // GREAT3: σ²_min = 1 in space, so the same biases score higher than on the ground.
        BranchEvaluation.Result r = BranchEvaluation.evaluate(rows(1e-3), ObservationType.SPACE);
        assertEquals(1.232 * 2000 / Math.sqrt(1 + 2 * 1 + 2 * 25), r.weighted().great3().qc(), 1e-6);
        assertEquals(1232 * 2, r.weighted().floor().median(), 1e-6, "no scatter: the floor is a perfect space score");
        assertEquals("space", new ObjectMapper().readTree(BranchEvaluation.json(r, "x", Map.of())).get("obstype").asText());
    }
}
