package org.megalut.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.config.StrictConfig;
import org.megalut.eval.BiasTable;
import org.megalut.eval.CaseMeans;
import org.megalut.eval.CaseTable;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ValidationSummary;
import org.megalut.spark.settings.DatasetSettings;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.steps.LearnStep;
import org.megalut.spark.steps.MeasureObsStep;
import org.megalut.spark.steps.PredictForWeightsStep;
import org.megalut.spark.steps.SimulateStep;
import org.megalut.spark.steps.ValidateStep;

/**
 * learn writes its figures; validate and validate-weights write bias tables and figures for the
 * subfields that have their inputs, and fail the others alone. Tiny datasets and short trainings.
 */
class ValidateStepTest {
    static final int GRID = 4;

    @TempDir
    Path tmp;

    /** A network configuration shipped in the jar, with a much shorter training. */
    Path shortNetwork(String name) throws Exception {
        String text;
        try (InputStream in = LearnStep.class.getResourceAsStream("/org/megalut/conf/ml/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, text + "\ntraining { members = 4, mbloops = 3, maxiter = 30 }\nselection.bestn = 2\n");
        return p;
    }

    Config config() throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("branch.dir", tmp.resolve("branch").toUri().toString());
        m.put("workdir", tmp.resolve("work").toUri().toString());
        m.put("branch.grid", GRID);
        m.put("learn.network", shortNetwork("sum55mass.conf").toString());
        m.put("learn-weights.network", shortNetwork("sum33wmass.conf").toString());
        m.put("datasets.train-shear.n", 100);
        m.put("datasets.train-shear.nrea", 2);
        m.put("datasets.train-weight.n", 20);
        m.put("datasets.train-weight.ncat", 10);
        m.put("datasets.valid-shear.n", 4);
        m.put("datasets.valid-shear.ncat", 3);
        m.put("datasets.valid-shear.snc", 40);
        m.put("datasets.valid-overall.n", 10);
        m.put("datasets.valid-overall.nc", 5);
        m.put("datasets.valid-overall.ncat", 8);
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        return StrictConfig.merge(ConfigFactory.parseMap(m), defaults, "test");
    }

    static List<BiasTable.Row> table(Path csv) throws Exception {
        try (InputStream in = Files.newInputStream(csv)) {
            return BiasTable.read(in, csv.toString());
        }
    }

    static void assertPng(Path p) throws Exception {
        assertTrue(Files.isRegularFile(p), p + " missing");
        assertTrue(ImageIO.read(p.toFile()).getWidth() > 0, p.toString());
    }

    @Test
    void learnFiguresThenValidations() throws Exception {
        SparkSession spark = TestSpark.get();
        TestBranch.write(tmp.resolve("branch"), tmp.resolve("truth"), GRID, 3, 4);
        Config c = config();
        RunSettings s = RunSettings.from(c, new int[] {3}, null, false);
        RunSettings both = RunSettings.from(c, new int[] {3, 4}, null, false);
        assertTrue(MeasureObsStep.run(spark, s).ok());
        SimulateStep.run(spark, s, DatasetSettings.spec(c, "train-shear"), 1);
        StepOutcome learned = LearnStep.run(spark, s, LearnStep.Kind.SHEAR);
        assertEquals(List.of(3), learned.done(), learned.failed().toString());
        Path shear = tmp.resolve("work").resolve(CommitteeSet.shear(s.recipe()).path()).resolve("subfield=3");
        for (String f : List.of("pre_s1-cost.png", "pre_s1-selfpred.png", "pre_s2-cost.png", "pre_s2-selfpred.png")) {
            assertPng(shear.resolve(f));
        }

        // validate: one case per shear, two components, unweighted.
        SimulateStep.run(spark, s, DatasetSettings.spec(c, "valid-shear"), 1);
        PredictionRun main = new PredictionRun(s.workdir(), "main", PredictionRun.Target.OBS);
        ValidateStep.Result v = ValidateStep.run(spark, both, ValidateStep.Kind.SHEAR, main);
        assertEquals(List.of(3), v.outcome().done());
        assertTrue(v.outcome().failed().get(4).contains("no simulation at"), v.outcome().failed().toString());
        Path csv = tmp.resolve("work/results/main/validate/shear/subfield=3/bias.csv");
        List<BiasTable.Row> rows = table(csv);
        assertEquals(rows, v.tables().get(3));
        assertEquals(List.of("g1", "g2"), rows.stream().map(BiasTable.Row::component).toList());
        for (BiasTable.Row r : rows) {
            ShearBias b = r.bias();
            assertTrue(!r.weighted() && b.n() == 12, r.toString());
            assertTrue(Double.isFinite(b.m()) && Double.isFinite(b.c()) && b.mErr() > 0 && b.rmsd() > 0, r.toString());
            // The nets learned ellipticity from these stamps: the estimate follows the shear, with the right sign.
            assertTrue(1 + b.m() > 0.3 && Math.abs(b.c()) < 0.05, r.toString());
        }
        assertPng(csv.resolveSibling("residuals.png"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ValidateStep.print(v, new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("valid-shear") && printed.contains("unweighted bias") && printed.contains("verdict: "),
                printed);
        assertEquals(List.of(3), ValidateStep.run(spark, s, ValidateStep.Kind.SHEAR, main).outcome().skipped());
        // The per-case table holds what the fit used: refitting its means gives the table's m and c.
        Map<String, CaseMeans> cases;
        try (InputStream in = Files.newInputStream(csv.resolveSibling("cases.csv"))) {
            cases = CaseTable.read(in, "cases.csv");
        }
        assertEquals(List.of("g1", "g2"), List.copyOf(cases.keySet()));
        ShearBias refit = ShearBias.fit(cases.get("g1").truth(), cases.get("g1").mean());
        assertEquals(rows.get(0).bias().m(), refit.m(), 1e-12);
        assertEquals(rows.get(0).bias().c(), refit.c(), 1e-12);
        // Another prediction run validates under its own name and leaves the first's tables alone.
        PredictionRun other = new PredictionRun(s.workdir(), "other", PredictionRun.Target.OBS);
        assertEquals(List.of(3), ValidateStep.run(spark, s, ValidateStep.Kind.SHEAR, other).outcome().done());
        assertEquals(rows, table(tmp.resolve("work/results/other/validate/shear/subfield=3/bias.csv")));
        assertEquals(List.of(3), ValidateStep.run(spark, s, ValidateStep.Kind.SHEAR, main).outcome().skipped());

        // validate-weights: shear and weight committees; weighted and unweighted rows per component.
        SimulateStep.run(spark, s, DatasetSettings.spec(c, "train-weight"), 1);
        assertTrue(PredictForWeightsStep.run(spark, s).ok());
        assertTrue(LearnStep.run(spark, s, LearnStep.Kind.WEIGHT).ok());
        assertPng(tmp.resolve("work").resolve(CommitteeSet.weight(s.recipe()).path())
                .resolve("subfield=3/pre_s1w-selfpred.png"));
        SimulateStep.run(spark, s, DatasetSettings.spec(c, "valid-overall"), 1);
        ValidateStep.Result w = ValidateStep.run(spark, s, ValidateStep.Kind.WEIGHTS, main);
        assertTrue(w.outcome().ok(), w.outcome().failed().toString());
        List<BiasTable.Row> wrows = table(tmp.resolve("work/results/main/validate/weights/subfield=3/bias.csv"));
        assertEquals(4, wrows.size());
        assertEquals(2, wrows.stream().filter(BiasTable.Row::weighted).count());
        for (BiasTable.Row r : wrows) {
            assertTrue(r.bias().n() == 8 && Double.isFinite(r.bias().m()) && Double.isFinite(r.bias().c()), r.toString());
        }
        assertPng(tmp.resolve("work/results/main/validate/weights/subfield=3/residuals.png"));
        ValidationSummary summary = w.summary().orElseThrow();
        assertTrue(summary.weighted());
        assertEquals(4, summary.subfields().size() + summary.means().size());
    }
}
