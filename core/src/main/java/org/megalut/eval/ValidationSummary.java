package org.megalut.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validated shear bias of a run against a requirement: per subfield and component, m and c of the
 * per-case mean shear on the validation simulation ({@link ShearValidation}, one {@link BiasTable} per
 * subfield), their inverse-variance mean over the subfields ({@link WeightedMean}), and the verdict of each
 * against the {@link BiasRequirement}. The subfields differ in their PSF, so "every subfield meets the
 * requirement" is a statement about the PSF range the subfields span, which the average alone is not.
 *
 * @param weighted    whether the weighted estimates were summarised (validate-weights) or the unweighted
 * @param requirement the bounds judged against
 * @param subfields   per subfield and component, its bias (subfield order, then component)
 * @param means       per component, the mean m and c over the subfields
 */
public record ValidationSummary(boolean weighted, BiasRequirement requirement, List<SubfieldBias> subfields,
                                List<ComponentMean> means) {

    /** The key of the summary in a run's metrics.json. */
    public static final String METRICS_KEY = "validation_bias";

    /** One subfield's validated bias of one component. */
    public record SubfieldBias(int subfield, String component, ShearBias bias) { }

    /** The mean over the subfields of one component's m and c. */
    public record ComponentMean(String component, WeightedMean m, WeightedMean c) { }

    public ValidationSummary {
        subfields = List.copyOf(subfields);
        means = List.copyOf(means);
    }

    /**
     * @param tables   per subfield, the rows of its bias table
     * @param weighted whether to summarise the weighted rows (a table without them is an error) or the unweighted
     * @throws IllegalArgumentException when there is no table, a table lacks the rows asked for, or an error is
     *                                  not positive
     */
    public static ValidationSummary of(Map<Integer, List<BiasTable.Row>> tables, boolean weighted,
                                       BiasRequirement requirement) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no validation table to summarise");
        }
        List<SubfieldBias> rows = new ArrayList<>();
        Map<String, List<ShearBias>> byComponent = new LinkedHashMap<>();
        tables.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<BiasTable.Row> chosen = e.getValue().stream().filter(r -> r.weighted() == weighted).toList();
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("subfield " + e.getKey() + ": its validation table has no "
                        + (weighted ? "weighted" : "unweighted") + " rows");
            }
            chosen.stream().sorted(Comparator.comparing(BiasTable.Row::component)).forEach(r -> {
                rows.add(new SubfieldBias(e.getKey(), r.component(), r.bias()));
                byComponent.computeIfAbsent(r.component(), k -> new ArrayList<>()).add(r.bias());
            });
        });
        List<ComponentMean> means = new ArrayList<>();
        byComponent.forEach((k, b) -> means.add(new ComponentMean(k,
                WeightedMean.of(b.stream().mapToDouble(ShearBias::m).toArray(),
                        b.stream().mapToDouble(ShearBias::mErr).toArray()),
                WeightedMean.of(b.stream().mapToDouble(ShearBias::c).toArray(),
                        b.stream().mapToDouble(ShearBias::cErr).toArray()))));
        return new ValidationSummary(weighted, requirement, rows, means);
    }

    /** The worst verdict over every subfield's and the mean's m and c. */
    public BiasRequirement.Verdict verdict() {
        BiasRequirement.Verdict worst = BiasRequirement.Verdict.MEETS;
        for (SubfieldBias s : subfields) {
            worst = worse(worse(worst, mVerdict(s.bias().m(), s.bias().mErr())), cVerdict(s.bias().c(), s.bias().cErr()));
        }
        for (ComponentMean m : means) {
            worst = worse(worse(worst, mVerdict(m.m().value(), m.m().error())), cVerdict(m.c().value(), m.c().error()));
        }
        return worst;
    }

    /** Whether every subfield's errors resolve the requirement (2σ within the bounds). */
    public boolean resolved() {
        return subfields.stream().allMatch(s -> BiasRequirement.resolves(s.bias().mErr(), requirement.m())
                && BiasRequirement.resolves(s.bias().cErr(), requirement.c()));
    }

    /** As JSON: requirement, per-subfield rows, means with χ², verdicts, whether the errors resolve the bounds. */
    public ObjectNode json(ObjectMapper mapper, String dataset) {
        ObjectNode root = mapper.createObjectNode().put("dataset", dataset).put("weighted", weighted);
        root.putObject("requirement").put("m", requirement.m()).put("c", requirement.c());
        ArrayNode rows = root.putArray("subfields");
        for (SubfieldBias s : subfields) {
            ShearBias b = s.bias();
            rows.addObject().put("subfield", s.subfield()).put("component", s.component()).put("m", b.m())
                    .put("m_err", b.mErr()).put("c", b.c()).put("c_err", b.cErr()).put("cases", b.n())
                    .put("m_verdict", mVerdict(b.m(), b.mErr()).label())
                    .put("c_verdict", cVerdict(b.c(), b.cErr()).label());
        }
        ArrayNode mean = root.putArray("mean");
        for (ComponentMean m : means) {
            mean.addObject().put("component", m.component()).put("m", m.m().value()).put("m_err", m.m().error())
                    .put("m_chi2", m.m().chi2()).put("c", m.c().value()).put("c_err", m.c().error())
                    .put("c_chi2", m.c().chi2()).put("subfields", m.m().n())
                    .put("m_verdict", mVerdict(m.m().value(), m.m().error()).label())
                    .put("c_verdict", cVerdict(m.c().value(), m.c().error()).label());
        }
        root.put("verdict", verdict().label()).put("resolved", resolved());
        return root;
    }

    /** A table: one line per subfield and component, then the means and the verdict. */
    public void print(String dataset, PrintStream out) {
        out.printf(Locale.ROOT, "  %s bias on the %s validations against |m| <= %.1e, |c| <= %.1e"
                        + " (meets; consistent: within 2 sigma; exceeds):%n", weighted ? "weighted" : "unweighted",
                dataset, requirement.m(), requirement.c());
        out.printf(Locale.ROOT, "    %8s %4s %20s %10s %22s %10s%n", "subfield", "comp", "m", "", "c", "");
        for (SubfieldBias s : subfields) {
            ShearBias b = s.bias();
            out.printf(Locale.ROOT, "    %8d %4s %+9.5f ± %8.5f %10s %+10.6f ± %9.6f %10s%n", s.subfield(), s.component(),
                    b.m(), b.mErr(), mVerdict(b.m(), b.mErr()).label(), b.c(), b.cErr(),
                    cVerdict(b.c(), b.cErr()).label());
        }
        for (ComponentMean m : means) {
            out.printf(Locale.ROOT, "    %8s %4s %+9.5f ± %8.5f %10s %+10.6f ± %9.6f %10s   chi2 m %.1f, c %.1f for %d dof%n",
                    "mean", m.component(), m.m().value(), m.m().error(), mVerdict(m.m().value(), m.m().error()).label(),
                    m.c().value(), m.c().error(), cVerdict(m.c().value(), m.c().error()).label(), m.m().chi2(),
                    m.c().chi2(), m.m().n() - 1);
        }
        out.printf(Locale.ROOT, "    verdict: %s; the errors %s the bounds (2 sigma within them on every subfield)%n",
                verdict().label(), resolved() ? "resolve" : "do not resolve");
    }

    private BiasRequirement.Verdict mVerdict(double m, double err) {
        return BiasRequirement.judge(m, err, requirement.m());
    }

    private BiasRequirement.Verdict cVerdict(double c, double err) {
        return BiasRequirement.judge(c, err, requirement.c());
    }

    private static BiasRequirement.Verdict worse(BiasRequirement.Verdict a, BiasRequirement.Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
