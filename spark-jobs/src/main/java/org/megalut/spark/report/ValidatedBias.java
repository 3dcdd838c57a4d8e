package org.megalut.spark.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's table of the validated bias (evaluate's {@code validation_bias} in metrics.json,
 * {@link org.megalut.eval.ValidationSummary}): per validated subfield and component m and c with their
 * verdicts against the requirement, then the means over the subfields.
 */
final class ValidatedBias {

    private ValidatedBias() { }

    /** Adds the table, or nothing when evaluate found no validate-weights table. */
    static void addTo(HtmlPage page, JsonNode v) {
        if (v == null) {
            return;
        }
        String dataset = v.get("dataset").asText();
        double mReq = v.get("requirement").get("m").asDouble();
        double cReq = v.get("requirement").get("c").asDouble();
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : v.get("subfields")) {
            rows.add(row(r.get("subfield").asText(), r));
        }
        for (JsonNode r : v.get("mean")) {
            rows.add(row("mean of " + r.get("subfields").asText(), r));
        }
        String verdict = v.get("verdict").asText();
        if (!verdict.equals("meets")) {
            page.warning(String.format(Locale.ROOT, "The validated bias %s the requirement |m| ≤ %.1e, |c| ≤ %.1e%s.",
                    verdict.equals("exceeds") ? "exceeds" : "is only consistent (within 2σ) with", mReq, cReq,
                    verdict.equals("exceeds") ? " on at least one subfield or on the mean" : ""));
        }
        page.table(List.of("subfield", "component", "m", "", "c", ""), rows);
        page.note(String.format(Locale.ROOT, "Weighted estimates on each subfield's %s simulation (68 %% errors);"
                + " the means are inverse-variance means over the subfields. A value meets the requirement"
                + " (bias-requirement: |m| ≤ %.1e, |c| ≤ %.1e) when within the bound, is consistent when within"
                + " it by 2σ, and exceeds it otherwise. The errors %s the bounds (2σ within them on every subfield).",
                dataset, mReq, cReq, v.get("resolved").asBoolean() ? "resolve" : "do not resolve"));
    }

    private static List<String> row(String label, JsonNode r) {
        return List.of(label, r.get("component").asText(),
                String.format(Locale.ROOT, "%+.5f ± %.5f", r.get("m").asDouble(), r.get("m_err").asDouble()),
                r.get("m_verdict").asText(),
                String.format(Locale.ROOT, "%+.6f ± %.6f", r.get("c").asDouble(), r.get("c_err").asDouble()),
                r.get("c_verdict").asText());
    }
}
