package org.megalut.spark.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.config.StrictConfig;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.Presubmission;
import org.megalut.eval.variable.ShearCatalog;
import org.megalut.eval.variable.TruthApertureMass;
import org.megalut.eval.variable.TruthCatalog;
import org.megalut.eval.variable.VariableEvaluation;
import org.megalut.eval.variable.VariableSubmission;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.ShearType;
import org.megalut.great3.SubfieldOffset;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.Preflight;
import org.megalut.spark.TestSpark;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.steps.VariableSubmissionStep;

/**
 * The variable-shear end of the pipeline on a small synthetic branch of two fields (subfields 0..39, 3 × 3
 * galaxies each): predictions written as predict-obs writes them, then shear-catalog, presubmission,
 * evaluate and report as run runs them.
 */
class VariablePipelineTest {
    private static final int GRID = 3;
    private static final double ETA = 1.837e-4;

    @TempDir
    Path tmp;

    private RunSettings settings(ShearType type, int[] subfields) {
        Map<String, Object> m = new HashMap<>();
        m.put("branch.dir", tmp.resolve("branch").toUri().toString());
        m.put("branch.truth", tmp.resolve("truth").toUri().toString());
        m.put("workdir", tmp.resolve("work").toUri().toString());
        m.put("branch.grid", GRID);
        m.put("branch.shear-type", type.configName());
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        return RunSettings.from(StrictConfig.merge(ConfigFactory.parseMap(m), defaults, "test"), subfields, null, true);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** Truth files of subfields 0..39 (varying shear, random intrinsic shapes); returns the observed truth. */
    private List<ShearCatalog> writeTruth() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("truth"));
        SplittableRandom rng = new SplittableRandom(3);
        List<ShearCatalog> out = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            int j = s % 20;
            int n = GRID * GRID;
            double[][] c = new double[4][n];
            for (int i = 0; i < n; i++) {
                c[0][i] = 0.04 * Math.sin(0.7 * i + s);
                c[1][i] = 0.03 * Math.cos(0.5 * i - s);
                c[2][i] = rng.nextDouble(-0.3, 0.3);
                c[3][i] = rng.nextDouble(-0.3, 0.3);
            }
            TruthCatalog cat = new TruthCatalog(c[0], c[1], c[2], c[3]);
            SubfieldOffset off = new SubfieldOffset((j % 7) * 0.1 / 7, (j / 7) * 0.1 / 7);
            cat.write(dir.resolve(TruthApertureMass.catalogName(s)));
            off.write(dir.resolve(TruthApertureMass.offsetName(s)));
            out.add(TruthApertureMass.catalog(s, new TruthApertureMass.SubfieldTruth(off, cat), GRID));
        }
        return out;
    }

    /**
     * Predictions as predict-obs writes them: the observed truth plus uniform noise of width sigma, and, when
     * sigma > 0, varying weights and one failure per subfield (else weights (0.8, 1.2), a uniform mean of 1,
     * the reference's).
     */
    private void writePredictions(PredictionRun run, List<ShearCatalog> truth, double sigma) throws IOException {
        Configuration conf = TestSpark.get().sparkContext().hadoopConfiguration();
        SplittableRandom rng = new SplittableRandom(17);
        for (int s = 0; s < truth.size(); s++) {
            ShearCatalog t = truth.get(s);
            long[] id = t.id();
            double[] g1 = t.g1();
            double[] g2 = t.g2();
            LongTable.Builder b = LongTable.builder(List.of("pre_s1", "pre_s2", "pre_s1w", "pre_s2w"));
            for (int i = id.length - 1; i >= 0; i--) {
                boolean fail = sigma > 0 && i == s % id.length;
                b.add(id[i], 0, fail ? Double.NaN : g1[i] + sigma * (rng.nextDouble() - 0.5),
                        g2[i] + sigma * (rng.nextDouble() - 0.5), sigma > 0 ? 1.0 + 0.1 * (i % 3) : 0.8, 1.2);
            }
            LongTables.write(b.build(), run.predictions(s), conf);
        }
    }

    private static String run(RunSettings s, String from, String to) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StepContext c = StepContext.of(TestSpark.get(), s, "main", Map.of(), out);
        assertFalse(Pipeline.run(c, Pipeline.range(from, to), true), bytes.toString(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runOnAVariableBranchWritesTheCatalogueSubmissionQvAndReportAndSkipsTheConstantSteps() throws Exception {
        List<ShearCatalog> truth = writeTruth();
        RunSettings s = settings(ShearType.VARIABLE, range(0, 39));
        PredictionRun obs = new PredictionRun(s.workdir(), "main", PredictionRun.Target.OBS);
        writePredictions(obs, truth, 0.0);
        String out = run(s, "shear-catalog", "report");
        for (String step : List.of("group", "simulate-mimic", "mimic")) {
            assertTrue(out.contains(String.format("%-22s skipped (a constant-shear step; branch.shear-type = variable)",
                    step)), out);
        }
        Path root = tmp.resolve("work/results/main");
        List<String> cat = Files.readAllLines(root.resolve("shear-catalog/catalog-021.txt"));
        assertEquals(1 + GRID * GRID, cat.size());
        assertEquals("# id g1 g2 weight", cat.get(0));
        // Ascending IDs, nine digits with leading zeros; weight = (0.8 + 1.2) / 2.
        long first = truth.get(21).id()[0];
        assertTrue(cat.get(1).startsWith(String.format("%09d ", first)), cat.get(1));
        assertTrue(cat.get(1).endsWith(" 1.0000000000e+00"), cat.get(1));
        VariableSubmission sub = VariableSubmission.read(root.resolve("submission.txt"));
        assertArrayEquals(new int[] {0, 1}, sub.fields());
        // The observed truth as prediction scores GREAT3's maximum, and so does its noise reference (no scatter).
        String metrics = Files.readString(root.resolve("metrics.json"));
        VariableEvaluation.Result r = VariableEvaluation.fromJson(metrics, "metrics.json");
        assertEquals(ETA / 9e-8, r.metric().qv(), 1e-3);
        assertEquals(ETA / 9e-8, r.noise().median(), 1e-3);
        assertEquals(0, r.failed());
        assertEquals(40 * GRID * GRID, r.galaxies());
        assertTrue(Files.isRegularFile(root.resolve("xi.txt")));
        assertTrue(Files.isRegularFile(root.resolve("reference.txt")));
        assertTrue(Files.size(root.resolve("report/map-residuals.png")) > 1000);
        String html = Files.readString(root.resolve("report/index.html"));
        assertTrue(html.contains("Q_v (ground)") && html.contains("noise reference of Q_v"), html);
    }

    @Test
    void presubmissionEqualsTheCoreOnTheSameCatalogueForAnyPartitioning() throws Exception {
        List<ShearCatalog> truth = writeTruth();
        RunSettings s = settings(ShearType.VARIABLE, range(0, 39));
        PredictionRun obs = new PredictionRun(s.workdir(), "main", PredictionRun.Target.OBS);
        writePredictions(obs, truth, 0.2);
        run(s, "shear-catalog", "shear-catalog");
        SparkSession spark = TestSpark.get();
        VariableSubmissionStep.Result one = VariableSubmissionStep.run(spark, s, obs, 1);
        VariableSubmissionStep.Result three = VariableSubmissionStep.run(spark, s, obs, 3);
        List<ShearCatalog> files = new ArrayList<>();
        for (int sf = 0; sf < 40; sf++) {
            files.add(ShearCatalog.read(tmp.resolve(String.format("work/results/main/shear-catalog/catalog-%03d.txt",
                    sf)), ShearCatalog.Columns.WRITTEN));
        }
        ShearCatalog all = ShearCatalog.concat(files);
        assertEquals(40, all.size() / (GRID * GRID));
        VariableSubmission core = Presubmission.submission(Presubmission.computeFields(all,
                LatticeShearCorrelator.great3()));
        VariableSubmission a = Presubmission.submission(one.submission());
        VariableSubmission b = Presubmission.submission(three.submission());
        assertArrayEquals(a.mapE(), b.mapE());
        assertArrayEquals(a.sigMap(), b.sigMap());
        for (int i = 0; i < core.rows(); i++) {
            assertEquals(core.mapE()[i], a.mapE()[i], 1e-10 * Math.abs(core.mapE()[i]) + 1e-20);
            assertEquals(core.mapB()[i], a.mapB()[i], 1e-10 * Math.abs(core.mapB()[i]) + 1e-20);
            assertEquals(core.sigMap()[i], a.sigMap()[i], 1e-10 * Math.abs(core.sigMap()[i]) + 1e-20);
        }
        // Each subfield has one failed galaxy, flagged as GREAT3 expects.
        long failed = 0;
        for (int i = 0; i < all.size(); i++) {
            failed += all.passes(i) ? 0 : 1;
        }
        assertEquals(40, failed);

        // Q_v of the noisy run is below the maximum; its noise reference is reproducible.
        run(s, "evaluate", "evaluate");
        Path metrics = tmp.resolve("work/results/main/metrics.json");
        VariableEvaluation.Result r = VariableEvaluation.fromJson(Files.readString(metrics), "m");
        assertTrue(r.metric().qv() < ETA / 9e-8 - 1, "Q_v " + r.metric().qv());
        assertEquals(40, r.failed());
        run(s, "evaluate", "evaluate");
        VariableEvaluation.Result again = VariableEvaluation.fromJson(Files.readString(metrics), "m");
        assertArrayEquals(r.noise().qv(), again.noise().qv());
        assertEquals(0.2 / Math.sqrt(12), r.noise().scatter().sigma2(), 0.015);
    }

    @Test
    void aFieldWithMissingSubfieldsIsNamed() throws Exception {
        List<ShearCatalog> truth = writeTruth();
        RunSettings s = settings(ShearType.VARIABLE, range(0, 24));
        PredictionRun obs = new PredictionRun(s.workdir(), "main", PredictionRun.Target.OBS);
        writePredictions(obs, truth, 0.0);
        run(s, "shear-catalog", "shear-catalog");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VariableSubmissionStep.run(TestSpark.get(), s, obs));
        assertTrue(e.getMessage().contains("field 1 (subfields 20-39) has no shear catalogue for subfield(s) [25, 26,"),
                e.getMessage());
        assertFalse(e.getMessage().contains("field 0 "), e.getMessage());
    }

    @Test
    void preflightNamesTheFileKeyAndFixWhenTheShearTypeContradictsTheFiles() throws Exception {
        writeTruth();
        Path branch = Files.createDirectories(tmp.resolve("branch"));
        // Offsets as a variable-shear branch has them: subfield 21 is not the first of field 1.
        new SubfieldOffset(0.1 / 7, 0.0).write(branch.resolve(BranchLayout.subfieldOffsetYaml(21)));
        Preflight.shearType(settings(ShearType.VARIABLE, range(20, 39)));
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> Preflight.shearType(settings(ShearType.CONSTANT, range(20, 39))));
        assertTrue(constant.getMessage().contains("subfield_offset-021.yaml: offset_deg_x = 0.0142"), constant.getMessage());
        assertTrue(constant.getMessage().contains("branch.shear-type = constant; set branch.shear-type = variable"),
                constant.getMessage());

        // A zero offset for a subfield other than its field's first: a constant-shear branch.
        new SubfieldOffset(0.0, 0.0).write(branch.resolve(BranchLayout.subfieldOffsetYaml(21)));
        IllegalArgumentException variable = assertThrows(IllegalArgumentException.class,
                () -> Preflight.shearType(settings(ShearType.VARIABLE, range(20, 39))));
        assertTrue(variable.getMessage().contains("subfield_offset-021.yaml: offset_deg_x = 0, offset_deg_y = 0"),
                variable.getMessage());
        assertTrue(variable.getMessage().contains("set branch.shear-type = constant"), variable.getMessage());
        Files.delete(branch.resolve(BranchLayout.subfieldOffsetYaml(21)));

        // Without offsets to read, the truth decides: its shear varies, so a constant setting is wrong ...
        IllegalArgumentException truthVaries = assertThrows(IllegalArgumentException.class,
                () -> Preflight.shearType(settings(ShearType.CONSTANT, range(20, 39))));
        assertTrue(truthVaries.getMessage().contains("galaxy_catalog-020.fits: columns g1, g2 vary"),
                truthVaries.getMessage());
        assertTrue(truthVaries.getMessage().contains("set branch.shear-type = variable"), truthVaries.getMessage());
        // ... and one constant shear in the truth contradicts a variable setting.
        double[] g = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01};
        new TruthCatalog(g, g, new double[9], new double[9]).write(tmp.resolve("truth")
                .resolve(TruthApertureMass.catalogName(20)));
        Preflight.shearType(settings(ShearType.CONSTANT, range(20, 39)));
        IllegalArgumentException truthConstant = assertThrows(IllegalArgumentException.class,
                () -> Preflight.shearType(settings(ShearType.VARIABLE, range(20, 39))));
        assertTrue(truthConstant.getMessage().contains("galaxy_catalog-020.fits: columns g1, g2 hold one shear (0.01,"
                + " 0.01) for all 9 galaxies: a constant-shear truth, but branch.shear-type = variable"),
                truthConstant.getMessage());
    }

    @Test
    void theRecipeOfEachShearTypeRunsItsOwnSteps() {
        List<String> variable = Pipeline.STEPS.stream().filter(x -> x.appliesTo(ShearType.VARIABLE)).map(Step::name)
                .toList();
        List<String> constant = Pipeline.STEPS.stream().filter(x -> x.appliesTo(ShearType.CONSTANT)).map(Step::name)
                .toList();
        assertEquals(List.of("predict-obs", "shear-catalog", "variable-submission", "evaluate", "report"),
                variable.subList(variable.indexOf("predict-obs"), variable.size()));
        assertEquals(List.of("predict-obs", "group", "evaluate", "simulate-mimic", "mimic", "report"),
                constant.subList(constant.indexOf("predict-obs"), constant.size()));
        assertEquals(variable.subList(0, variable.indexOf("predict-obs")),
                constant.subList(0, constant.indexOf("predict-obs")));
    }
}
