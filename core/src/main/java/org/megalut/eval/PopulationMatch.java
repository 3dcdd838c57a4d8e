package org.megalut.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * How far the simulated galaxies of a subfield are from its observed ones, feature by feature: the
 * two-sample Kolmogorov–Smirnov statistic D = sup_x |F_obs(x) − F_sim(x)| of the two empirical
 * distributions. MegaLUT's networks are only as good as the training population is close to the
 * observed one (a feature range the simulations miss is extrapolated), and D, a difference of
 * cumulative fractions in [0, 1], reads the same for every feature and needs no binning.
 *
 * <p>A feature is flagged as a mismatch when D exceeds the chosen threshold <em>and</em> the 99 % critical
 * value of D for two samples drawn from one distribution, 1.628·sqrt((n + m)/(n m)) (the asymptotic
 * Kolmogorov distribution, c(α) = sqrt(−ln(α/2)/2)): the threshold says how large a difference matters,
 * the critical value keeps sampling noise of small samples from being flagged.
 */
public final class PopulationMatch {
    /** c(α) of the asymptotic two-sample KS test at α = 0.01. */
    private static final double C99 = Math.sqrt(-Math.log(0.005) / 2);

    private PopulationMatch() { }

    /**
     * One feature of one subfield.
     *
     * @param feature    the feature's column name
     * @param ks         the two-sample KS statistic D, in [0, 1]
     * @param critical99 D that two samples of these sizes from one distribution exceed with probability 1 %
     * @param nObs       finite observed values compared
     * @param nSim       finite simulated values compared
     */
    public record FeatureDistance(String feature, double ks, double critical99, long nObs, long nSim) {

        /** Whether the difference is both larger than {@code threshold} and significant at 1 %. */
        public boolean mismatch(double threshold) {
            return ks > threshold && ks > critical99;
        }
    }

    /** The distances of one subfield's features, in the order the features were given. */
    public record SubfieldDistances(int subfield, List<FeatureDistance> features) {

        public SubfieldDistances {
            features = List.copyOf(features);
        }

        /** The feature with the largest D (null when no feature could be compared). */
        public FeatureDistance worst() {
            return features.stream().max(Comparator.comparingDouble(FeatureDistance::ks)).orElse(null);
        }

        /** The features flagged as mismatched at this threshold. */
        public List<FeatureDistance> mismatches(double threshold) {
            return features.stream().filter(f -> f.mismatch(threshold)).toList();
        }
    }

    /**
     * The KS distance of one feature; non-finite values (failed measurements) are left out of both samples.
     *
     * @throws IllegalArgumentException naming the feature when a sample has no finite value
     */
    public static FeatureDistance distance(String feature, double[] obs, double[] sim) {
        double[] o = finite(obs);
        double[] s = finite(sim);
        if (o.length == 0 || s.length == 0) {
            throw new IllegalArgumentException("feature " + feature + ": no finite " + (o.length == 0 ? "observed"
                    : "simulated") + " value to compare (found " + obs.length + " observed, " + sim.length
                    + " simulated values)");
        }
        double[] ones = new double[s.length];
        Arrays.fill(ones, 1);
        double d = weightedKs(o, s, ones);
        double critical = C99 * Math.sqrt((double) (o.length + s.length) / ((double) o.length * s.length));
        return new FeatureDistance(feature, d, critical, o.length, s.length);
    }

    /**
     * The distances of every feature present in both samples of a subfield.
     *
     * @param features the features to compare, in order; those missing from either sample are left out
     */
    public static SubfieldDistances of(int subfield, List<String> features, Map<String, double[]> obs,
                                       Map<String, double[]> sim) {
        List<FeatureDistance> out = new ArrayList<>();
        for (String f : features) {
            if (obs.containsKey(f) && sim.containsKey(f)) {
                out.add(distance(f, obs.get(f), sim.get(f)));
            }
        }
        return new SubfieldDistances(subfield, out);
    }

