package org.megalut.spark.settings;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.util.Map;
import org.megalut.eval.BiasRequirement;
import org.megalut.sim.megalut.DatasetSpec;

/**
 * What the pipeline does beyond reading and measuring the branch: the committee sets, the simulated
 * datasets, the validation and the prediction run's name (configuration sections {@code learn},
 * {@code learn-weights}, {@code datasets}, {@code simulate}, {@code validate}, {@code validate-weights},
 * {@code run}, {@code predcode}, {@code population-match} and {@code bias-requirement}).
 *
 * @param learn          the shear committees
 * @param learnWeights   the weight committees
 * @param validShear     the dataset {@code validate} checks the shear committees on
 * @param validOverall   the dataset {@code validate-weights} checks both committee sets on
 * @param validate       whether {@code run} simulates those datasets and validates
 * @param predcode       the prediction run's name
 * @param simulationSeed the seed of every simulated dataset
 * @param stampsPerTask  about how many stamps one task of a simulation renders (divides the work only)
 * @param datasets       the configured datasets by name ({@code datasets.<name>}, any number)
 * @param population     the population-match check of evaluate and the report
 * @param requirement    the bounds on |m| and |c| the validations are judged against
 */
public record Recipe(CommitteeSettings learn, CommitteeSettings learnWeights, String validShear, String validOverall,
                     boolean validate, String predcode, long simulationSeed, int stampsPerTask,
                     Map<String, DatasetSpec> datasets, PopulationCheck population, BiasRequirement requirement)
        implements Serializable {

    public Recipe {
        datasets = Map.copyOf(datasets);
    }

    /** Reads the recipe from the merged configuration. */
    public static Recipe from(Config c) {
        int perTask = c.getInt("simulate.stamps-per-task");
        if (perTask <= 0) {
            throw new IllegalArgumentException("simulate.stamps-per-task must be positive, found " + perTask);
        }
        Recipe r = new Recipe(CommitteeSettings.from(c, "learn"), CommitteeSettings.from(c, "learn-weights"),
                c.getString("validate.dataset"), c.getString("validate-weights.dataset"), c.getBoolean("run.validate"),
                c.getString("predcode"), c.getLong("simulate.seed"), perTask, DatasetSettings.all(c),
                PopulationCheck.from(c), new BiasRequirement(c.getDouble("bias-requirement.m"),
                        c.getDouble("bias-requirement.c")));
        for (String name : new String[] {r.learn.dataset(), r.learnWeights.dataset(), r.validShear, r.validOverall,
                r.population.dataset()}) {
            r.dataset(name); // a recipe naming a dataset that is not configured fails here, before any work
        }
        return r;
    }

    /**
     * A configured dataset.
     *
     * @throws IllegalArgumentException naming the configured datasets when the name is unknown
     */
    public DatasetSpec dataset(String name) {
        return DatasetSettings.lookup(datasets, name);
    }
}
