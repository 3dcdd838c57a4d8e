package org.megalut.spark.steps;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.eval.variable.AngularBins;
import org.megalut.eval.variable.ApertureMass;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.Presubmission;
import org.megalut.eval.variable.ShearCorrelation;
import org.megalut.eval.variable.VariableSubmission;
import org.megalut.great3.BranchLayout;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.settings.RunSettings;

/**
 * {@code variable-submission}: GREAT3's variable-shear submission of a prediction run, from its shear
 * catalogues ({@link ShearCatalogStep}). One Spark task per field reads the field's 20 catalogues and
 * computes its ξ± with the exact whole-field lattice sums ({@link LatticeShearCorrelator}: two forward and
 * three inverse FFTs of side 1536 for a GREAT3 field, whatever the number of galaxies) and
 * its aperture-mass dispersions; the driver writes, whole or not at all, {@code submission.txt} ({@link VariableSubmission})
 * and {@code xi.txt} (the correlation functions).
 *
 * <p>The fields are those of the selected regular subfields (field = subfield div 20). GREAT3 scores whole
 * fields, so each of them must have the catalogues of all its 20 subfields (from this run or an earlier
 * one); a field that lacks some is an error naming the field and the subfields, not a field left out.
 */
public final class VariableSubmissionStep {

    private VariableSubmissionStep() { }

    /**
     * The run's submission.
     *
     * @param fields     the fields, ascending
     * @param submission their statistics
     */
    public record Result(int[] fields, List<Presubmission.FieldStatistics> submission) { }

    /** Computes and writes the submission with one partition per field. */
    public static Result run(SparkSession spark, RunSettings s, PredictionRun run) throws IOException {
        return run(spark, s, run, 0);
    }

    /**
     * As {@link #run(SparkSession, RunSettings, PredictionRun)} with a given number of partitions (0: one
     * per field); the result does not depend on it.
     *
     * @throws IllegalStateException naming the field and its subfields without a catalogue
     */
    public static Result run(SparkSession spark, RunSettings s, PredictionRun run, int partitions) throws IOException {
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        int[] fields = fields(s.subfields());
        requireComplete(s, run, fields, hconf);
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        LatticeShearCorrelator correlator = LatticeShearCorrelator.great3();
        List<Integer> list = new ArrayList<>();
        for (int f : fields) {
            list.add(f);
        }
        List<FieldCorrelation> parts = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(list, partitions > 0 ? partitions : list.size())
                .map(f -> {
                    List<Presubmission.FieldStatistics> one = Presubmission.computeFields(
                            VariableFieldFiles.catalogue(run, f, conf.value()), correlator);
                    if (one.size() != 1 || one.get(0).field() != f) {
                        throw new IllegalStateException("the shear catalogues of field " + f + " hold galaxies of"
                                + " field(s) " + one.stream().map(Presubmission.FieldStatistics::field).toList());
                    }
                    return FieldCorrelation.of(f, one.get(0).correlation());
                }).collect();
        List<Presubmission.FieldStatistics> stats = new ArrayList<>();
        for (FieldCorrelation p : parts) {
            ShearCorrelation xi = p.correlation(correlator.bins());
            stats.add(new Presubmission.FieldStatistics(p.field(), xi, ApertureMass.of(xi)));
        }
        stats.sort((a, b) -> Integer.compare(a.field(), b.field()));
        VariableSubmission submission = Presubmission.submission(stats);
        AtomicWrite.stream(run.submissionTxt(), hconf, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            submission.write(w);
        });
        String xi = xiTable(stats);
        AtomicWrite.text(run.xiTxt(), hconf, xi);
        return new Result(fields, stats);
    }

    /** The fields of the selected regular subfields, ascending. */
    static int[] fields(int[] subfields) {
        TreeSet<Integer> f = new TreeSet<>();
        for (int sf : subfields) {
            if (!BranchLayout.isDeep(sf)) {
                f.add(sf / FieldLattice.SUBFIELDS_PER_FIELD);
            }
        }
        if (f.isEmpty()) {
            throw new IllegalArgumentException("no regular subfield selected: a variable-shear submission covers"
                    + " fields of subfields 0.." + (BranchLayout.REGULAR_SUBFIELDS - 1));
        }
        return f.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every subfield of the fields has a current shear catalogue. */
    private static void requireComplete(RunSettings s, PredictionRun run, int[] fields, Configuration conf)
            throws IOException {
        SubfieldState state = new SubfieldState(new Path(s.workdir()), run.shearCatalogStep(), conf);
        Map<Integer, List<Integer>> missing = new TreeMap<>();
        for (int f : fields) {
            for (int sf : VariableFieldFiles.subfields(f)) {
                Path p = run.shearCatalog(sf);
                if (state.done(sf) == null || !p.getFileSystem(conf).exists(p)) {
                    missing.computeIfAbsent(f, k -> new ArrayList<>()).add(sf);
                }
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder sb = new StringBuilder("GREAT3 scores whole fields of 20 subfields, and ");
            missing.forEach((f, subs) -> sb.append(String.format(Locale.ROOT, "field %d (subfields %d-%d) has no shear"
                    + " catalogue for subfield(s) %s; ", f, 20 * f, 20 * f + 19, subs)));
            sb.append("select whole fields (e.g. --subfields 0-19) and run shear-catalog for them (missing files: ")
                    .append(run.shearCatalogDir()).append("/catalog-SSS.txt)");
            throw new IllegalStateException(sb.toString());
        }
    }

    /**
     * The correlation functions of the fields as text: a header, then per field and bin the field, the
     * nominal r and the pair-weighted mean r [deg], ξ+, ξ−, ξ×, σ_ξ = √var ξ, Σ w_a w_b and the number of pairs.
     */
    static String xiTable(List<Presubmission.FieldStatistics> stats) {
        StringBuilder sb = new StringBuilder("# field r_nom_deg mean_r_deg xi_plus xi_minus xi_cross sigma_xi weight pairs\n");
        for (Presubmission.FieldStatistics f : stats) {
            ShearCorrelation xi = f.correlation();
            AngularBins bins = xi.bins();
            double[] logR = xi.meanLogR();
            double[] p = xi.xiPlus();
            double[] m = xi.xiMinus();
            double[] x = xi.xiCross();
            double[] v = xi.varXi();
            double[] w = xi.weight();
            long[] n = xi.pairs();
            for (int k = 0; k < bins.count(); k++) {
                sb.append(String.format(Locale.ROOT, "%d %.6e %.6e %.10e %.10e %.10e %.10e %.10e %d%n", f.field(),
                        bins.nominalR(k), Math.exp(logR[k]), p[k], m[k], x[k], Math.sqrt(v[k]), w[k], n[k]));
            }
        }
        return sb.toString();
    }
}