    /**
     * The distances as JSON: the dataset, the threshold, the subfields flagged, the median D of each feature
     * over the subfields, and per subfield every feature's D, critical value and sample sizes.
     */
    public static ObjectNode json(ObjectMapper mapper, String dataset, double threshold,
                                  List<SubfieldDistances> subfields) {
        ObjectNode root = mapper.createObjectNode();
        root.put("dataset", dataset).put("threshold", threshold);
        ArrayNode flagged = root.putArray("mismatched_subfields");
        subfields.stream().filter(s -> !s.mismatches(threshold).isEmpty()).forEach(s -> flagged.add(s.subfield()));
        ObjectNode medians = root.putObject("median_ks");
        medianByFeature(subfields).forEach(medians::put);
        ArrayNode rows = root.putArray("subfields");
        for (SubfieldDistances s : subfields) {
            ObjectNode row = rows.addObject().put("subfield", s.subfield());
            ArrayNode mismatched = row.putArray("mismatched");
            s.mismatches(threshold).forEach(f -> mismatched.add(f.feature()));
            ObjectNode features = row.putObject("features");
            for (FeatureDistance f : s.features()) {
                features.putObject(f.feature()).put("ks", f.ks()).put("critical99", f.critical99())
                        .put("n_obs", f.nObs()).put("n_sim", f.nSim());
            }
        }
        return root;
    }

    /** A few lines: the median D per feature and the subfields flagged, with their mismatched features. */
    public static void print(String dataset, double threshold, List<SubfieldDistances> subfields, PrintStream out) {
        out.printf(Locale.ROOT, "  population match against %s (KS distance D, %d subfields, flagged when D > %.3g"
                + " and significant at 1 %%):%n", dataset, subfields.size(), threshold);
        StringBuilder medians = new StringBuilder("    median D:");
        medianByFeature(subfields).forEach((f, d) -> medians.append(String.format(Locale.ROOT, " %s %.3f", f, d)));
        out.println(medians);
        List<SubfieldDistances> flagged = subfields.stream().filter(s -> !s.mismatches(threshold).isEmpty()).toList();
        out.printf(Locale.ROOT, "    mismatched subfields: %d%n", flagged.size());
        for (SubfieldDistances s : flagged) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "      subfield %d:", s.subfield()));
            s.mismatches(threshold).forEach(f -> line.append(String.format(Locale.ROOT, " %s %.3f", f.feature(), f.ks())));
            out.println(line);
        }
    }

    /** Feature → median D over the subfields that compared it, in the order the features first appear. */
    public static Map<String, Double> medianByFeature(List<SubfieldDistances> subfields) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        subfields.forEach(s -> s.features().forEach(f -> values.computeIfAbsent(f.feature(), k -> new ArrayList<>())
                .add(f.ks())));
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((f, v) -> out.put(f, new Median().evaluate(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    /**
     * KS distance between a sample and a weighted sample (non-negative weights, positive total): the largest
     * difference of the two right-continuous empirical CDFs, which is reached at one of the values, each
     * CDF counting every value up to and including it.
     */
    public static double weightedKs(double[] x, double[] y, double[] wy) {
        double[] xs = x.clone();
        Arrays.sort(xs);
        Integer[] order = new Integer[y.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(y[i], y[j]));
        double total = Arrays.stream(wy).sum();
        double d = 0;
        double fy = 0;
        int ix = 0;
        int iy = 0;
        while (ix < xs.length || iy < order.length) {
            double v = iy == order.length ? xs[ix] : ix == xs.length ? y[order[iy]] : Math.min(xs[ix], y[order[iy]]);
            while (ix < xs.length && xs[ix] == v) {
                ix++;
            }
            while (iy < order.length && y[order[iy]] == v) {
                fy += wy[order[iy]] / total;
                iy++;
            }
            d = Math.max(d, Math.abs(ix / (double) xs.length - fy));
        }
        return d;
    }
}
