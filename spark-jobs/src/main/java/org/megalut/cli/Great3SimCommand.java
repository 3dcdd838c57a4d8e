package org.megalut.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.SubfieldSelection;
import org.megalut.spark.ProgressReporter;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.settings.SimSettings;
import org.megalut.spark.steps.Great3SimStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code great3-sim}: generates a GREAT3-format constant- or variable-shear branch with its truth. */
@Command(name = "great3-sim", mixinStandardHelpOptions = true,
        description = {"Generate a GREAT3-format branch (images, star fields, catalogues, dict files) and its truth,",
            "following GREAT3's CGC recipe (settings: great3-sim in the configuration). Constant shear",
            "(branch.shear-type = constant): truth shear_params, starshape_parameters and a per-galaxy table.",
            "Variable shear (branch.shear-type = variable, GREAT3's CGV/RGV): a shear field per field of 20",
            "subfields; truth galaxy_catalog-SSS.fits, subfield_offset-SSS and the per-galaxy table."})
final class Great3SimCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Branch directory to write.")
    String out;

    @Option(names = "--truth-out", required = true, paramLabel = "DIR", description = "Truth directory to write.")
    String truthOut;

    @Option(names = "--subfields", paramLabel = "LIST",
            description = "Regular subfields to generate (default: the regular ones of branch.subfields, as for the"
                    + " other commands).")
    String subfields;

    @Option(names = "--grid", paramLabel = "N", description = "Galaxy stamps per side (overrides branch.grid).")
    Integer grid;

    @Option(names = "--seed", paramLabel = "S", description = "Global seed (overrides great3-sim.seed).")
    Long seed;

    @Option(names = "--deep", paramLabel = "N", description = "Also generate N deep subfields 200.. (overrides great3-sim.deep).")
    Integer deep;

    @Option(names = "--population", paramLabel = "NAME",
            description = "Galaxy population (overrides great3-sim.population): " + SimSettings.SERSIC
                    + " (GREAT3-like Sersic and bulge + disk profiles) or " + SimSettings.KNOTS
                    + " (the same galaxies with knots of star formation in their disks, see docs/rendering.md).")
    String population;

    @Option(names = "--shear-type", paramLabel = "TYPE",
            description = "constant or variable (overrides branch.shear-type): one shear per subfield, or a shear field"
                    + " per field of 20 subfields with galaxy IDs encoding field positions (see docs/variable-shear.md).")
    String shearType;

    @Mixin
    ConfigOptions base;

    @Override
    public Integer call() throws Exception {
        Config c = base.config();
        c = set(c, "branch.grid", grid);
        c = set(c, "great3-sim.seed", seed);
        c = set(c, "great3-sim.deep", deep);
        c = set(c, "great3-sim.population", population);
        c = set(c, "branch.shear-type", shearType);
        SimSettings sim = SimSettings.from(c);
        // The same selection as every other command reads from the configuration; deep subfields come with
        // great3-sim.deep, so a configured selection contributes its regular ones.
        int[] regular = subfields != null ? SubfieldSelection.parse(subfields)
                : Arrays.stream(SubfieldSelection.parse(c.getString("branch.subfields")))
                        .filter(s -> s < BranchLayout.REGULAR_SUBFIELDS).toArray();
        for (int s : regular) {
            if (s < 0 || s >= BranchLayout.REGULAR_SUBFIELDS) {
                throw new IllegalArgumentException("--subfields takes regular subfields 0-199 (deep ones come with --deep), got " + s);
            }
        }
        int[] all = Great3SimStep.withDeep(regular, sim.deep());
        RunSettings run = RunSettings.from(c, all, base.master, false);
        // Executors run in their own working directories: resolve relative paths here, on the driver.
        String out = RunSettings.qualify(this.out, run.hadoopConfiguration());
        String truthOut = RunSettings.qualify(this.truthOut, run.hadoopConfiguration());
        try (SparkSessions.Lease lease = SparkSessions.lease(run, "great3-sim")) {
            SparkSession spark = lease.spark();
            Great3SimStep.Outcome o;
            try (ProgressReporter progress = ProgressReporter.start(spark, "great3-sim", 15)) {
                o = Great3SimStep.run(spark, sim, all, out, truthOut);
            }
            System.out.printf("great3-sim: %d subfields, %d galaxies in %.1f s; branch %s, truth %s%n",
                    o.subfields().size(), o.galaxies(), o.seconds(), out, truthOut);
        }
        return 0;
    }

    private static Config set(Config c, String key, Object value) {
        return value == null ? c : ConfigFactory.empty().withValue(key, ConfigValueFactory.fromAnyRef(value)).withFallback(c);
    }
}
