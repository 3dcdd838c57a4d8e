package org.megalut.spark.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.megalut.eval.BiasTable;
import org.megalut.eval.BranchEvaluation;
import org.megalut.eval.GroupedSubfield;
import org.megalut.eval.PopulationMatch;
import org.megalut.eval.PopulationMatch.SubfieldDistances;
import org.megalut.eval.ValidationLeakage;
import org.megalut.eval.ValidationSummary;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.VariableEvaluation;
import org.megalut.great3.ShearType;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunCommittees;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.GroupTable;
import org.megalut.spark.report.PopulationDistances;
import org.megalut.spark.report.RunReport;
import org.megalut.spark.report.VariableReport;
import org.megalut.spark.settings.PopulationCheck;
import org.megalut.spark.settings.Recipe;
import org.megalut.spark.steps.CheckPsfsStep;
import org.megalut.spark.steps.GroupStep;
import org.megalut.spark.steps.LearnStep;
import org.megalut.spark.steps.MeasureObsStep;
import org.megalut.spark.steps.MeasureStarsStep;
import org.megalut.spark.steps.PredictForWeightsStep;
import org.megalut.spark.steps.PredictStep;
import org.megalut.spark.steps.ShearCatalogStep;
import org.megalut.spark.steps.SimulateStep;
import org.megalut.spark.steps.ValidateStep;
import org.megalut.spark.steps.ValidationLeakagePoints;
import org.megalut.spark.steps.VariableEvaluateStep;
import org.megalut.spark.steps.VariableSubmissionStep;

/** The definitions of the pipeline's steps, in the order {@code run} runs them ({@link Pipeline#STEPS}). */
final class PipelineSteps {

    private PipelineSteps() { }

