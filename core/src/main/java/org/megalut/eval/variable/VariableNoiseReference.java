package org.megalut.eval.variable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.megalut.great3.ObservationType;
import org.megalut.random.RandomStreams;

/**
 * The noise reference of Q_v, the variable-shear analogue of {@code NoiseFloor} for Q_c: the score of an
 * estimator that is unbiased but scatters per galaxy as much as the measured one does. With few fields,
 * or a noisy estimator, Q_v is limited by that scatter alone (it adds to every field's M_ap,E through the
 * shape-noise terms of ξ+), so Q_v cannot be read without this reference.
 *
 * <p>Each realization submits, for every galaxy the prediction run measured, the observed truth (its
 * intrinsic shape sheared by the true shear, {@link TruthApertureMass#catalog}, what a perfect estimator
 * submits) plus Gaussian noise N(0, σ₁²), N(0, σ₂²); the galaxies the run failed stay failed and every
 * galaxy keeps its submitted weight, so that only the per-galaxy scatter differs from the submission.
 * σ_i is the standard deviation of the predicted minus the observed-truth shear over the galaxies that
 * pass GREAT3's failure test. The realization is correlated and scored like a submission; the reference
 * is the median over realizations, with the smallest and largest values.
 *
 * <p>Determinism: realization r of field f draws from the stream (seed, "variable-noise-reference", f, r)
 * ({@link RandomStreams}), galaxies in ascending ID order, so a realization does not depend on the order
 * of the catalogue, on which executor computes it, nor on the other fields.
 */
public final class VariableNoiseReference {
    private static final long STREAM = RandomStreams.label("variable-noise-reference");

    private VariableNoiseReference() { }

    /**
     * Additive sums of the residuals d = predicted − observed truth over passing galaxies (so that parts
     * of a branch can be summed apart).
     *
     * @param galaxies passing galaxies summed
     * @param sum1     Σ d₁
     * @param sumSq1   Σ d₁²
     * @param sum2     Σ d₂
     * @param sumSq2   Σ d₂²
     */
    public record Residuals(long galaxies, double sum1, double sumSq1, double sum2, double sumSq2)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** No galaxy. */
        public static final Residuals NONE = new Residuals(0, 0, 0, 0, 0);

        /**
         * The residuals of the passing galaxies of a prediction against the observed truth, matched by ID.
         *
         * @throws IllegalArgumentException naming the first predicted ID that the truth lacks
         */
        public static Residuals of(ShearCatalog predicted, ShearCatalog truth) {
            Map<Long, Integer> at = index(truth);
            long[] id = predicted.id();
            double[] p1 = predicted.g1();
            double[] p2 = predicted.g2();
            double[] t1 = truth.g1();
            double[] t2 = truth.g2();
            long n = 0;
            double s1 = 0;
            double q1 = 0;
            double s2 = 0;
            double q2 = 0;
            for (int i = 0; i < id.length; i++) {
                int k = truthRow(at, id[i]);
                if (!predicted.passes(i)) {
                    continue;
                }
                double d1 = p1[i] - t1[k];
                double d2 = p2[i] - t2[k];
                n++;
                s1 += d1;
                q1 += d1 * d1;
                s2 += d2;
                q2 += d2 * d2;
            }
            return new Residuals(n, s1, q1, s2, q2);
        }

        /** The sums of both parts. */
        public Residuals plus(Residuals o) {
            return new Residuals(galaxies + o.galaxies, sum1 + o.sum1, sumSq1 + o.sumSq1, sum2 + o.sum2,
                    sumSq2 + o.sumSq2);
        }

        /**
         * The per-galaxy scatter: the standard deviation of each component's residual (shear units).
         *
         * @throws IllegalStateException with fewer than two galaxies
         */
        public Scatter scatter() {
            if (galaxies < 2) {
                throw new IllegalStateException("the per-galaxy scatter needs at least 2 measured galaxies, found "
                        + galaxies);
            }
            return new Scatter(deviation(sum1, sumSq1), deviation(sum2, sumSq2), galaxies);
        }

