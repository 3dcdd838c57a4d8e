package org.megalut.spark.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.eval.BiasRequirement;
import org.megalut.eval.BiasTable;
import org.megalut.eval.CaseTable;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ShearValidation;
import org.megalut.eval.ValidationSummary;
import org.megalut.ml.committee.MlConfig;
import org.megalut.ml.data.LongTable;
import org.megalut.plot.BiasFigures;
import org.megalut.spark.CommitteeSet;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.SubfieldRunner;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.FigureFiles;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.CommitteeSettings;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.RunSettings;

/**
 * {@code validate} and {@code validate-weights}: the committees of each subfield applied to a validation
 * simulation they were not trained on (one case per shear: {@code valid-shear}, {@code valid-overall}),
 * and the bias of the per-case mean shear against the case shear. Per component k (k = 1, 2), the
 * point estimate is the k-th shear committee's prediction, the weight the k-th weight committee's, the
 * truth the case shear {@code tru_s<k>}; per case the mean estimate over its stamps (failed measurements
 * left out) — unweighted, and for validate-weights also Σ w ĝ / Σ w — is fitted as ĝ − g = c + m g
 * ({@link ShearValidation}). Writes per subfield, under the prediction run whose committees it validates,
 * {@code results/<predcode>/validate/<shear|weights>/subfield=S/}: {@code bias.csv} ({@link BiasTable}),
 * {@code cases.csv} (the per-case means, {@link CaseTable}: two recipes validated on one simulation compare case
 * by case, {@link org.megalut.eval.PairedValidation}) and {@code residuals.png}. Each recipe variant runs under
 * a predcode of its own, so its validations sit beside the others'. One Spark task per subfield, resumable: a
 * subfield is redone when its simulation or committees change.
 */
public final class ValidateStep {

    private ValidateStep() { }

    /** The two validations. */
    public enum Kind {
        SHEAR("validate", "shear", false),
        WEIGHTS("validate-weights", "weights", true);

        final String step;
        final String output;
        final boolean weights;

        Kind(String step, String output, boolean weights) {
            this.step = step;
            this.output = output;
            this.weights = weights;
        }

        /** The step (and configuration section) name. */
        public String step() {
            return step;
        }

        /** The dataset validated on ({@code <step>.dataset}). */
        public String dataset(RunSettings s) {
            return this == SHEAR ? s.recipe().validShear() : s.recipe().validOverall();
        }
    }

    /**
     * What a validation did, and the bias tables of the subfields that have one (done now or before).
     *
     * @param tables per subfield, the rows of its {@code bias.csv}
     */
    public record Result(Kind kind, String dataset, StepOutcome outcome, Map<Integer, List<BiasTable.Row>> tables,
                         BiasRequirement requirement) {

        /** The tables judged against the requirement (weighted estimates for validate-weights); none without tables. */
        public Optional<ValidationSummary> summary() {
            return tables.isEmpty() ? Optional.empty()
                    : Optional.of(ValidationSummary.of(tables, kind.weights, requirement));
        }
    }

    /** The bias table of a subfield. */
    public static Path biasFile(PredictionRun run, Kind kind, int subfield) {
        return new Path(WorkdirLayout.subfield(run.validationDir(kind.output), subfield), "bias.csv");
    }

    /** The per-case table of a subfield. */
    public static Path casesFile(PredictionRun run, Kind kind, int subfield) {
        return new Path(WorkdirLayout.subfield(run.validationDir(kind.output), subfield), "cases.csv");
    }

    /**
     * The bias tables of the selected subfields that have one.
     *
     * @return per subfield (ascending), the rows of its {@code bias.csv}
     */
    public static Map<Integer, List<BiasTable.Row>> tables(PredictionRun run, Kind kind, Iterable<Integer> subfields,
                                                          Configuration conf) throws IOException {
        Map<Integer, List<BiasTable.Row>> tables = new TreeMap<>();
        for (int sf : subfields) {
            Path csv = biasFile(run, kind, sf);
            FileSystem fs = csv.getFileSystem(conf);
            if (fs.exists(csv)) {
                try (InputStream in = fs.open(csv)) {
                    tables.put(sf, BiasTable.read(in, csv.toString()));
                }
            }
        }
        return tables;
    }

