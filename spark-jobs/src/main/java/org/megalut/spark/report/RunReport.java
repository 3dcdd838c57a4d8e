package org.megalut.spark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.megalut.eval.BranchEvaluation;
import org.megalut.eval.GroupedSubfield;
import org.megalut.eval.LineFit;
import org.megalut.eval.PsfFrame;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ValidationLeakage;
import org.megalut.eval.ValidationSummary;
import org.megalut.great3.ObservationType;
import org.megalut.plot.Figure;
import org.megalut.plot.ReportFigures;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.RunCommittees;
import org.megalut.spark.SubfieldRunner;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.FigureFiles;
import org.megalut.spark.io.GroupTable;

/**
 * The report of a prediction run: {@code <run>/report/index.html} (self-contained, relative links) with
 * the metrics table, per-subfield residuals against the true shear and against the PSF ellipticity,
 * feature histograms and per-subfield feature statistics of the observations against the simulations,
 * failure fractions and measurement flags, and the training costs of the committees; the PNGs,
 * {@code metrics.json} and {@code group.csv} sit beside it. The report directory is rewritten whole on
 * each call. Figures that cannot be drawn are logged and left out of the page; missing inputs (no
 * truth, no simulation) are said in the page.
 */
public final class RunReport {
    /** The features compared between simulations and observations (MegaLUT's inputs, S/N and the sky noise). */
    public static final List<String> FEATURES = List.of("adamom_flux", "adamom_sigma", "adamom_g1", "adamom_g2",
            "adamom_rho4", "snr", "skymad");
    /** Rows per sample collected for the histograms: enough for smooth 40-bin histograms, small for the driver. */
    static final long SAMPLE_CAP = 100_000;
    /** Cost figures shown: the first subfields, plus the worst by final validation cost. */
    static final int FIRST_COST_SUBFIELDS = 1;

    private RunReport() { }

    /**
     * Writes the report of a run from its {@code group.csv} (and {@code metrics.json} when present).
     *
     * @param simDatasets simulation datasets ({@code <workdir>/sim/<name>}) to compare with the observations;
     *                    those that do not exist are listed as missing
     * @param obstype     the branch's observation type, which sets the metric's σ²_min
     * @return the written {@code index.html}
     * @throws java.io.FileNotFoundException when the run has no group table
     */
    public static Path write(SparkSession spark, PredictionRun run, List<String> simDatasets, ObservationType obstype)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<GroupedSubfield> rows = GroupTable.read(run.groupCsv(), conf);
        int[] subfields = rows.stream().mapToInt(GroupedSubfield::subfield).sorted().toArray();
        Path dir = run.reportDir();
        FileSystem fs = dir.getFileSystem(conf);
        fs.delete(dir, true);
        fs.mkdirs(dir);
        boolean mimic = run.target() == PredictionRun.Target.MIMIC;
        HtmlPage page = new HtmlPage("MegaLUT report: " + run.label());
        summary(page, run, rows, subfields, conf);

