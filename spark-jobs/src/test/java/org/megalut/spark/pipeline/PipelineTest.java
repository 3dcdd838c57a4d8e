package org.megalut.spark.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void stepNamesAreUniqueAndEachStepSaysWhatItReadsAndWrites() {
        Set<String> names = new HashSet<>();
        for (Step s : Pipeline.STEPS) {
            assertTrue(names.add(s.name()), "step named twice: " + s.name());
            assertFalse(s.description().isEmpty(), s.name());
            assertFalse(s.writes().isEmpty(), s.name());
            assertTrue(Pipeline.index(s.commandFrom()) <= Pipeline.index(s.name()), s.name());
        }
    }

    @Test
    void everyStepAfterTheFirstReadsWhatAnEarlierStepWrites() {
        Set<String> written = new HashSet<>(List.of(Step.BRANCH));
        for (Step s : Pipeline.STEPS) {
            for (String input : s.reads()) {
                assertTrue(written.contains(input), s.name() + " reads " + input + ", which no earlier step writes");
            }
            written.addAll(s.writes());
        }
    }

    @Test
    void rangesAreInclusiveAndUnknownNamesListTheSteps() {
        List<Step> r = Pipeline.range("learn", "validate");
        assertEquals(List.of("learn", "simulate-valid-shear", "validate"), r.stream().map(Step::name).toList());
        assertEquals(Pipeline.STEPS, Pipeline.range(null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pipeline.index("lean"));
        assertTrue(e.getMessage().contains("measure-stars"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pipeline.range("group", "learn"));
    }
}
