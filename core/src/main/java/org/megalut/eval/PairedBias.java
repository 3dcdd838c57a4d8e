package org.megalut.eval;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The difference of the biases of two prediction runs on the same subfields, from the per-subfield
 * differences Δĝ = ĝ_B − ĝ_A fitted as Δĝ = Δc + Δm g_true (MegaLUT's OLS and 68 % errors, {@link LineFit#megalut}).
 * When both runs see the same galaxies and the same noise (one branch predicted with two recipes, or a branch
 * rendered twice with the same draws but a changed population), the shape and pixel noise that dominate
 * each run's m largely cancel in Δĝ, so Δm is measured far more precisely than the difference of two m's
 * with their own errors.
 *
 * @param g1        the fit of component 1 (slope Δm₁, intercept Δc₁)
 * @param g2        the fit of component 2
 * @param weighted  whether the weighted estimates were compared
 */
public record PairedBias(LineFit g1, LineFit g2, boolean weighted) {

    /**
     * @throws IllegalArgumentException when the runs do not cover the same subfields with truth and estimates,
     *                                  or a subfield's true shears differ (not the same branch)
     */
    public static PairedBias of(List<GroupedSubfield> a, List<GroupedSubfield> b, boolean weighted) {
        Map<Integer, GroupedSubfield> byB = BranchEvaluation.evaluated(b).stream()
                .collect(Collectors.toMap(GroupedSubfield::subfield, Function.identity()));
        List<GroupedSubfield> inA = BranchEvaluation.evaluated(a);
        if (inA.size() != byB.size() || !inA.stream().allMatch(r -> byB.containsKey(r.subfield()))) {
            throw new IllegalArgumentException("the runs must cover the same subfields with truth and estimates: first "
                    + inA.stream().map(GroupedSubfield::subfield).sorted().toList() + ", second "
                    + byB.keySet().stream().sorted().toList());
        }
        int n = inA.size();
        double[] t1 = new double[n];
        double[] t2 = new double[n];
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            GroupedSubfield ra = inA.get(i);
            GroupedSubfield rb = byB.get(ra.subfield());
            if (Math.abs(ra.trueG1() - rb.trueG1()) > 1e-12 || Math.abs(ra.trueG2() - rb.trueG2()) > 1e-12) {
                throw new IllegalArgumentException("subfield " + ra.subfield() + " has the true shear (" + ra.trueG1()
                        + ", " + ra.trueG2() + ") in the first run and (" + rb.trueG1() + ", " + rb.trueG2()
                        + ") in the second: not the same branch");
            }
            t1[i] = ra.trueG1();
            t2[i] = ra.trueG2();
            d1[i] = weighted ? rb.s1w() - ra.s1w() : rb.s1() - ra.s1();
            d2[i] = weighted ? rb.s2w() - ra.s2w() : rb.s2() - ra.s2();
        }
        return new PairedBias(LineFit.megalut(t1, d1), LineFit.megalut(t2, d2), weighted);
    }
}