        List<GroupedSubfield> evaluated = BranchEvaluation.evaluated(rows);
        BranchEvaluation.Result result = evaluated.size() >= 3 ? BranchEvaluation.evaluate(rows, obstype) : null;
        metrics(page, run, result, obstype, conf);
        residuals(page, dir, conf, evaluated, result);
        psfResiduals(page, dir, conf, evaluated);
        validationLeakage(page, dir, conf, run);
        features(page, spark, run, subfields, simDatasets, dir, conf);
        failures(page, spark, run, rows, subfields, dir, conf);
        if (mimic) {
            page.section("training", "Training");
            RunCommittees sets = RunCommittees.read(run, conf);
            page.paragraph("The mimic run applies the committee sets " + (sets == null ? "(not recorded)" : sets)
                    + "; their training costs are in the report of the observation run with the same predcode.");
            page.links("training costs", otherReport(run) + "#training");
        } else {
            training(page, spark, run, subfields, dir, conf);
        }
        Path index = new Path(dir, "index.html");
        byte[] html = page.html().getBytes(StandardCharsets.UTF_8);
        AtomicWrite.stream(index, conf, out -> out.write(html));
        return index;
    }

    /** The relative link from this run's report to its counterpart (observations ↔ mimic, same predcode). */
    static String otherReport(PredictionRun run) {
        String other = run.target() == PredictionRun.Target.OBS ? "mimic" : "results";
        return "../../../" + other + "/" + run.predcode() + "/report/index.html";
    }

    private static PredictionRun counterpart(PredictionRun run) {
        return new PredictionRun(run.workdir(), run.predcode(), run.target() == PredictionRun.Target.OBS
                ? PredictionRun.Target.MIMIC : PredictionRun.Target.OBS);
    }

    private static void summary(HtmlPage page, PredictionRun run, List<GroupedSubfield> rows, int[] subfields,
                                Configuration conf) throws IOException {
        long total = rows.stream().mapToLong(GroupedSubfield::total).sum();
        long with = rows.stream().mapToLong(GroupedSubfield::galaxies).sum();
        List<Integer> list = Arrays.stream(subfields).boxed().toList();
        page.paragraph(String.format(Locale.ROOT, "%s of %s: %d subfields (%s), %d galaxies, %d with a valid prediction.",
                run.target() == PredictionRun.Target.OBS ? "Predictions on the branch's observed galaxies"
                        : "Predictions on the mimic-great3 simulation (a fiducial branch with known shears)",
                "prediction run '" + run.predcode() + "'", subfields.length, SubfieldRunner.ranges(list), total, with));
        List<String> links = new ArrayList<>();
        if (copy(run.metricsJson(), new Path(run.reportDir(), "metrics.json"), conf)) {
            links.addAll(List.of("metrics.json", "metrics.json"));
        }
        if (copy(run.groupCsv(), new Path(run.reportDir(), "group.csv"), conf)) {
            links.addAll(List.of("group.csv (one row per subfield)", "group.csv"));
        }
        PredictionRun other = counterpart(run);
        if (other.reportDir().getFileSystem(conf).exists(new Path(other.reportDir(), "index.html"))
                || other.groupCsv().getFileSystem(conf).exists(other.groupCsv())) {
            links.addAll(List.of(other.target() == PredictionRun.Target.MIMIC ? "report of the mimic run"
                    : "report of the observation run", otherReport(run)));
        }
        page.links(links.toArray(String[]::new));
        page.links("metrics", "#metrics", "residuals", "#residuals", "PSF leakage", "#psf", "features", "#features",
                "failures", "#failures", "training", "#training");
    }

    private static void metrics(HtmlPage page, PredictionRun run, BranchEvaluation.Result result,
                                ObservationType obstype, Configuration conf) throws IOException {
        page.section("metrics", "Metrics");
        Map<String, BranchEvaluation.Result> runs = new LinkedHashMap<>();
        if (result != null) {
            runs.put(run.target() == PredictionRun.Target.OBS ? "observations" : "mimic", result);
        } else {
            page.warning("No truth: the metrics need the true shear of at least 3 subfields (run with --truth DIR).");
        }
        PredictionRun other = counterpart(run);
        if (run.target() == PredictionRun.Target.OBS && other.groupCsv().getFileSystem(conf).exists(other.groupCsv())) {
            List<GroupedSubfield> m = GroupTable.read(other.groupCsv(), conf);
            if (BranchEvaluation.evaluated(m).size() >= 3) {
                runs.put("mimic", BranchEvaluation.evaluate(m, obstype));
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        page.table(MetricsTable.header(runs), MetricsTable.rows(runs));
        page.note("m1, m2, c1, c2: MegaLUT's OLS of the estimated on the true shear per subfield (m = slope − 1), 68 %"
                + " errors. PSF frame: GREAT3's fits of Δg on g after rotating by the PSF angle (truth PSF shape, or"
                + " the mean measured star shape without truth), GREAT3's errors; Q_c for ground data. The noise floor"
                + " is the median Q_c (and 16–84 % range) of an unbiased estimator with the same per-subfield scatter"
                + " on the same subfields: with few subfields Q_c is limited by it. Weighted = MegaLUT's submission"
                + " Σ w ĝ / Σ w.");
    }

    /** The four components' residual inputs of one estimate (weighted or not), and their fits. */
    private static List<ReportFigures.Residuals> components(List<GroupedSubfield> rows, BranchEvaluation.Bias b,
                                                            boolean weighted) {
        int n = rows.size();
        double[][] t = new double[4][n];
        double[][] e = new double[4][n];
        for (int i = 0; i < n; i++) {
            GroupedSubfield r = rows.get(i);
            double p1 = weighted ? r.s1w() : r.s1();
            double p2 = weighted ? r.s2w() : r.s2();
            PsfFrame f = new PsfFrame(r.frameG1(), r.frameG2());
            t[0][i] = r.trueG1();
            t[1][i] = r.trueG2();
            t[2][i] = f.plus(r.trueG1(), r.trueG2());
            t[3][i] = f.cross(r.trueG1(), r.trueG2());
            e[0][i] = p1;
            e[1][i] = p2;
            e[2][i] = f.plus(p1, p2);
            e[3][i] = f.cross(p1, p2);
        }
        String w = weighted ? "weighted" : "unweighted";
        // m = slope − 1 of MegaLUT's fit of ĝ on g; in the PSF frame the fit is already of Δg (slope = m).
        return List.of(
                new ReportFigures.Residuals("g1, " + w, "true g1", t[0], e[0], bias(b.g1(), 1, b.rmsd1(), n)),
                new ReportFigures.Residuals("g2, " + w, "true g2", t[1], e[1], bias(b.g2(), 1, b.rmsd2(), n)),
                new ReportFigures.Residuals("g+ (PSF frame), " + w, "true g+", t[2], e[2],
                        bias(b.great3().plus(), 0, rmsd(t[2], e[2]), n)),
                new ReportFigures.Residuals("g× (PSF frame), " + w, "true g×", t[3], e[3],
                        bias(b.great3().cross(), 0, rmsd(t[3], e[3]), n)));
    }

    private static ShearBias bias(LineFit f, double slopeOffset, double rmsd, int n) {
        return new ShearBias(f.slope() - slopeOffset, f.slopeError(), f.intercept(), f.interceptError(), rmsd, n);
    }

    private static double rmsd(double[] t, double[] e) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += (e[i] - t[i]) * (e[i] - t[i]);
        }
        return Math.sqrt(s / t.length);
    }

    private static void residuals(HtmlPage page, Path dir, Configuration conf, List<GroupedSubfield> rows,
                                  BranchEvaluation.Result result) {
        page.section("residuals", "Residuals against the true shear");
        if (result == null) {
            page.warning("No truth: residuals need the true shear of at least 3 subfields.");
            return;
        }
        figure(page, dir, conf, "residuals.png", 1000, 1300, "residuals per subfield",
                () -> ReportFigures.residuals("estimate − truth per subfield (weighted | unweighted)",
                        components(rows, result.weighted(), true), components(rows, result.unweighted(), false)));
        page.note("One point per subfield; the red line is the fit c + m g with m, c and RMSD noted (g1, g2: MegaLUT's"
                + " 68 % errors; g+, g×: GREAT3's errors, as in the metrics table).");
    }

    private static void psfResiduals(HtmlPage page, Path dir, Configuration conf, List<GroupedSubfield> rows) {
        page.section("psf", "Residuals against the PSF ellipticity");
        if (rows.size() < 1) {
            page.warning("No truth: residuals need the true shear.");
            return;
        }
        boolean truthPsf = rows.stream().allMatch(r -> Double.isFinite(r.psfG1()) && r.psfG1() > PsfFrame.FLAG);
        int n = rows.size();
        double[] q1 = new double[n];
        double[] q2 = new double[n];
        double[][] dw = new double[2][n];
        double[][] du = new double[2][n];
        for (int i = 0; i < n; i++) {
            GroupedSubfield r = rows.get(i);
            q1[i] = truthPsf ? r.psfG1() : r.starG1();
            q2[i] = truthPsf ? r.psfG2() : r.starG2();
            dw[0][i] = r.s1w() - r.trueG1();
            dw[1][i] = r.s2w() - r.trueG2();
            du[0][i] = r.s1() - r.trueG1();
            du[1][i] = r.s2() - r.trueG2();
        }
        String label = truthPsf ? "PSF truth g" : "mean star g";
        figure(page, dir, conf, "psf-residuals.png", 1000, 800, "residuals against the PSF ellipticity",
                () -> ReportFigures.psfResiduals("estimate − truth per subfield against the PSF shape", q1, q2, dw, du,
                        label));
        page.note("x: " + (truthPsf ? "GREAT3's PSF truth (HSM g of the centred star 0)"
                : "the mean measured adaptive-moment g of the subfield's stars (no PSF truth for every subfield)")
                + ". The slope α of the weighted residuals is the PSF leakage; the diagonal panels are the direct"
                + " terms, the others the cross terms.");
    }

    /**
     * The validated bias and the PSF leakage from the validation simulations, when evaluate found
     * validate-weights tables.
     */
    private static void validationLeakage(HtmlPage page, Path dir, Configuration conf, PredictionRun run)
            throws IOException {
        ValidatedBias.addTo(page, metricsSection(run, conf, ValidationSummary.METRICS_KEY));
        JsonNode leakage = metricsSection(run, conf, ValidationLeakage.METRICS_KEY);
        if (leakage == null) {
            return;
        }
        List<ValidationLeakage.Point> points = new ArrayList<>();
        for (JsonNode p : leakage.get("points")) {
            points.add(new ValidationLeakage.Point(p.get("subfield").asInt(), p.get("psf_g1").asDouble(),
                    p.get("psf_g2").asDouble(), p.get("c1").asDouble(), p.get("c1_err").asDouble(),
                    p.get("c2").asDouble(), p.get("c2_err").asDouble()));
        }
        String dataset = leakage.get("dataset").asText();
        figure(page, dir, conf, "validation-leakage.png", 1000, 420, "PSF leakage from the validation simulations",
                () -> ReportFigures.validationLeakage("c of the " + dataset + " validation per subfield against the"
                        + " PSF shape", points, "mean star g"));
        page.note("Each point is one subfield's additive bias c (weighted estimates, 68 % error) on its "
                + dataset + " validation simulation, against the mean measured g of its stars; the line is the"
                + " fit c = c₀ + α e weighted by 1/σ², with χ² against n − 2 degrees of freedom (much above 1: the"
                + " subfields scatter by more than their errors and the formal error of α is too small).");
    }

    /** A section of the run's metrics.json, or null when the file or the section is absent. */
    static JsonNode metricsSection(PredictionRun run, Configuration conf, String key) throws IOException {
        Path metrics = run.metricsJson();
        FileSystem fs = metrics.getFileSystem(conf);
        if (!fs.exists(metrics)) {
            return null;
        }
        try (InputStream in = fs.open(metrics)) {
            return new ObjectMapper().readTree(in).get(key);
        }
    }

    private static void features(HtmlPage page, SparkSession spark, PredictionRun run, int[] subfields,
                                 List<String> simDatasets, Path dir, Configuration conf) throws IOException {
        page.section("features", "Features: simulations against observations");
        Map<String, Map<String, double[]>> samples = new LinkedHashMap<>();
        WorkdirLayout layout = WorkdirLayout.of(run.workdir());
        Map<String, Path> tables = new LinkedHashMap<>();
        Path obsTable = layout.table(WorkdirLayout.OBSERVATIONS);
        Map<String, double[]> obs = FeatureSamples.read(spark, obsTable, subfields, FEATURES, SAMPLE_CAP);
        List<String> missing = new ArrayList<>();
        if (obs != null) {
            samples.put("observations", obs);
            tables.put("observations", obsTable);
        } else {
            missing.add("observations (" + WorkdirLayout.OBSERVATIONS + ")");
        }
        for (String d : simDatasets) {
            Path simTable = layout.simulation(d);
            Map<String, double[]> s = FeatureSamples.read(spark, simTable, subfields, FEATURES, SAMPLE_CAP);
            if (s != null) {
                samples.put("sim " + d, s);
                tables.put("sim " + d, simTable);
            } else {
                missing.add("sim " + d);
            }
        }
        if (!missing.isEmpty()) {
            page.note("Not in the workdir (simulate them to compare): " + String.join(", ", missing) + ".");
        }
        if (samples.isEmpty()) {
            return;
        }
        figure(page, dir, conf, "features.png", 1200, 1050, "feature histograms",
                () -> ReportFigures.featureHistograms("normalised histograms, pooled over the run's subfields", FEATURES,
                        samples));
        List<List<String>> table = new ArrayList<>();
        samples.forEach((name, v) -> table.add(List.of(name, Integer.toString(v.isEmpty() ? 0
                : v.values().iterator().next().length))));
        page.table(List.of("sample", "rows drawn"), table);
        page.note("Pooled over the run's " + subfields.length + " subfields: every subfield contributes the same number of"
                + " stamps to each dataset, so the pooled histograms weight the subfields alike in observations and"
                + " simulations (per-subfield differences in PSF and noise are averaged, not hidden by unequal"
                + " weights). Tables larger than " + SAMPLE_CAP + " rows are thinned by a fixed hash of each row's key"
                + " (reproducible); the range is the pooled 0.5–99.5 % interval; failed measurements are left out."
                + (run.target() == PredictionRun.Target.OBS ? " train-shear is noise-free by design and not shown."
                : ""));
        FeatureSummary.addTo(page, spark, tables, subfields, FEATURES);
        if (run.target() == PredictionRun.Target.OBS) {
            PopulationDistances.addTo(page, metricsSection(run, conf, PopulationDistances.METRICS_KEY));
        }
    }

    private static void failures(HtmlPage page, SparkSession spark, PredictionRun run, List<GroupedSubfield> rows,
                                 int[] subfields, Path dir, Configuration conf) throws IOException {
        page.section("failures", "Failures");
        Map<Integer, String> failedSubfields = GroupTable.readFailed(run.failedCsv(), conf);
        if (!failedSubfields.isEmpty()) {
            page.warning(failedSubfields.size() + " selected subfield(s) failed and are left out of every result on"
                    + " this page; a rerun after their input is fixed redoes only them.");
            List<List<String>> why = new ArrayList<>();
            failedSubfields.forEach((sf, reason) -> why.add(List.of(Integer.toString(sf), reason)));
            page.table(List.of("failed subfield", "reason (step: error)"), why);
        }
        boolean obs = run.target() == PredictionRun.Target.OBS;
        String table = run.target().inputTable();
        Map<Integer, Map<Integer, Long>> flags = FlagCounts.read(spark, WorkdirLayout.of(run.workdir()).table(table),
                subfields);
        Set<Integer> flagValues = new TreeSet<>();
        if (flags != null) {
            flags.values().forEach(m -> flagValues.addAll(m.keySet()));
        }
        Map<Integer, GroupedSubfield> bySubfield = new TreeMap<>();
        rows.forEach(r -> bySubfield.put(r.subfield(), r));
        double[] sf = new double[subfields.length];
        double[] fail = new double[subfields.length];
        Map<String, double[]> fractions = new LinkedHashMap<>();
        // Flag 0 (measured) is close to 1 and would squash the failure flags: the table has it, the figure not.
        flagValues.stream().filter(f -> f != 0).forEach(f -> fractions.put(FlagCounts.describe(f),
                new double[subfields.length]));
        List<List<String>> t = new ArrayList<>();
        for (int i = 0; i < subfields.length; i++) {
            GroupedSubfield r = bySubfield.get(subfields[i]);
            sf[i] = subfields[i];
            fail[i] = r.failureFraction();
            List<String> cells = new ArrayList<>(List.of(Integer.toString(subfields[i]), Long.toString(r.total()),
                    Long.toString(r.galaxies()), String.format(Locale.ROOT, "%.4f", fail[i])));
            Map<Integer, Long> c = flags == null ? Map.of() : flags.getOrDefault(subfields[i], Map.of());
            long n = c.values().stream().mapToLong(Long::longValue).sum();
            for (int f : flagValues) {
                long k = c.getOrDefault(f, 0L);
                cells.add(Long.toString(k));
                if (f != 0) {
                    fractions.get(FlagCounts.describe(f))[i] = n == 0 ? Double.NaN : k / (double) n;
                }
            }
            t.add(cells);
        }
        figure(page, dir, conf, "failures.png", 900, 420, "failure fractions per subfield",
                () -> ReportFigures.failures("failures per subfield", sf, fail, fractions));
        List<String> header = new ArrayList<>(List.of("subfield", "galaxies", "with prediction", "fraction without"));
        flagValues.forEach(f -> header.add("flag " + FlagCounts.describe(f)));
        page.table(header, t);
        page.note("A galaxy has no valid prediction when its features are masked (flag 1 or 3) or a committee's"
                + " output is not finite. Flags are those of " + (obs ? "the observed stamps (measure-obs)"
                : "the mimic-great3 stamps") + (flags == null ? "; that table is missing." : "."));
    }

    private static void training(HtmlPage page, SparkSession spark, PredictionRun run, int[] subfields, Path dir,
                                 Configuration conf) throws IOException {
        page.section("training", "Training costs");
        RunCommittees sets = RunCommittees.read(run, conf);
        if (sets == null) {
            page.warning("The run records no committee sets (" + run.committeesJson().getName() + "): predict it"
                    + " again to have their training costs here.");
            return;
        }
        page.paragraph("Committee sets of this run: " + sets + ".");
        List<CommitteeCosts> costs = CommitteeCosts.read(spark, run.workdir(), sets, subfields);
        if (costs.isEmpty()) {
            page.warning("No committees found for these subfields.");
            return;
        }
        List<String> names = costs.stream().map(c -> c.kind + " " + c.name).distinct().sorted().toList();
        Map<Integer, Map<String, CommitteeCosts>> bySubfield = new TreeMap<>();
        costs.forEach(c -> bySubfield.computeIfAbsent(c.subfield, k -> new HashMap<>()).put(c.kind + " " + c.name, c));
        List<Integer> shown = shownSubfields(costs, names, bySubfield);
        List<String> header = new ArrayList<>(List.of("subfield"));
        names.forEach(n -> header.add(n + ": train / validation (kept/members)"));
        List<List<String>> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, CommitteeCosts>> e : bySubfield.entrySet()) {
            List<String> cells = new ArrayList<>(List.of(e.getKey() + (shown.contains(e.getKey()) ? " (figures)" : "")));
            for (String n : names) {
                CommitteeCosts c = e.getValue().get(n);
                if (c != null && c.error != null) {
                    errors.add(c.error);
                }
                cells.add(c == null ? "missing" : c.error != null ? "unreadable" : String.format(Locale.ROOT,
                        "%.3e / %.3e (%d/%d)", c.train, c.valid, c.kept, c.members));
            }
            rows.add(cells);
        }
        page.table(header, rows);
        page.note("Mean over the kept members of the last training (minibatch) cost and the last validation cost;"
                + " costs of different committees are in different units and not comparable with each other.");
        errors.forEach(page::warning);
        page.paragraph("Cost curves of subfields " + shown + ": the first subfield, as a typical example, and the one"
                + " whose kept members end with the highest validation cost relative to the median over subfields"
                + " (largest ratio over the committees), the training most worth a look. The curves of every subfield"
                + " are beside its committees, committees/<kind>/<set key>/subfield=S/<name>-cost.png.");
        for (int sf : shown) {
            for (String n : names) {
                CommitteeCosts c = bySubfield.get(sf).get(n);
                if (c == null) {
                    continue;
                }
                String file = "cost-" + c.kind + "-" + sf + "-" + c.name + ".png";
                if (copy(c.costFigure(), new Path(dir, file), conf)) {
                    page.image(file, "subfield " + sf + " " + n + " cost curves");
                } else {
                    page.note("subfield " + sf + ", " + n + ": no cost figure (learn could not draw it).");
                }
            }
        }
    }

    /** The first subfields with committees and the worst by relative final validation cost. */
    static List<Integer> shownSubfields(List<CommitteeCosts> costs, List<String> names,
                                        Map<Integer, Map<String, CommitteeCosts>> bySubfield) {
        Set<Integer> shown = new LinkedHashSet<>();
        bySubfield.keySet().stream().limit(FIRST_COST_SUBFIELDS).forEach(shown::add);
        Map<String, Double> median = new HashMap<>();
        for (String n : names) {
            double[] v = costs.stream().filter(c -> (c.kind + " " + c.name).equals(n) && Double.isFinite(c.valid))
                    .mapToDouble(c -> c.valid).sorted().toArray();
            median.put(n, v.length == 0 ? Double.NaN : v[v.length / 2]);
        }
        bySubfield.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(c -> Double.isFinite(c.valid)))
                .max(Comparator.comparingDouble(e -> e.getValue().values().stream()
                        .filter(c -> Double.isFinite(c.valid) && median.get(c.kind + " " + c.name) > 0)
                        .mapToDouble(c -> c.valid / median.get(c.kind + " " + c.name)).max().orElse(0)))
                .ifPresent(e -> shown.add(e.getKey()));
        return List.copyOf(shown);
    }

    /** Writes a figure into the report and adds it to the page (left out, with a note, when it cannot be drawn). */
    private static void figure(HtmlPage page, Path dir, Configuration conf, String file, int width, int height,
                               String alt, Supplier<Figure> figure) {
        if (FigureFiles.write(new Path(dir, file), conf, width, height, figure)) {
            page.image(file, alt);
        } else {
            page.warning("The figure " + file + " could not be drawn (see the log).");
        }
    }

    /** Copies a file into the report (whole or not at all); false when the source does not exist. */
    static boolean copy(Path from, Path to, Configuration conf) throws IOException {
        FileSystem fs = from.getFileSystem(conf);
        if (!fs.exists(from)) {
            return false;
        }
        AtomicWrite.stream(to, conf, out -> {
            try (InputStream in = fs.open(from)) {
                in.transferTo(out);
            }
        });
        return true;
    }
}
