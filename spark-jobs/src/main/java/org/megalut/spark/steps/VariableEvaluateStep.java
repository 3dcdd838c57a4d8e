package org.megalut.spark.steps;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.eval.variable.ApertureMass;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.ShearCatalog;
import org.megalut.eval.variable.TruthApertureMass;
import org.megalut.eval.variable.VariableEvaluation;
import org.megalut.eval.variable.VariableNoiseReference;
import org.megalut.eval.variable.VariableShearMetric;
import org.megalut.eval.variable.VariableSubmission;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.settings.RunSettings;

/**
 * {@code evaluate} on a variable-shear branch: Q_v of the run's {@code submission.txt}
 * ({@link VariableSubmissionStep}) against the truth of the fields it covers ({@link TruthApertureMass}), and
 * the noise reference of Q_v ({@link VariableNoiseReference}). Spark does the per-field work: one task
 * per field reads the field's truth and catalogues and returns the reference aperture masses and the
 * residual sums of the per-galaxy scatter; one task per (field, realization) then correlates a noise
 * realization. Writes {@code reference.txt} (the reference in the submission's layout) and
 * {@code metrics.json} ({@link VariableEvaluation#json}).
 */
public final class VariableEvaluateStep {
    /** Realizations of the noise reference. */
    public static final int NOISE_REALIZATIONS = 8;
    /** Seed of the noise reference (fixed: the reference of given inputs is reproducible). */
    public static final long NOISE_SEED = 2014;

    private VariableEvaluateStep() { }

    /**
     * Evaluates the run and writes its {@code reference.txt} and {@code metrics.json}.
     *
     * @throws FileNotFoundException when the run has no submission (run variable-submission first)
     */
    public static VariableEvaluation.Result run(SparkSession spark, RunSettings s, PredictionRun run) throws IOException {
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        VariableSubmission submission = readSubmission(run.submissionTxt(), hconf);
        int[] fields = submission.fields();
        String truth = s.truthDir();
        int grid = s.grid().grid();
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        LatticeShearCorrelator correlator = LatticeShearCorrelator.great3();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> fieldList = Arrays.stream(fields).boxed().toList();
        List<FieldCorrelation> parts = new ArrayList<>(jsc.parallelize(fieldList, fieldList.size()).map(f -> {
            List<TruthApertureMass.SubfieldTruth> t = VariableFieldFiles.truth(truth, f, conf.value());
            ShearCatalog predicted = VariableFieldFiles.catalogue(run, f, conf.value());
            long failed = 0;
            for (int i = 0; i < predicted.size(); i++) {
                failed += predicted.passes(i) ? 0 : 1;
            }
            return FieldCorrelation.of(f, correlator.correlate(TruthApertureMass.galaxies(t, grid))).with(
                    VariableNoiseReference.Residuals.of(predicted, VariableFieldFiles.truthCatalogue(t, f, grid)),
                    predicted.size(), failed);
        }).collect());
        parts.sort((a, b) -> Integer.compare(a.field(), b.field()));
        List<ApertureMass> refMaps = new ArrayList<>();
        VariableNoiseReference.Residuals residuals = VariableNoiseReference.Residuals.NONE;
        long galaxies = 0;
        long failed = 0;
        for (FieldCorrelation p : parts) {
            refMaps.add(ApertureMass.of(p.correlation(correlator.bins())));
            residuals = residuals.plus(p.residuals());
            galaxies += p.galaxies();
            failed += p.failed();
        }
        VariableSubmission reference = VariableSubmission.of(fields, refMaps);
        VariableNoiseReference.Scatter scatter = residuals.scatter();
        List<int[]> tasks = new ArrayList<>();
        for (int r = 0; r < NOISE_REALIZATIONS; r++) {
            for (int f : fields) {
                tasks.add(new int[] {f, r});
            }
        }
        List<FieldCorrelation> noise = new ArrayList<>(jsc.parallelize(tasks, tasks.size()).map(t -> {
            List<TruthApertureMass.SubfieldTruth> tr = VariableFieldFiles.truth(truth, t[0], conf.value());
            ShearCatalog predicted = VariableFieldFiles.catalogue(run, t[0], conf.value());
            return FieldCorrelation.of(t[0], t[1], correlator.correlate(VariableNoiseReference.realization(predicted,
                    VariableFieldFiles.truthCatalogue(tr, t[0], grid), scatter, NOISE_SEED, t[0], t[1])));
        }).collect());
        noise.sort((a, b) -> a.realization() != b.realization() ? Integer.compare(a.realization(), b.realization())
                : Integer.compare(a.field(), b.field()));
        double[] qv = new double[NOISE_REALIZATIONS];
        for (int r = 0; r < NOISE_REALIZATIONS; r++) {
            List<ApertureMass> maps = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                maps.add(ApertureMass.of(noise.get(r * fields.length + i).correlation(correlator.bins())));
            }
            qv[r] = VariableShearMetric.evaluate(VariableSubmission.of(fields, maps), reference,
                    s.grid().obstype()).qv();
        }
        VariableEvaluation.Result result = VariableEvaluation.evaluate(submission, reference, s.grid().obstype(),
                VariableNoiseReference.Result.of(qv, scatter, NOISE_SEED), galaxies, failed);
        AtomicWrite.stream(run.referenceTxt(), hconf, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            reference.write(w);
        });
        AtomicWrite.text(run.metricsJson(), hconf, VariableEvaluation.json(result, run.label()) + "\n");
        return result;
    }

    /** Reads a submission file on any file system. */
    static VariableSubmission readSubmission(Path p, Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new FileNotFoundException(p + ": no submission; run variable-submission first");
        }
        try (InputStream in = fs.open(p); Reader r = new InputStreamReader(in, StandardCharsets.US_ASCII)) {
            return VariableSubmission.read(r, p.toString());
        }
    }
}