    /** Validates the committees the run applies ({@code s}'s sets), under the run's directory. */
    public static Result run(SparkSession spark, RunSettings s, Kind kind, PredictionRun run) throws IOException {
        String dataset = kind.dataset(s);
        CommitteeSettings shear = s.recipe().learn();
        CommitteeSettings weight = s.recipe().learnWeights();
        List<ShearValidation.Component> components = components(shear, weight, kind); // fails fast on the driver
        LinkedHashSet<String> inputs = new LinkedHashSet<>();
        for (MlConfig config : kind.weights ? concat(shear.configs(), weight.configs()) : shear.configs()) {
            inputs.addAll(config.data().features());
        }
        components.forEach(c -> inputs.add(c.truth()));
        Path sims = new Path(s.workdir(), SimulateStep.name(dataset));
        CommitteeSet shearSet = CommitteeSet.shear(s.recipe());
        CommitteeSet weightSet = CommitteeSet.weight(s.recipe());
        Path shearDir = shearSet.dir(s.workdir());
        Path weightDir = weightSet.dir(s.workdir());
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        CommitteeSet.requireKeyedLayout(s.workdir(), hconf);
        Path workdir = new Path(s.workdir());
        // The tables depend on the simulation and on the committees: redoing either redoes the validation.
        SubfieldState sim = new SubfieldState(workdir, SimulateStep.name(dataset), hconf);
        SubfieldState shearState = new SubfieldState(workdir, shearSet.path(), hconf);
        SubfieldState weightState = new SubfieldState(workdir, weightSet.path(), hconf);
        Fingerprint sets = Fingerprint.of().with("committees.shear", shearSet.key());
        Fingerprint settings = (kind.weights ? sets.with("committees.weight", weightSet.key()) : sets)
                .with(kind.step + ".dataset", dataset);
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        SubfieldRunner.Inputs identity = sf -> {
            Fingerprint f = shearState.appendTo(sim.appendTo(settings, sf), sf);
            return kind.weights ? weightState.appendTo(f, sf) : f;
        };
        StepOutcome o = SubfieldRunner.tasks(spark, s, run.validateStep(kind.output), identity, sf -> {
                    Path part = WorkdirLayout.subfield(sims, sf);
                    if (!part.getFileSystem(conf.value()).exists(part)) {
                        throw new IllegalStateException("no simulation at " + part + ": run simulate " + dataset + " first");
                    }
                    LongTable table = LongTables.read(part, conf.value(), inputs);
                    table = LearnStep.predict(table, shearDir, sf, shear.configs(), conf.value());
                    if (kind.weights) {
                        table = LearnStep.predict(table, weightDir, sf, weight.configs(), conf.value());
                    }
                    // Rebuilt in the task: records do not travel in Spark closures.
                    List<ShearValidation.Result> results = ShearValidation.validate(table,
                            components(shear, weight, kind));
                    Path csv = biasFile(run, kind, sf);
                    AtomicWrite.stream(csv, conf.value(), out -> BiasTable.write(ShearValidation.rows(results), out));
                    AtomicWrite.stream(casesFile(run, kind, sf), conf.value(), out -> CaseTable.write(results, out));
                    FigureFiles.write(new Path(csv.getParent(), "residuals.png"), conf.value(), 1000,
                            kind.weights ? 800 : 420, () -> BiasFigures.validation("subfield " + sf + ": " + dataset
                                    + ", per-case mean shear", results));
                });
        List<Integer> have = new ArrayList<>(o.done());
        have.addAll(o.skipped());
        Map<Integer, List<BiasTable.Row>> tables = tables(run, kind, have, hconf);
        return new Result(kind, dataset, o, tables, s.recipe().requirement());
    }

    /**
     * Component k pairs the k-th shear committee with the k-th weight committee (if any); the truth is
     * the case shear {@code tru_s<k>} of the simulation.
     */
    static List<ShearValidation.Component> components(CommitteeSettings shearSettings, CommitteeSettings weightSettings,
                                                      Kind kind) {
        List<MlConfig> shear = shearSettings.configs();
        List<MlConfig> weight = kind.weights ? weightSettings.configs() : List.of();
        if (!weight.isEmpty() && weight.size() != shear.size()) {
            throw new IllegalArgumentException("learn.components has " + shear.size()
                    + " shear components but learn-weights.components " + weight.size() + ": they must pair up");
        }
        List<ShearValidation.Component> out = new ArrayList<>();
        for (int k = 0; k < shear.size(); k++) {
            String est = shear.get(k).data().predictions().get(0);
            String w = weight.isEmpty() ? null : weight.get(k).data().predictions().get(0);
            out.add(new ShearValidation.Component("g" + (k + 1), est, w, "tru_s" + (k + 1)));
        }
        return out;
    }

    private static List<MlConfig> concat(List<MlConfig> a, List<MlConfig> b) {
        List<MlConfig> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The compact table of a validation: one line per subfield, component and weighting. */
    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%s on %s: per-case mean shear, fit of estimate - truth = c + m truth (68 %% errors)%n",
                r.kind().step, r.dataset());
        out.printf(Locale.ROOT, "  %8s %4s %8s %20s %22s %9s %6s%n", "subfield", "comp", "weighted", "m", "c", "rmsd",
                "cases");
        r.tables().forEach((sf, rows) -> {
            for (BiasTable.Row row : rows) {
                ShearBias b = row.bias();
                out.printf(Locale.ROOT, "  %8d %4s %8s %+9.4f ± %8.4f %+10.5f ± %9.5f %9.5f %6d%n", sf, row.component(),
                        row.weighted() ? "yes" : "no", b.m(), b.mErr(), b.c(), b.cErr(), b.rmsd(), b.n());
            }
        });
        r.summary().ifPresent(v -> v.print(r.dataset(), out));
    }
}
