package org.megalut.spark.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megalut.eval.BiasRequirement;
import org.megalut.eval.BiasTable;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ValidationSummary;

/** The report's table of the validated bias, from the JSON evaluate writes. */
class ValidatedBiasTest {

    static String html(double m1) {
        List<BiasTable.Row> rows = List.of(new BiasTable.Row("g1", true, new ShearBias(m1, 4e-4, 1e-5, 4e-5, 0, 800)),
                new BiasTable.Row("g2", true, new ShearBias(-3e-4, 4e-4, -2e-5, 4e-5, 0, 800)));
        ValidationSummary s = ValidationSummary.of(Map.of(8, rows, 15, rows), true, new BiasRequirement(1e-3, 1e-4));
        HtmlPage page = new HtmlPage("t");
        ValidatedBias.addTo(page, s.json(new ObjectMapper(), "valid-overall-x4"));
        return page.html();
    }

    @Test
    void tablesEverySubfieldAndWarnsWhenTheRequirementIsExceeded() {
        String ok = html(2e-4);
        assertTrue(ok.contains("mean of 2") && ok.contains("+0.00020 ± 0.00040") && ok.contains("valid-overall-x4"), ok);
        assertFalse(ok.contains("exceeds the requirement"), ok);
        String bad = html(-4e-3);
        assertTrue(bad.contains("exceeds the requirement"), bad);
        HtmlPage none = new HtmlPage("t");
        ValidatedBias.addTo(none, null);
        assertFalse(none.html().contains("<table"), "nothing without validations");
    }
}
