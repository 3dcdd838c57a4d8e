package org.megalut.cli;

import java.util.concurrent.Callable;
import org.megalut.spark.RunSettings;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.steps.ValidateStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate the shear committees of each subfield on its valid-shear simulation (validate.dataset):",
            "bias m, c and RMSD of the per-case mean shear against the case shear, per component, into",
            "<workdir>/validate/shear/subfield=S/bias.csv and residuals.png; a table is printed at the end."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "validate")) {
            ValidateStep.Result r = ValidateStep.run(lease.spark(), settings, options.config(), ValidateStep.Kind.SHEAR);
            ValidateStep.print(r, System.out);
            return TaskReport.print("validate", r.outcome());
        }
    }
}