    static List<Step> all() {
        String learnSims = WorkdirLayout.simulationName("<learn.dataset>");
        String weightSims = WorkdirLayout.simulationName("<learn-weights.dataset>");
        String validShearSims = WorkdirLayout.simulationName("<validate.dataset>");
        String validOverallSims = WorkdirLayout.simulationName("<validate-weights.dataset>");
        String shearCommittees = WorkdirLayout.committeeSetName(WorkdirLayout.SHEAR_COMMITTEES, "<shear set>");
        String weightCommittees = WorkdirLayout.committeeSetName(WorkdirLayout.WEIGHT_COMMITTEES, "<weight set>");
        String weightTraining = WorkdirLayout.predictionsName("<shear set>", "<learn-weights.dataset>");
        return List.of(
                Step.of("measure-stars", List.of("Measure the PSF features of each subfield's star field into",
                        "<workdir>/stars (Parquet, by subfield)."), List.of(Step.BRANCH), List.of(WorkdirLayout.STARS),
                        c -> MeasureStarsStep.run(c.spark(), c.settings())),
                Step.of("measure-obs", List.of("Measure the features of every galaxy stamp into <workdir>/obs (Parquet,",
                        "by subfield)."), List.of(Step.BRANCH), List.of(WorkdirLayout.OBSERVATIONS),
                        c -> MeasureObsStep.run(c.spark(), c.settings())),
                Step.of("check-psfs", List.of("Table of the subfields sorted by PSF size, from the star features, into",
                        "<workdir>/psfs and psfs.csv."), List.of(WorkdirLayout.STARS),
                        List.of(WorkdirLayout.PSFS, WorkdirLayout.PSFS + ".csv"), PipelineSteps::checkPsfs)
                        .withOptions(StepOption.PSF_ORDER),
                simulationOf("simulate-train-shear", "learn.dataset", learnSims, r -> r.learn().dataset()),
                simulationOf("simulate-train-weight", "learn-weights.dataset", weightSims,
                        r -> r.learnWeights().dataset()),
                Step.of("learn", List.of("Train the shear committees of each subfield and component on its training",
                        "simulation (learn.* settings; MegaLUT's sum55mass by default) into the shear set they key,",
                        "<workdir>/" + shearCommittees + " (<dataset>/<data configs>_<network configs>-<hash>);",
                        "sets of other settings are kept beside it."),
                        List.of(learnSims), List.of(shearCommittees),
                        c -> LearnStep.run(c.spark(), c.settings(), LearnStep.Kind.SHEAR, null,
                                c.flag(StepOption.CONTINUE))).withOptions(StepOption.CONTINUE),
                simulationOf("simulate-valid-shear", "validate.dataset", validShearSims, Recipe::validShear).asValidation(),
                Step.of("validate", List.of("Validate the shear committees of each subfield on its valid-shear",
                        "simulation (validate.dataset): bias m, c and RMSD of the per-case mean shear against the case",
                        "shear, per component, into <workdir>/results/<predcode>/validate/shear/subfield=S/ (bias.csv,",
                        "cases.csv, residuals.png); a table judged against bias-requirement is printed at the end."),
                        List.of(validShearSims, shearCommittees), List.of("results/<predcode>/validate/shear"),
                        c -> validate(c, ValidateStep.Kind.SHEAR)).asValidation().withOptions(StepOption.PREDCODE),
                Step.of("predict-for-weights", List.of("Apply each subfield's shear committees (the configured shear",
                        "set) to its weight-training simulation, into <workdir>/" + weightTraining + "."), List.of(weightSims, shearCommittees),
                        List.of(weightTraining), c -> PredictForWeightsStep.run(c.spark(), c.settings())),
                Step.of("learn-weights", List.of("Train the weight committees of each subfield and component on",
                        "predict-for-weights' output (learn-weights.* settings; MegaLUT's sum33wmass by default) into",
                        "the weight set they key (with the shear set), <workdir>/" + weightCommittees + "."), List.of(weightTraining),
                        List.of(weightCommittees), c -> LearnStep.run(c.spark(), c.settings(), LearnStep.Kind.WEIGHT,
                                (Integer) c.option(StepOption.PRETRAINED_FROM), c.flag(StepOption.CONTINUE)))
                        .withOptions(StepOption.PRETRAINED_FROM, StepOption.CONTINUE),
                simulationOf("simulate-valid-overall", "validate-weights.dataset", validOverallSims,
                        Recipe::validOverall)
                        .asValidation(),
                Step.of("validate-weights", List.of("Validate the shear and weight committees of each subfield on its",
                        "valid-overall simulation (validate-weights.dataset): bias m, c and RMSD of the weighted (and",
                        "unweighted) per-case mean shear, into <workdir>/results/<predcode>/validate/weights/subfield=S/",
                        "(bias.csv, cases.csv, residuals.png); a table judged against bias-requirement is printed at",
                        "the end."), List.of(validOverallSims, shearCommittees, weightCommittees),
                        List.of("results/<predcode>/validate/weights"), c -> validate(c, ValidateStep.Kind.WEIGHTS))
                        .asValidation().withOptions(StepOption.PREDCODE),
                Step.of("predict-obs", List.of("Apply each subfield's shear and weight committees (the configured",
                        "sets) to its observed galaxies, into <workdir>/results/<predcode>/predictions; the run records",
                        "its sets in results/<predcode>/committees.json, and is predicted afresh when they change."),
                        List.of(WorkdirLayout.OBSERVATIONS, shearCommittees, weightCommittees),
                        List.of("results/<predcode>/predictions", "results/<predcode>/committees.json"),
                        c -> PredictStep.run(c.spark(), c.settings(), c.obs()))
                        .withOptions(StepOption.PREDCODE),
                Step.of("shear-catalog", List.of("Variable-shear branches: each subfield's per-galaxy predictions as GREAT3's",
                        "presubmission input, <workdir>/results/<predcode>/shear-catalog/catalog-SSS.txt: ID, g1, g2,",
                        "weight = (pre_s1w + pre_s2w)/2 per line, every galaxy, a failed one with g1 = g2 = 20 and",
                        "weight 0 (GREAT3 ignores shears >= 10)."), List.of("results/<predcode>/predictions"),
                        List.of("results/<predcode>/shear-catalog"),
                        c -> ShearCatalogStep.run(c.spark(), c.settings(), c.obs()))
                        .withOptions(StepOption.PREDCODE).only(ShearType.VARIABLE),
                Step.of("variable-submission", List.of("Variable-shear branches: per field of the selected subfields (each must",
                        "have all 20 catalogues), the shear correlation functions and the E/B aperture-mass dispersion",
                        "with its error, one Spark task per field; writes GREAT3's submission",
                        "<workdir>/results/<predcode>/submission.txt (field theta mapE mapB sigma_map) and xi.txt."),
                        List.of("results/<predcode>/shear-catalog"),
                        List.of("results/<predcode>/submission.txt", "results/<predcode>/xi.txt"),
                        PipelineSteps::variableSubmission).withOptions(StepOption.PREDCODE).only(ShearType.VARIABLE),
                Step.of("group", List.of("Per subfield: unweighted and weighted mean shear of the galaxies, counts,",
                        "mean PSF features, with the truth if given, into <workdir>/results/<predcode>/group.csv."),
                        List.of("results/<predcode>/predictions", WorkdirLayout.STARS),
                        List.of("results/<predcode>/group.csv", "results/<predcode>/failed.csv"),
                        c -> group(c, c.obs())).withOptions(StepOption.PREDCODE).only(ShearType.CONSTANT),
                Step.of("evaluate", List.of("Constant shear: m, c per component (MegaLUT's OLS), m and c in the PSF frame,",
                        "GREAT3's Q_c, the per-subfield scatter and the noise floor of Q_c, for the group table of a",
                        "prediction run. Variable shear: GREAT3's Q_v of the run's submission.txt against the truth of",
                        "its fields (reference.txt), and its noise reference (Q_v of the truth plus noise of the",
                        "measured per-galaxy scatter). Both need --truth; writes the run's metrics.json."),
                        List.of("results/<predcode>/group.csv", "results/<predcode>/submission.txt"),
                        List.of("results/<predcode>/metrics.json"),
                        c -> evaluate(c, c.flag(StepOption.MIMIC) ? c.mimic() : c.obs()))
                        .withOptions(StepOption.PREDCODE, StepOption.MIMIC, StepOption.JSON),
                simulation("simulate-mimic", "the " + PredictionRun.MIMIC_DATASET + " dataset",
                        WorkdirLayout.simulationName(PredictionRun.MIMIC_DATASET), c -> PredictionRun.MIMIC_DATASET)
                        .only(ShearType.CONSTANT),
                Step.of("mimic", List.of("The predict -> group -> evaluate chain on each subfield's mimic-great3",
                        "simulation (a fiducial branch of the training population with known shears), under",
                        "<workdir>/mimic/<predcode>, apart from the branch's results. Simulates mimic-great3 first",
                        "when it is not there yet."), List.of(WorkdirLayout.simulationName(PredictionRun.MIMIC_DATASET),
                        shearCommittees, weightCommittees), List.of("mimic/<predcode>"), PipelineSteps::mimic)
                        .withOptions(StepOption.PREDCODE).commandFrom("simulate-mimic").only(ShearType.CONSTANT),
                Step.of("report", List.of("The HTML report of a prediction run, <workdir>/results/<predcode>/report/",
                        "index.html: metrics, residuals against the true shear and the PSF ellipticity, feature",
                        "histograms of simulations against observations, failure fractions and flags, training costs.",
                        "Needs the run's group.csv (group, or run). Variable shear: Q_v and its noise reference, and the",
                        "per-field M_ap,E residuals against theta, from the run's metrics.json (evaluate)."),
                        List.of("results/<predcode>/group.csv", "results/<predcode>/metrics.json", "mimic/<predcode>"),
                        List.of("results/<predcode>/report", "mimic/<predcode>/report"), PipelineSteps::report)
                        .withOptions(StepOption.PREDCODE, StepOption.MIMIC));
    }

