package org.megalut.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFilterTest {

    @Test
    void dropsCasesWithTooManyFailedRealizations() {
        LongTable.Builder b = LongTable.builder(List.of("f", "t"));
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 10; r++) {
                // case 0: no failure; case 1: one failed realization (10 %); case 2: two (20 %).
                boolean failed = r < c;
                b.add(c, r, failed ? Double.NaN : r, c);
            }
        }
        LongTable kept = CaseFilter.withoutFailedCases(b.build(), List.of("f"), 0.1);
        assertEquals(20, kept.rowCount());
        assertEquals(1, kept.caseId(kept.rowCount() - 1));
    }
}
