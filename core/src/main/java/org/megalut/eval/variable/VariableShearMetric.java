package org.megalut.eval.variable;

import java.util.List;
import java.util.TreeMap;
import org.megalut.great3.ObservationType;

/**
 * GREAT3's variable-shear metric Q_v, as GREAT3's public metric code computes it.
 *
 * <p>With D_f(θ) = M_ap,E submitted − M_ap,E reference for field f and θ bin, over the ten bins θ_3..θ_12
 * (0.085° to 3.55°; GREAT3 drops the three smallest and two largest):
 * Q_v = η / (σ²_min + (1/10) Σ_θ |(1/10) Σ_f D_f(θ)|), with η = 1.837e-4 for both observation types and
 * σ²_min = 9e-8 (ground) or 4e-8 (space). The reference is the E-mode dispersion of the observed truth:
 * each galaxy's intrinsic shape sheared by the true shear, not the shear field alone
 * ({@link TruthApertureMass}). A submission equal to the reference scores η/σ²_min (2041 ground, 4592.5
 * space).
 *
 * <p>GREAT3 scores the ten fields of a branch. A run over some of its fields (a generated branch of two
 * fields, say) is scored the same way over the fields the reference holds: the field average is over
 * those fields, so a full branch gives GREAT3's Q_v and fewer fields its analogue with more sample
 * variance.
 *
 * <p>Where GREAT3 sets Q_v = 0 for a submission whose fields or θ values do not match the reference,
 * this class throws: here both sides come from the pipeline, so a mismatch is a bug to report, not a
 * score.
 */
public final class VariableShearMetric {
    /** GREAT3's normalisation η (both observation types). */
    public static final double NORMALISATION = 1.837e-4;
    /** Fields per branch. */
    public static final int FIELDS = FieldLattice.FIELDS;
    /** θ bins per field. */
    public static final int BINS = AngularBins.GREAT3.count();
    /** The θ values [deg] GREAT3 expects in every field, good to three decimals. */
    public static final List<Double> EXPECTED_THETA = List.of(0.0246, 0.0372, 0.0563, 0.0853, 0.1290, 0.1953,
            0.2955, 0.4472, 0.6768, 1.0242, 1.5499, 2.3455, 3.5495, 5.3716, 8.1289);
    /** First θ bin the metric uses (0-based). */
    public static final int FIRST_USED_BIN = 3;
    /** One past the last θ bin the metric uses. */
    public static final int END_USED_BIN = 13;
    /** numpy's assert_array_almost_equal(decimal=3) tolerance, GREAT3's θ check. */
    private static final double THETA_TOLERANCE = 1.5e-3;

    private VariableShearMetric() { }

    /** GREAT3's σ²_min of an observation type: 9e-8 (ground) or 4e-8 (space). */
    public static double sigma2Min(ObservationType obstype) {
        return obstype == ObservationType.GROUND ? 9e-8 : 4e-8;
    }

    /**
     * The metric's result.
     *
     * @param qv         GREAT3's Q_v
     * @param meanDiff   per used θ bin, the field-averaged M_ap,E difference (submission − reference)
     * @param meanAbsDiff mean over the used bins of |meanDiff|, the metric's denominator less σ²_min
     */
    public record Result(double qv, double[] meanDiff, double meanAbsDiff) {
        public Result {
            meanDiff = meanDiff.clone();
        }

        @Override public double[] meanDiff() {
            return meanDiff.clone();
        }
    }

    /**
     * Q_v of a submission against the reference (observed truth) aperture masses.
     *
     * @throws IllegalArgumentException naming the row and values when the reference is not 15 rows for each
     *                                  of its fields, the submission does not have as many rows, its field
     *                                  indices differ from the reference's, its θ differ
     *                                  from the reference's by 1.5e-3° or more, or the reference θ are not
     *                                  GREAT3's
     */
    public static Result evaluate(VariableSubmission submission, VariableSubmission reference,
                                  ObservationType obstype) {
        int fields = reference.fields().length;
        int rows = fields * BINS;
        requireRows("reference", reference, rows);
        requireRows("submission", submission, rows);
        int[] fSub = submission.field();
        int[] fRef = reference.field();
        double[] tSub = submission.theta();
        double[] tRef = reference.theta();
        for (int i = 0; i < rows; i++) {
            double expected = EXPECTED_THETA.get(i % BINS);
            if (!(Math.abs(tRef[i] - expected) < THETA_TOLERANCE)) {
                throw new IllegalArgumentException("reference row " + (i + 1) + ": theta " + tRef[i]
                        + " deg is not GREAT3's " + expected + " deg");
            }
            if (fSub[i] != fRef[i]) {
                throw new IllegalArgumentException("submission row " + (i + 1) + ": field " + fSub[i]
                        + ", the reference has field " + fRef[i]);
            }
            if (!(Math.abs(tSub[i] - tRef[i]) < THETA_TOLERANCE)) {
                throw new IllegalArgumentException("submission row " + (i + 1) + ": theta " + tSub[i]
                        + " deg, the reference has " + tRef[i] + " deg (tolerance " + THETA_TOLERANCE + ")");
            }
        }
        double[] eSub = submission.mapE();
        double[] eRef = reference.mapE();
        int used = END_USED_BIN - FIRST_USED_BIN;
        double[] meanDiff = new double[used];
        double sumAbs = 0;
        for (int k = FIRST_USED_BIN; k < END_USED_BIN; k++) {
            double sum = 0;
            for (int f = 0; f < fields; f++) {
                int row = f * BINS + k;
                sum += eSub[row] - eRef[row];
            }
            meanDiff[k - FIRST_USED_BIN] = sum / fields;
            sumAbs += Math.abs(sum);
        }
        double meanAbs = sumAbs / (used * fields);
        return new Result(qv(meanAbs, obstype), meanDiff, meanAbs);
    }

    /** Q_v from the mean over the used bins of |field-averaged M_ap,E difference|. */
    public static double qv(double meanAbsDiff, ObservationType obstype) {
        return NORMALISATION / (sigma2Min(obstype) + meanAbsDiff);
    }

    private static void requireRows(String what, VariableSubmission s, int rows) {
        if (s.rows() != rows || rows == 0) {
            TreeMap<Integer, Integer> perField = new TreeMap<>();
            for (int f : s.field()) {
                perField.merge(f, 1, Integer::sum);
            }
            throw new IllegalArgumentException(what + " has " + s.rows() + " rows, expected " + rows + " ("
                    + rows / BINS + " fields × " + BINS + " theta bins); rows per field found: " + perField);
        }
    }
}
