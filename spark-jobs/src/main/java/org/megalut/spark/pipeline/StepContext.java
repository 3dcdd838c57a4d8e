package org.megalut.spark.pipeline;

import java.io.PrintStream;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.settings.RunSettings;

/**
 * What a step runs with.
 *
 * @param spark    the session
 * @param settings the settings, restricted to the subfields that have not failed in an earlier step
 * @param selected the settings with every selected subfield (grouping lists the failed ones)
 * @param obs      the prediction run on the observations
 * @param mimic    the prediction run on the mimic simulation
 * @param options  the values of the step's own options given on the command line, by name
 * @param out      where the step prints its tables
 */
public record StepContext(SparkSession spark, RunSettings settings, RunSettings selected, PredictionRun obs,
                          PredictionRun mimic, Map<String, Object> options, PrintStream out) {

    public StepContext {
        options = Map.copyOf(options);
    }

    /** The context of a command over all its selected subfields, with the prediction runs named {@code predcode}. */
    public static StepContext of(SparkSession spark, RunSettings settings, String predcode, Map<String, Object> options,
                                 PrintStream out) {
        return new StepContext(spark, settings, settings,
                new PredictionRun(settings.workdir(), predcode, PredictionRun.Target.OBS),
                new PredictionRun(settings.workdir(), predcode, PredictionRun.Target.MIMIC), options, out);
    }

    /** The value of one of the step's options, or null when not given. */
    public Object option(StepOption option) {
        return options.get(option.name());
    }

    /** Whether a flag was given. */
    public boolean flag(StepOption option) {
        return Boolean.TRUE.equals(option(option));
    }

    /** The same context for other subfields. */
    StepContext withSettings(RunSettings s) {
        return new StepContext(spark, s, selected, obs, mimic, options, out);
    }
}