    /** A simulation step of the dataset a setting names ({@code learn.dataset}, ...). */
    private static Step simulationOf(String name, String setting, String output, Function<Recipe, String> dataset) {
        return simulation(name, "the dataset named by " + setting, output, dataset);
    }

    /**
     * A simulation step.
     *
     * @param what    the dataset, for the help text
     * @param output  its table under the work directory
     * @param dataset the dataset's name from the configuration
     */
    static Step simulation(String name, String what, String output, Function<Recipe, String> dataset) {
        return Step.of(name, List.of("Simulate and measure " + what + " for each subfield, with its star stamps as",
                        "PSF and its observed noise level, into <workdir>/" + output + " (Parquet, one row per stamp)."),
                List.of(Step.BRANCH, WorkdirLayout.OBSERVATIONS), List.of(output),
                c -> SimulateStep.run(c.spark(), c.settings(), dataset.apply(c.settings().recipe()),
                        c.flag(StepOption.KEEP_IMAGES)))
                .withOptions(StepOption.KEEP_IMAGES);
    }

    private static StepOutcome checkPsfs(StepContext c) throws IOException {
        List<Integer> done = new ArrayList<>();
        Object order = c.option(StepOption.PSF_ORDER);
        CheckPsfsStep.run(c.spark(), c.settings(), order == null ? CheckPsfsStep.Order.MEAN
                : CheckPsfsStep.Order.byName((String) order), c.out()).forEach(r -> done.add(r.getInt(0)));
        done.sort(null);
        return new StepOutcome(done, List.of(), Map.of(), Map.of(), "");
    }

    private static StepOutcome validate(StepContext c, ValidateStep.Kind kind) throws IOException {
        ValidateStep.Result r = ValidateStep.run(c.spark(), c.settings(), kind, c.obs());
        ValidateStep.print(r, c.out());
        return r.outcome();
    }

