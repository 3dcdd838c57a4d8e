package org.megalut.spark.steps;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CommitteeIo;
import org.megalut.ml.committee.CommitteeTrainer;
import org.megalut.ml.committee.MlConfig;
import org.megalut.ml.committee.Predictions;
import org.megalut.ml.data.CaseFilter;
import org.megalut.ml.data.LongTable;
import org.megalut.plot.CommitteeFigures;
import org.megalut.spark.CommitteeSet;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.SubfieldRunner;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.FigureFiles;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.CommitteeSettings;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.Recipe;
import org.megalut.spark.settings.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code learn} and {@code learn-weights}: trains, per subfield and component, a committee on the
 * subfield's training table (one Spark task per subfield, the local optimiser inside it) and saves it in
 * its committee set ({@link CommitteeSet}) as
 * {@code <workdir>/committees/<kind>/<set key>/subfield=S/<prediction>.json}, with its figures
 * {@code <prediction>-cost.png} and {@code <prediction>-selfpred.png} beside it. A set trained with other
 * settings has another key and is left as it is. Subfields whose committees exist are skipped unless
 * {@code --force}; one that fails is reported and the others are trained.
 */
public final class LearnStep {
    private static final Logger LOG = LoggerFactory.getLogger(LearnStep.class);

    private LearnStep() { }

    /**
     * The two committee sets of MegaLUT.
     *
     * @param section configuration section
     */
    public enum Kind {
        SHEAR("learn"),
        WEIGHT("learn-weights");

        final String section;

        Kind(String section) {
            this.section = section;
        }

        /**
         * The name of this kind's training tables under the work directory, also of their completion
         * records: the simulation (shear), or the predictions of the recipe's shear set on it (weights).
         */
        String inputName(Recipe r) {
            return this == SHEAR ? SimulateStep.name(r.learn().dataset()) : PredictForWeightsStep.name(r);
        }

        /** This kind's settings. */
        public CommitteeSettings settings(RunSettings s) {
            return this == SHEAR ? s.recipe().learn() : s.recipe().learnWeights();
        }

        /** The set of this kind the recipe describes. */
        public CommitteeSet set(Recipe r) {
            return this == SHEAR ? CommitteeSet.shear(r) : CommitteeSet.weight(r);
        }
    }

    /** The committee file of a subfield for a configuration (named after its prediction column). */
    public static Path committeeFile(Path committees, int subfield, MlConfig config) {
        return new Path(WorkdirLayout.subfield(committees, subfield), config.data().predictions().get(0) + ".json");
    }

    public static StepOutcome run(SparkSession spark, RunSettings s, Kind kind) throws IOException {
        return run(spark, s, kind, null, false);
    }

    /**
     * Trains the committees of the selected subfields.
     *
     * @param pretrainedFrom a subfield whose trained committees start every other subfield's training
     *                       (normers included), or null to start from the configured initialisation
     * @param continued      continue every selected subfield's existing committees from their saved
     *                       parameters with a fresh iteration budget instead (Tenbilac's takeover)
     */
    public static StepOutcome run(SparkSession spark, RunSettings s, Kind kind, Integer pretrainedFrom,
                                  boolean continued) throws IOException {
        if (continued && pretrainedFrom != null) {
            throw new IllegalArgumentException("--continue and --pretrained-from exclude each other: a subfield"
                    + " continues either its own committees or starts from another's");
        }
        CommitteeSettings committees = kind.settings(s);
        CommitteeSet set = kind.set(s.recipe());
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        CommitteeSet.requireKeyedLayout(s.workdir(), hconf);
        Path out = set.dir(s.workdir());
        String inputName = kind.inputName(s.recipe());
        Path tables = WorkdirLayout.of(s.workdir()).table(inputName);
        // The committees depend on what keys their set and on the exact training table.
        SubfieldState input = new SubfieldState(new Path(s.workdir()), inputName, hconf);
        Fingerprint settings = set.identity();
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        SubfieldState own = new SubfieldState(new Path(s.workdir()), set.path(), hconf);
        String start = pretrainedFrom == null ? "" : pretrainedFrom + ":" + own.token(pretrainedFrom);
        if (pretrainedFrom != null) {
            // The start must be complete before the others read it, and is never continued from itself.
            for (MlConfig config : committees.configs()) {
                Path file = committeeFile(out, pretrainedFrom, config);
                if (!file.getFileSystem(hconf).exists(file)) {
                    throw new IllegalArgumentException("--pretrained-from " + pretrainedFrom + ": no committee " + file
                            + "; train that subfield first (" + kind.section + " --subfields " + pretrainedFrom + ")");
                }
            }
            if (Arrays.stream(s.subfields()).anyMatch(sf -> sf == pretrainedFrom) && s.force()) {
                throw new IllegalArgumentException("--pretrained-from " + pretrainedFrom + " with --force would retrain"
                        + " the start while the others read it: leave subfield " + pretrainedFrom + " out of --subfields");
            }
        }
        LOG.info("{}: committee set {}", kind.section, set.path());
        Integer from = pretrainedFrom;
        SubfieldRunner.Inputs identity = sf -> input.appendTo(settings, sf)
                .with("pretrained-from", from == null || from == sf ? "" : start);
        if (!continued) {
            return SubfieldRunner.tasks(spark, s, set.path(), identity,
                    sf -> train(sf, tables, out, committees, from == null || from == sf ? null : from, false,
                            conf.value()));
        }
        // Every selected subfield is continued (done ones included). Its record keeps the fingerprint, so a
        // later plain learn still skips it, and counts the continuations as its rows, so that the token the
        // steps reading the set fingerprint changes and they redo their work.
        RunSettings all = new RunSettings(s.branchDir(), s.truthDir(), s.workdir(), s.subfields(), s.master(), true,
                s.measure(), s.grid(), s.spark(), s.recipe());
        StepOutcome o = SubfieldRunner.tasks(spark, all, set.path(), identity,
                sf -> train(sf, tables, out, committees, null, true, conf.value()));
        MlConfig first = committees.configs().get(0);
        for (int sf : o.done()) {
            own.markDone(sf, read(committeeFile(out, sf, first), hconf).continuations().size(),
                    identity.of(sf).digest());
        }
        return o;
    }