        private double deviation(double sum, double sumSq) {
            double mean = sum / galaxies;
            return Math.sqrt(Math.max(0.0, (sumSq - galaxies * mean * mean) / (galaxies - 1)));
        }
    }

    /**
     * The per-galaxy scatter of predicted minus observed-truth shear.
     *
     * @param sigma1   standard deviation of component 1
     * @param sigma2   standard deviation of component 2
     * @param galaxies passing galaxies it was measured on
     */
    public record Scatter(double sigma1, double sigma2, long galaxies) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Scatter {
            if (!(sigma1 >= 0) || !(sigma2 >= 0) || Double.isInfinite(sigma1) || Double.isInfinite(sigma2)) {
                throw new IllegalArgumentException("scatter must be finite and >= 0, found " + sigma1 + ", " + sigma2);
            }
        }
    }

    /**
     * The noise reference.
     *
     * @param median       median Q_v over the realizations
     * @param min          smallest Q_v
     * @param max          largest Q_v
     * @param qv           Q_v of each realization, in realization order
     * @param scatter      the per-galaxy scatter used
     * @param seed         the seed of the draws
     */
    public record Result(double median, double min, double max, double[] qv, Scatter scatter, long seed) {
        public Result {
            qv = qv.clone();
        }

        /** The number of realizations. */
        public int realizations() {
            return qv.length;
        }

        @Override public double[] qv() {
            return qv.clone();
        }

        /** The summary of the realizations' scores. */
        public static Result of(double[] qv, Scatter scatter, long seed) {
            if (qv.length == 0) {
                throw new IllegalArgumentException("the noise reference needs at least one realization");
            }
            double[] sorted = qv.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            return new Result(median, sorted[0], sorted[n - 1], qv, scatter, seed);
        }
    }

    /**
     * One realization of one field: the galaxies of {@code field} in the prediction, each at the observed
     * truth plus noise of the scatter when it passes, failed as in the prediction otherwise, with its
     * predicted weight.
     *
     * @throws IllegalArgumentException naming the first predicted ID of the field that the truth lacks
     */
    public static List<ShearGalaxy> realization(ShearCatalog predicted, ShearCatalog truth, Scatter scatter,
                                               long seed, int field, int realization) {
        Map<Long, Integer> at = index(truth);
        long[] id = predicted.id();
        double[] p1 = predicted.g1();
        double[] p2 = predicted.g2();
        double[] w = predicted.weight();
        double[] t1 = truth.g1();
        double[] t2 = truth.g2();
        TreeMap<Long, Integer> inField = new TreeMap<>();
        for (int i = 0; i < id.length; i++) {
            if (FieldLattice.decode(id[i]).field() == field) {
                inField.put(id[i], i);
            }
        }
        UniformRandomProvider rng = RandomStreams.stream(seed, STREAM, field, realization);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        List<ShearGalaxy> out = new ArrayList<>(inField.size());
        for (var e : inField.entrySet()) {
            int i = e.getValue();
            int k = truthRow(at, e.getKey());
            FieldLattice.Position p = FieldLattice.decode(e.getKey());
            // Draw for every galaxy, failed or not, so that a galaxy's noise does not depend on which
            // others failed.
            double n1 = scatter.sigma1() * normal.sample();
            double n2 = scatter.sigma2() * normal.sample();
            if (predicted.passes(i)) {
                out.add(new ShearGalaxy(p.ix(), p.iy(), t1[k] + n1, t2[k] + n2, w[i]));
            } else {
                out.add(new ShearGalaxy(p.ix(), p.iy(), p1[i], p2[i], w[i]));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the prediction has no galaxy in field " + field);
        }
        return out;
    }

    /**
     * The noise reference of a prediction, computed here one field and realization after the other (the
     * pipeline spreads the same per-field {@link #realization}s over executors).
     *
     * @param predicted    the submitted catalogue (its fields are the reference's)
     * @param truth        the observed truth of the same galaxies ({@link TruthApertureMass#catalog})
     * @param reference    the reference aperture masses of those fields
     * @param realizations number of realizations (≥ 1)
     */
    public static Result compute(ShearCatalog predicted, ShearCatalog truth, VariableSubmission reference,
                                 ObservationType obstype, int realizations, long seed,
                                 LatticeShearCorrelator correlator) {
        Scatter scatter = Residuals.of(predicted, truth).scatter();
        int[] fields = reference.fields();
        double[] qv = new double[realizations];
        for (int r = 0; r < realizations; r++) {
            List<ApertureMass> maps = new ArrayList<>();
            for (int f : fields) {
                maps.add(ApertureMass.of(correlator.correlate(realization(predicted, truth, scatter, seed, f, r))));
            }
            qv[r] = VariableShearMetric.evaluate(VariableSubmission.of(fields, maps), reference, obstype).qv();
        }
        return Result.of(qv, scatter, seed);
    }

    private static Map<Long, Integer> index(ShearCatalog truth) {
        long[] id = truth.id();
        Map<Long, Integer> at = new HashMap<>(2 * id.length);
        for (int k = 0; k < id.length; k++) {
            at.put(id[k], k);
        }
        return at;
    }

    private static int truthRow(Map<Long, Integer> at, long id) {
        Integer k = at.get(id);
        if (k == null) {
            throw new IllegalArgumentException("galaxy ID " + id + " of the prediction has no truth (the truth's IDs"
                    + " are FieldLattice.encode(subfield, 7·column + offset x, 7·row + offset y))");
        }
        return k;
    }
}