    /** Groups over every selected subfield, to list the failed ones with their reasons. */
    static StepOutcome group(StepContext c, PredictionRun run) throws IOException {
        GroupStep.Grouped g = GroupStep.run(c.spark(), c.selected(), run);
        List<Integer> done = g.rows().stream().map(GroupedSubfield::subfield).sorted().toList();
        return new StepOutcome(done, List.of(), g.failed(), Map.of(), "-> " + run.groupCsv() + sets(c, run));
    }

    /** Evaluates a grouped run when enough subfields have truth, printing and writing its metrics. */
    static StepOutcome evaluate(StepContext c, PredictionRun run) throws IOException {
        if (c.settings().grid().shearType() == ShearType.VARIABLE) {
            return evaluateVariable(c, run);
        }
        Configuration conf = c.spark().sparkContext().hadoopConfiguration();
        List<GroupedSubfield> rows = GroupTable.read(run.groupCsv(), conf);
        if (rows.stream().filter(r -> Double.isFinite(r.trueG1())).count() < 3) {
            return StepOutcome.nothing("skipped (needs --truth and at least 3 subfields)");
        }
        BranchEvaluation.Result r = BranchEvaluation.evaluate(rows, c.settings().grid().obstype());
        PopulationCheck check = c.settings().recipe().population();
        List<SubfieldDistances> population = population(c, run);
        // The run's validate-weights tables, read once for the validated bias and the leakage.
        Map<Integer, List<BiasTable.Row>> validations = run.target() == PredictionRun.Target.OBS
                ? ValidateStep.tables(run, ValidateStep.Kind.WEIGHTS, Arrays.stream(c.settings().subfields()).boxed()
                        .toList(), conf) : Map.of();
        List<ValidationLeakage.Point> leakage = ValidationLeakagePoints.of(c.spark(), c.settings(), validations);
        Optional<ValidationSummary> validated = validations.isEmpty() ? Optional.empty()
                : Optional.of(ValidationSummary.of(validations, true, c.settings().recipe().requirement()));
        String validOverall = c.settings().recipe().validOverall();
        Map<String, ObjectNode> sections = new LinkedHashMap<>();
        if (!population.isEmpty()) {
            sections.put(PopulationDistances.METRICS_KEY,
                    PopulationMatch.json(new ObjectMapper(), check.dataset(), check.threshold(), population));
        }
        if (!leakage.isEmpty()) {
            sections.put(ValidationLeakage.METRICS_KEY, ValidationLeakage.json(new ObjectMapper(), validOverall, leakage));
        }
        validated.ifPresent(v -> sections.put(ValidationSummary.METRICS_KEY, v.json(new ObjectMapper(), validOverall)));
        String json = BranchEvaluation.json(r, run.label(), GroupTable.readFailed(run.failedCsv(), conf), sections)
                + "\n";
        if (c.flag(StepOption.JSON)) {
            c.out().print(json);
        } else {
            BranchEvaluation.print(r, c.out());
            if (!population.isEmpty()) {
                PopulationMatch.print(check.dataset(), check.threshold(), population, c.out());
            }
            validated.ifPresent(v -> v.print(validOverall, c.out()));
            if (!leakage.isEmpty()) {
                ValidationLeakage.print(validOverall, leakage, c.out());
            }
        }
        AtomicWrite.text(run.metricsJson(), conf, json);
        List<Integer> done = rows.stream().map(GroupedSubfield::subfield).sorted().toList();
        return new StepOutcome(done, List.of(), Map.of(), Map.of(), "-> " + run.metricsJson() + sets(c, run));
    }

    /**
     * The population match of an observation run's subfields against the configured simulated dataset
     * (none for a mimic run, whose galaxies are simulated, or when the dataset has not been simulated).
     */
    private static List<SubfieldDistances> population(StepContext c, PredictionRun run) throws IOException {
        if (run.target() != PredictionRun.Target.OBS) {
            return List.of();
        }
        PopulationCheck check = c.settings().recipe().population();
        WorkdirLayout layout = WorkdirLayout.of(run.workdir());
        return PopulationDistances.compute(c.spark(), layout.table(WorkdirLayout.OBSERVATIONS),
                layout.simulation(check.dataset()), c.settings().subfields(), RunReport.FEATURES, check.sample());
    }

