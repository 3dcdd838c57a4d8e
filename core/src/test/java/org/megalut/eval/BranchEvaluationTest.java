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
    void spaceBranchesAreScoredWithTheSpaceNoiseTerm() throws Exception {
        // GREAT3: σ²_min = 1 in space, so the same biases score higher than on the ground.
        BranchEvaluation.Result r = BranchEvaluation.evaluate(rows(1e-3), ObservationType.SPACE);
        assertEquals(1.232 * 2000 / Math.sqrt(1 + 2 * 1 + 2 * 25), r.weighted().great3().qc(), 1e-6);
        assertEquals(1232 * 2, r.weighted().floor().median(), 1e-6, "no scatter: the floor is a perfect space score");
        assertEquals("space", new ObjectMapper().readTree(BranchEvaluation.json(r, "x", Map.of())).get("obstype").asText());
    }
}
