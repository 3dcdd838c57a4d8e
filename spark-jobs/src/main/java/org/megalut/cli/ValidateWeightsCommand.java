package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.steps.ValidateStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate-weights", mixinStandardHelpOptions = true,
        description = {"Validate the shear and weight committees of each subfield on its valid-overall simulation",
            "(validate-weights.dataset): bias m, c and RMSD of the weighted (and unweighted) per-case mean shear,",
            "into <workdir>/validate/weights/subfield=S/bias.csv and residuals.png; a table is printed at the end."})
final class ValidateWeightsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "validate-weights")) {
            ValidateStep.Result r = ValidateStep.run(lease.spark(), settings, options.config(), ValidateStep.Kind.WEIGHTS);
            ValidateStep.print(r, System.out);
            return TaskReport.print("validate-weights", r.outcome());
        }
    }
}