    /** The variable-shear submission of the observation run. */
    private static StepOutcome variableSubmission(StepContext c) throws IOException {
        VariableSubmissionStep.Result r = VariableSubmissionStep.run(c.spark(), c.settings(), c.obs());
        List<Integer> done = subfieldsOf(r.fields());
        return new StepOutcome(done, List.of(), Map.of(), Map.of(), "-> " + c.obs().submissionTxt() + " (fields "
                + Arrays.toString(r.fields()) + ")");
    }

    /** Q_v of a variable-shear run and its noise reference, printed and written. */
    private static StepOutcome evaluateVariable(StepContext c, PredictionRun run) throws IOException {
        if (run.target() == PredictionRun.Target.MIMIC) {
            throw new IllegalArgumentException("--mimic: a variable-shear branch has no mimic run (branch.shear-type"
                    + " = variable)");
        }
        String truth = c.settings().truthDir();
        if (truth == null || truth.isBlank()) {
            return StepOutcome.nothing("skipped (Q_v needs --truth)");
        }
        VariableEvaluation.Result r = VariableEvaluateStep.run(c.spark(), c.settings(), run);
        if (c.flag(StepOption.JSON)) {
            c.out().print(VariableEvaluation.json(r, run.label()) + "\n");
        } else {
            VariableEvaluation.print(r, c.out());
        }
        List<Integer> done = subfieldsOf(r.fields());
        return new StepOutcome(done, List.of(), Map.of(), Map.of(), "-> " + run.metricsJson());
    }

    /** The subfields of some fields, for a per-field step's outcome. */
    private static List<Integer> subfieldsOf(int[] fields) {
        List<Integer> out = new ArrayList<>();
        for (int f : fields) {
            for (int j = 0; j < FieldLattice.SUBFIELDS_PER_FIELD; j++) {
                out.add(f * FieldLattice.SUBFIELDS_PER_FIELD + j);
            }
        }
        return out;
    }

    /** The committee sets a run applied, for the outcome's note. */
    private static String sets(StepContext c, PredictionRun run) throws IOException {
        RunCommittees sets = RunCommittees.read(run, c.spark().sparkContext().hadoopConfiguration());
        return sets == null ? "" : " (committee sets: " + sets + ")";
    }

    /**
     * The predict → group → evaluate chain on the mimic-great3 simulation, apart from the branch's results:
     * predictions for the subfields still in the run, grouping over all selected ones (the others are
     * listed as failed).
     */
    private static StepOutcome mimic(StepContext c) throws IOException {
        StepOutcome predicted = PredictStep.run(c.spark(), c.settings(), c.mimic());
        if (predicted.done().isEmpty() && predicted.skipped().isEmpty()) {
            return predicted;
        }
        group(c, c.mimic());
        StepOutcome evaluated = evaluate(c, c.mimic());
        return predicted.withNote(evaluated.note());
    }

    /**
     * The reports of the mimic run, then of the observation run (which links to the mimic one), for those
     * that have a group table; with {@code --mimic}, the mimic run's alone.
     */
    private static StepOutcome report(StepContext c) throws IOException {
        Configuration conf = c.spark().sparkContext().hadoopConfiguration();
        if (c.settings().grid().shearType() == ShearType.VARIABLE) {
            if (!c.obs().metricsJson().getFileSystem(conf).exists(c.obs().metricsJson())) {
                return StepOutcome.nothing("skipped (no metrics.json: evaluate with --truth first)");
            }
            return StepOutcome.nothing("-> " + VariableReport.write(c.obs(), conf));
        }
        List<String> written = new ArrayList<>();
        for (PredictionRun run : c.flag(StepOption.MIMIC) ? List.of(c.mimic()) : List.of(c.mimic(), c.obs())) {
            if (run.groupCsv().getFileSystem(conf).exists(run.groupCsv())) {
                written.add(RunReport.write(c.spark(), run, reportDatasets(c, run), c.settings().grid().obstype()).toString());
            }
        }
        if (written.isEmpty()) {
            return StepOutcome.nothing("skipped (no group table)");
        }
        List<Integer> subfields = Arrays.stream(c.settings().subfields()).boxed().toList();
        return new StepOutcome(subfields, List.of(), Map.of(), Map.of(), "-> " + String.join(", ", written));
    }

    /**
     * The simulations whose features a report compares with the observations: the weight-training set and
     * MegaLUT's simobscompa for the observations (when made), the mimic set itself for the mimic run.
     */
    static List<String> reportDatasets(StepContext c, PredictionRun run) {
        return run.target() == PredictionRun.Target.MIMIC ? List.of(PredictionRun.MIMIC_DATASET)
                : List.of(c.settings().recipe().learnWeights().dataset(), "simobscompa");
    }
}
