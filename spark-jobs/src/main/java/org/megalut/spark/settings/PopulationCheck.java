package org.megalut.spark.settings;

import com.typesafe.config.Config;
import java.io.Serializable;

/**
 * The population-match check of {@code evaluate} and the report (configuration section
 * {@code population-match}): the observed features of each subfield against a simulated dataset's, by
 * the two-sample KS distance D ({@code org.megalut.eval.PopulationMatch}).
 *
 * @param dataset   the simulated dataset compared with the observations
 * @param threshold D above which (when also significant at 1 %) a feature is flagged as mismatched, in (0, 1]
 * @param sample    about how many stamps of each table a subfield's comparison uses
 */
public record PopulationCheck(String dataset, double threshold, long sample) implements Serializable {

    public PopulationCheck {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("population-match.threshold must be in (0, 1], found " + threshold);
        }
        if (sample < 1) {
            throw new IllegalArgumentException("population-match.sample must be positive, found " + sample);
        }
    }

    /** Reads the {@code population-match} section. */
    static PopulationCheck from(Config c) {
        return new PopulationCheck(c.getString("population-match.dataset"), c.getDouble("population-match.threshold"),
                c.getLong("population-match.sample"));
    }
}
