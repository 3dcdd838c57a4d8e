package org.megalut.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.megalut.config.StrictConfig;
import org.megalut.eval.BranchEvaluation;
import org.megalut.great3.SubfieldSelection;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.GroupTable;
import org.megalut.spark.pipeline.Pipeline;
import org.megalut.spark.pipeline.StepContext;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.settings.SimSettings;
import org.megalut.spark.steps.Great3SimStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: generates a small GREAT3-format branch with truth (settings {@code conf/demo.conf},
 * shipped in the jar) and runs every pipeline step that exists on it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a small GREAT3-format branch with truth (conf/demo.conf) and run the pipeline on it.",
            "Needs no argument and no download."})
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_CONF = "/org/megalut/conf/demo.conf";

    @Option(names = "--workdir", defaultValue = "megalut-demo", paramLabel = "DIR",
            description = "Where the branch, truth and outputs go (default ${DEFAULT-VALUE}).")
    String workdir;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
    String master;

    @Override
    public Integer call() throws Exception {
        Config defaults = StrictConfig.defaults(ConfigOptions.class, ConfigOptions.DEFAULTS);
        Config c = StrictConfig.merge(StrictConfig.defaults(DemoCommand.class, DEMO_CONF), defaults, "demo.conf",
                RunSettings.NAMED_SECTIONS);
        Path root = Path.of(workdir).toAbsolutePath();
        String branch = root.resolve("branch").toUri().toString();
        String truth = root.resolve("truth").toUri().toString();
        c = ConfigFactory.empty()
                .withValue("branch.dir", ConfigValueFactory.fromAnyRef(branch))
                .withValue("branch.truth", ConfigValueFactory.fromAnyRef(truth))
                .withValue("workdir", ConfigValueFactory.fromAnyRef(root.resolve("work").toUri().toString()))
                .withFallback(c);
        // Qualified as every other command's settings, so that the completion records name the branch as a later
        // run --branch DIR on the same directory does.
        RunSettings settings = RunSettings.from(c, SubfieldSelection.parse(c.getString("branch.subfields")), master, false);
        settings = settings.qualified(settings.hadoopConfiguration());
        SimSettings sim = SimSettings.from(c);
        long t0 = System.nanoTime();
        StepContext context;
        try (SparkSessions.Lease lease = SparkSessions.leaseWorkdir(settings, "demo")) {
            SparkSession spark = lease.spark();
            Great3SimStep.Outcome gen = Great3SimStep.run(spark, sim, settings.subfields(), branch, truth);
            System.out.printf("demo: generated %d subfields (%d galaxies) in %.1f s%n", gen.subfields().size(),
                    gen.galaxies(), gen.seconds());
            context = StepContext.of(spark, settings, settings.recipe().predcode(), Map.of(), System.out);
            Pipeline.run(context, Pipeline.STEPS, true);
        }
        PredictionRun results = context.obs();
        PredictionRun mimic = context.mimic();
        Configuration conf = new Configuration();
        System.out.println();
        System.out.println("Result on the generated branch (" + results.label() + "):");
        BranchEvaluation.print(BranchEvaluation.evaluate(GroupTable.read(results.groupCsv(), conf),
                settings.grid().obstype()), System.out);
        System.out.println("(a demo branch has 4 subfields of 144 galaxies: its biases and Q_c are dominated by noise;"
                + " compare Q_c with its noise floor)");
        System.out.printf("%ndemo finished in %.0f s. Outputs:%n", (System.nanoTime() - t0) * 1e-9);
        System.out.println("  branch (GREAT3 format)   " + root.resolve("branch"));
        System.out.println("  truth                    " + root.resolve("truth") + " (galaxies/ is the per-galaxy table)");
        WorkdirLayout layout = WorkdirLayout.of(settings.workdir());
        System.out.println("  star features            " + layout.table(WorkdirLayout.STARS));
        System.out.println("  galaxy features          " + layout.table(WorkdirLayout.OBSERVATIONS));
        System.out.println("  PSF table                " + layout.table(WorkdirLayout.PSFS) + ".csv");
        System.out.println("  training simulations     " + layout.table(WorkdirLayout.SIMULATIONS));
        System.out.println("  committees               " + layout.table(WorkdirLayout.COMMITTEES));
        System.out.println("  results (predcode)       " + results.root() + " (group.csv, metrics.json)");
        System.out.println("  mimic-great3 results     " + mimic.root());
        System.out.println("  report                   " + results.reportDir() + "/index.html"
                + " (open it in a browser)");
        return 0;
    }
}
