package org.megalut.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bias of a second recipe relative to a first, validated on the same simulation: per subfield and
 * component, the per-case difference of the mean estimates Δĝ = ĝ_B − ĝ_A fitted as Δĝ = Δc + Δm g
 * (MegaLUT's OLS, {@link LineFit#megalut}) over the cases both recipes estimated, then the inverse-variance
 * mean of Δm and Δc over the subfields ({@link WeightedMean}). Both recipes see the same galaxies, shears and
 * pixel noise, so the noise that limits each recipe's own m cancels in Δĝ except where the recipes respond
 * to it differently: Δm is known far more precisely than the difference of the two validated m's.
 *
 * @param weighted  whether the weighted means Σ w ĝ / Σ w were compared (else the unweighted)
 * @param subfields per subfield (ascending) and component, the fit of the differences
 * @param means     per component, the means of Δm (value of {@code dm}) and Δc over the subfields
 */
public record PairedValidation(boolean weighted, List<SubfieldFit> subfields, List<ComponentMean> means) {

    /** One subfield's fit of one component's differences: slope Δm, intercept Δc. */
    public record SubfieldFit(int subfield, String component, LineFit fit) { }

    /** The means over the subfields of one component's Δm and Δc. */
    public record ComponentMean(String component, WeightedMean dm, WeightedMean dc) { }

    public PairedValidation {
        subfields = List.copyOf(subfields);
        means = List.copyOf(means);
    }

    /**
     * @param first  per subfield, the first recipe's case table ({@link CaseTable#read})
     * @param second per subfield, the second's
     * @throws IllegalArgumentException when the two do not cover the same subfields and components, a subfield's
     *                                  cases or true shears differ (not the same simulation), or fewer than 3
     *                                  cases have both estimates
     */
    public static PairedValidation of(Map<Integer, Map<String, CaseMeans>> first,
                                      Map<Integer, Map<String, CaseMeans>> second, boolean weighted) {
        if (first.isEmpty() || !first.keySet().equals(second.keySet())) {
            throw new IllegalArgumentException("the validations must cover the same subfields, at least one: first "
                    + new TreeMap<>(first).keySet() + ", second " + new TreeMap<>(second).keySet());
        }
        List<SubfieldFit> fits = new ArrayList<>();
        Map<String, List<LineFit>> byComponent = new TreeMap<>();
        for (int sf : new TreeMap<>(first).keySet()) {
            Map<String, CaseMeans> a = first.get(sf);
            Map<String, CaseMeans> b = second.get(sf);
            if (!a.keySet().equals(b.keySet())) {
                throw new IllegalArgumentException("subfield " + sf + ": components " + a.keySet() + " in the first"
                        + " validation and " + b.keySet() + " in the second");
            }
            for (String k : new TreeMap<>(a).keySet()) {
                LineFit f = fit(sf, k, a.get(k), b.get(k), weighted);
                fits.add(new SubfieldFit(sf, k, f));
                byComponent.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
            }
        }
        List<ComponentMean> means = new ArrayList<>();
        byComponent.forEach((k, f) -> means.add(new ComponentMean(k,
                WeightedMean.of(f.stream().mapToDouble(LineFit::slope).toArray(),
                        f.stream().mapToDouble(LineFit::slopeError).toArray()),
                WeightedMean.of(f.stream().mapToDouble(LineFit::intercept).toArray(),
                        f.stream().mapToDouble(LineFit::interceptError).toArray()))));
        return new PairedValidation(weighted, fits, means);
    }

    private static LineFit fit(int sf, String k, CaseMeans a, CaseMeans b, boolean weighted) {
        String where = "subfield " + sf + ", component " + k;
        if (!Arrays.equals(a.caseIds(), b.caseIds())) {
            throw new IllegalArgumentException(where + ": the validations have different cases (" + a.size() + " and "
                    + b.size() + "): not the same simulation");
        }
        double[] ta = a.truth();
        double[] tb = b.truth();
        double[] ga = weighted ? a.weightedMean() : a.mean();
        double[] gb = weighted ? b.weightedMean() : b.mean();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < ta.length; i++) {
            if (ta[i] != tb[i]) {
                throw new IllegalArgumentException(where + ", case " + a.caseIds()[i] + ": true shear " + ta[i]
                        + " in the first validation, " + tb[i] + " in the second: not the same simulation");
            }
            if (Double.isFinite(ga[i]) && Double.isFinite(gb[i])) {
                points.add(new double[] {ta[i], gb[i] - ga[i]});
            }
        }
        if (points.size() < 3) {
            throw new IllegalArgumentException(where + ": " + points.size() + " cases have "
                    + (weighted ? "weighted " : "") + "estimates in both validations, at least 3 needed");
        }
        return LineFit.megalut(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }
}
