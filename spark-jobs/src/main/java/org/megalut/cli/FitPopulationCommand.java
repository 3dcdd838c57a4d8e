package org.megalut.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.Distribution;
import org.megalut.sim.megalut.PopulationFit;
import org.megalut.sim.megalut.TruncatedNormalLaw;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.pipeline.Step;
import org.megalut.spark.settings.Recipe;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.steps.PopulationFitStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fit-population}: a simulated dataset's size and flux laws fitted to the branch's observations. */
@Command(name = "fit-population", mixinStandardHelpOptions = true,
        description = {"Fit the half-light radius and flux laws of the simulations to the branch's observed galaxies:",
            "the galaxies of a simulated dataset (G3-like: truncated normal laws) are reweighted, per subfield,",
            "to the observed adaptive-moment sigma and flux, iterated as Bayesian unfolding, and truncated normals",
            "are fitted to their drawn sizes and fluxes (docs/datasets.md, \"Fitting the population\"). Needs",
            "measure-obs and the dataset simulated. Prints the laws as configuration lines for the GREAT3-like",
            "datasets of the recipe; nothing is changed."})
final class FitPopulationCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "DATASET", defaultValue = "simobscompa",
            description = "Simulated dataset to reweight (default ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--cells", defaultValue = "12", paramLabel = "N",
            description = "Quantile cells per feature, N x N per subfield (default ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--sample", defaultValue = "20000", paramLabel = "N",
            description = "About how many observed and simulated galaxies per subfield to use (default ${DEFAULT-VALUE}).")
    long sample;

    @Option(names = "--json", description = "Print the result as JSON (hlr and flux laws, ks_sigma_before,"
            + " ks_sigma_after, ks_flux_before, ks_flux_after, uncovered, subfields, iterations).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = options.settings();
        DatasetSpec spec = settings.recipe().dataset(dataset);
        spec.drawnHlrLaw(); // a uniform distribution is refused, with its name, before Spark starts
        spec.drawnFluxLaw();
        Step step = Step.of("fit-population", List.of("Fit the simulated population to the observations."),
                List.of(), List.of(), c -> {
                    PopulationFit.Result r = PopulationFitStep.run(c.spark(), c.settings(), dataset, cells, sample);
                    print(r, spec, settings.recipe(), c.out());
                    return StepOutcome.nothing("fitted on " + r.subfields() + " subfields");
                });
        return StepCommand.execute(settings, "fit-population " + dataset, List.of(step), Map.of(), false);
    }

    private void print(PopulationFit.Result r, DatasetSpec spec, Recipe recipe, PrintStream out) throws Exception {
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode().put("dataset", dataset);
            law(root.putObject("hlr"), r.hlr());
            law(root.putObject("flux"), r.flux());
            root.put("ks_sigma_before", r.ksSigmaBefore()).put("ks_sigma_after", r.ksSigmaAfter())
                    .put("ks_flux_before", r.ksFluxBefore()).put("ks_flux_after", r.ksFluxAfter())
                    .put("uncovered", r.uncovered()).put("subfields", r.subfields()).put("iterations", r.iterations());
            out.println(mapper.writeValueAsString(root));
            return;
        }
        out.printf(Locale.ROOT, "fit-population: %s reweighted to the observations of %d subfields (%d x %d cells,"
                + " %d iterations)%n", dataset, r.subfields(), cells, cells, r.iterations());
        out.printf(Locale.ROOT, "  drawn:  hlr = %s   flux = %s%n", spec.drawnHlrLaw().toConfig(), spec.drawnFluxLaw().toConfig());
        out.printf(Locale.ROOT, "  fitted: hlr = %s   flux = %s%s%n", r.hlr().toConfig(), r.flux().toConfig(),
                spec.selection() == null ? "" : "   (parent laws, before the dataset's selection)");
        out.printf(Locale.ROOT, "  KS distance to the observations: sigma %.3f -> %.3f, flux %.3f -> %.3f"
                + " (reweighted); observed galaxies outside the simulations' reach: %.2f %%%n", r.ksSigmaBefore(),
                r.ksSigmaAfter(), r.ksFluxBefore(), r.ksFluxAfter(), 100 * r.uncovered());
        out.println("  to simulate with the fitted laws, add to the configuration (then rerun from the simulations):");
        List<String> names = greatLike(recipe);
        if (spec.selection() != null) {
            // parent laws describe the observations only through the cut: for the datasets that apply one
            names.removeIf(n -> recipe.datasets().get(n).selection() == null);
            if (!names.contains(dataset)) {
                names.add(0, dataset);
            }
            out.println("    (parent laws: for datasets with a selection; give the others one to use them)");
        }
        for (String name : names) {
            out.printf(Locale.ROOT, "    datasets.%s.hlr = %s%n    datasets.%s.flux = %s%n", name, r.hlr().toConfig(),
                    name, r.flux().toConfig());
        }
    }

    /** The recipe's datasets that draw GREAT3-like populations (the ones the fit is for). */
    private static List<String> greatLike(Recipe recipe) {
        List<String> out = new ArrayList<>();
        for (String name : List.of(recipe.learnWeights().dataset(), recipe.validShear(), recipe.validOverall(),
                "mimic-great3", "simobscompa")) {
            DatasetSpec d = recipe.datasets().get(name);
            if (d != null && (d.distribution() == Distribution.G3 || d.distribution() == Distribution.G3BD)
                    && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static void law(ObjectNode n, TruncatedNormalLaw l) {
        n.put("mean", l.mean()).put("sigma", l.sigma()).put("min", l.min()).put("max", l.max());
    }
}
