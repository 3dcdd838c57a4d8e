package org.megalut.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weighted means, verdicts against the requirement, and the summary of subfields' validation tables. */
class ValidationSummaryTest {
    static final BiasRequirement REQ = new BiasRequirement(1e-3, 1e-4);

    @Test
    void weightedMeanIsTheInverseVarianceMeanWithItsChi2() {
        WeightedMean w = WeightedMean.of(new double[] {1, 3}, new double[] {1, 1});
        assertEquals(2, w.value(), 1e-15);
        assertEquals(Math.sqrt(0.5), w.error(), 1e-15);
        assertEquals(2, w.chi2(), 1e-15);
        // An error twice as large weighs a quarter: (1·1 + 4·(1/4))/(1 + 1/4) = 1.6.
        assertEquals(1.6, WeightedMean.of(new double[] {1, 4}, new double[] {1, 2}).value(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> WeightedMean.of(new double[] {1}, new double[] {-1}));
        WeightedMean exact = WeightedMean.of(new double[] {1, 2, 5}, new double[] {0, 0, 1});
        assertEquals(1.5, exact.value(), 0);
        assertEquals(0, exact.error(), 0);
        assertThrows(IllegalArgumentException.class, () -> WeightedMean.of(new double[0], new double[0]));
    }

    @Test
    void verdictsReadTheErrorAtTwoSigma() {
        assertEquals(BiasRequirement.Verdict.MEETS, BiasRequirement.judge(-9e-4, 5e-3, 1e-3));
        assertEquals(BiasRequirement.Verdict.CONSISTENT, BiasRequirement.judge(1.9e-3, 5e-4, 1e-3));
        assertEquals(BiasRequirement.Verdict.EXCEEDS, BiasRequirement.judge(-2.1e-3, 5e-4, 1e-3));
        assertTrue(BiasRequirement.resolves(5e-4, 1e-3));
        assertFalse(BiasRequirement.resolves(5.1e-4, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new BiasRequirement(0, 1e-4));
    }

    static List<BiasTable.Row> table(double m1, double c1, double m2, double c2, double mErr, double cErr) {
        return List.of(new BiasTable.Row("g1", false, new ShearBias(0.5, 0.1, 0.5, 0.1, 0.1, 200)),
                new BiasTable.Row("g1", true, new ShearBias(m1, mErr, c1, cErr, 0.01, 200)),
                new BiasTable.Row("g2", false, new ShearBias(0.5, 0.1, 0.5, 0.1, 0.1, 200)),
                new BiasTable.Row("g2", true, new ShearBias(m2, mErr, c2, cErr, 0.01, 200)));
    }

    @Test
    void summarisesTheWeightedRowsPerSubfieldAndTheirMean() throws Exception {
        Map<Integer, List<BiasTable.Row>> tables = Map.of(
                7, table(4e-4, 2e-5, -6e-4, 1e-5, 4e-4, 4e-5),
                3, table(8e-4, -2e-5, -2e-4, 3e-5, 4e-4, 4e-5));
        ValidationSummary s = ValidationSummary.of(tables, true, REQ);
        assertEquals(List.of(3, 3, 7, 7), s.subfields().stream().map(ValidationSummary.SubfieldBias::subfield).toList());
        assertEquals(6e-4, s.means().get(0).m().value(), 1e-15);
        assertEquals(4e-4 / Math.sqrt(2), s.means().get(0).m().error(), 1e-15);
        assertEquals(-4e-4, s.means().get(1).m().value(), 1e-15);
        assertEquals(BiasRequirement.Verdict.MEETS, s.verdict());
        assertTrue(s.resolved());
        ObjectNode j = s.json(new ObjectMapper(), "valid-overall");
        assertEquals("meets", j.get("verdict").asText());
        assertEquals(4, j.get("subfields").size());
        assertEquals(-2e-5, j.get("subfields").get(0).get("c").asDouble(), 1e-18);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        s.print("valid-overall", new PrintStream(text, true, StandardCharsets.UTF_8));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("verdict: meets"), text.toString(StandardCharsets.UTF_8));

        // One subfield's c 3 sigma beyond the bound sinks the verdict; a wide error only loses "resolved".
        ValidationSummary bad = ValidationSummary.of(Map.of(1, table(0, 2.3e-4, 0, 0, 4e-4, 4e-5)), true, REQ);
        assertEquals(BiasRequirement.Verdict.EXCEEDS, bad.verdict());
        ValidationSummary wide = ValidationSummary.of(Map.of(1, table(1.5e-3, 0, 0, 0, 1e-3, 4e-5)), true, REQ);
        assertEquals(BiasRequirement.Verdict.CONSISTENT, wide.verdict());
        assertFalse(wide.resolved());
    }

    @Test
    void refusesATableWithoutTheRowsAskedFor() {
        List<BiasTable.Row> unweightedOnly = List.of(new BiasTable.Row("g1", false, new ShearBias(0, 1e-3, 0, 1e-4, 0, 9)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidationSummary.of(Map.of(4, unweightedOnly), true, REQ));
        assertTrue(e.getMessage().contains("subfield 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValidationSummary.of(Map.of(), true, REQ));
    }
}