    static void train(int subfield, Path tables, Path out, CommitteeSettings committees, Integer pretrainedFrom,
                      boolean continued, Configuration conf) throws IOException {
        Path part = WorkdirLayout.subfield(tables, subfield);
        if (!part.getFileSystem(conf).exists(part)) {
            throw new IllegalStateException("no training table at " + part + ": run the step that makes it first");
        }
        LongTable table = LongTables.read(part, conf);
        // Every component is trained before any is written: a continuation that fails in one component
        // must not leave another continued, which a retry would continue a second time.
        List<Committee> trained = new ArrayList<>();
        List<LongTable> trainedOn = new ArrayList<>();
        for (MlConfig config : committees.configs()) {
            LongTable good = CaseFilter.withoutFailedCases(table, config.data().features(),
                    committees.maxFailureFraction());
            long t0 = System.nanoTime();
            Committee committee;
            if (continued) {
                Path file = committeeFile(out, subfield, config);
                if (!file.getFileSystem(conf).exists(file)) {
                    throw new IllegalStateException("--continue: no committee " + file + " to continue; train the"
                            + " set first (without --continue)");
                }
                Committee saved = read(file, conf);
                committee = CommitteeTrainer.continueTraining(saved, config, good);
                LOG.info("{}: subfield {}: {} continued from its saved members (continuation {})", out.getName(),
                        subfield, config.data().predictions().get(0), committee.continuations().size());
            } else if (pretrainedFrom == null) {
                committee = CommitteeTrainer.train(config, good);
            } else {
                Committee start = read(committeeFile(out, pretrainedFrom, config), conf);
                LOG.info("{}: subfield {}: {} starts from subfield {}'s committee (normer included)", out.getName(),
                        subfield, config.data().predictions().get(0), pretrainedFrom);
                committee = CommitteeTrainer.trainFrom(start, config, good);
            }
            trained.add(committee);
            trainedOn.add(good);
            LOG.info("{}: subfield {}: {} of {} rows kept, trained in {} s", out.getName(), subfield, good.rowCount(),
                    table.rowCount(), String.format("%.1f", (System.nanoTime() - t0) * 1e-9));
        }
        for (int k = 0; k < trained.size(); k++) {
            Committee committee = trained.get(k);
            Path file = committeeFile(out, subfield, committee.config());
            AtomicWrite.stream(file, conf, os -> CommitteeIo.write(committee, os));
            writeFigures(committee, trainedOn.get(k), file, subfield, conf);
        }
    }

    /**
     * {@code <pred>-cost.png} (cost per iteration of every member) and {@code <pred>-selfpred.png} (the
     * committee on its training table) next to the committee file.
     */
    private static void writeFigures(Committee committee, LongTable training, Path file, int subfield,
                                     Configuration conf) {
        String pred = committee.config().data().predictions().get(0);
        String title = "subfield " + subfield + ", " + pred;
        FigureFiles.write(WorkdirLayout.committeeFigure(file.getParent(), pred, "cost"), conf, 1100, 450,
                () -> CommitteeFigures.costs(committee, title + ": training costs"));
        FigureFiles.write(WorkdirLayout.committeeFigure(file.getParent(), pred, "selfpred"), conf, 1100, 450,
                () -> CommitteeFigures.selfPrediction(committee, training, title + ": self-prediction on the training set"));
    }

    /** A table with the predictions of a subfield's committees of a kind appended, in component order. */
    public static LongTable predict(LongTable table, Path committees, int subfield, List<MlConfig> configs,
                                    Configuration conf) throws IOException {
        LongTable out = table;
        for (Committee c : committees(committees, subfield, configs, conf)) {
            out = Predictions.append(out, c);
        }
        return out;
    }

    /** Reads a subfield's committees of a kind, in component order. */
    public static List<Committee> committees(Path committees, int subfield, List<MlConfig> configs, Configuration conf)
            throws IOException {
        List<Committee> out = new ArrayList<>();
        for (MlConfig config : configs) {
            out.add(read(committeeFile(committees, subfield, config), conf));
        }
        return out;
    }

    static Committee read(Path file, Configuration conf) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            throw new IllegalStateException("no committee " + file + ": train its set first (learn, learn-weights"
                    + " with the settings that key it)");
        }
        try (InputStream in = fs.open(file)) {
            return CommitteeIo.read(in);
        }
    }
}
