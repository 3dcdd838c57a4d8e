package org.megalut.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nom.tam.fits.Fits;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.config.StrictConfig;
import org.megalut.eval.GroupedSubfield;
import org.megalut.eval.variable.ApertureMass;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.ShearGalaxy;
import org.megalut.eval.variable.TruthApertureMass;
import org.megalut.eval.variable.TruthCatalog;
import org.megalut.eval.variable.VariableShearMetric;
import org.megalut.eval.variable.VariableSubmission;
import org.megalut.fits.FitsBinaryTables;
import org.megalut.fits.FitsImageHeader;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.GalaxyCatalog;
import org.megalut.great3.ObservationType;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarShapeParams;
import org.megalut.great3.SubfieldOffset;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CommitteeIo;
import org.megalut.ml.committee.CommitteePrediction;
import org.megalut.ml.committee.Predictions;
import org.megalut.ml.data.LongTable;
import org.megalut.sim.great3.BranchRecipe;
import org.megalut.sim.great3.KnotRecipe;
import org.megalut.sim.great3.SelectionRule;
import org.megalut.sim.great3.ShearField;
import org.megalut.sim.great3.VariableShearRecipe;
import org.megalut.sim.megalut.DatasetCatalogs;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.Distribution;
import org.megalut.sim.megalut.SimGalaxy;
import org.megalut.spark.io.GroupTable;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.settings.SimSettings;
import org.megalut.spark.steps.Great3SimStep;
import org.megalut.spark.steps.GroupStep;
import org.megalut.spark.steps.LearnStep;
import org.megalut.spark.steps.MeasureObsStep;
import org.megalut.spark.steps.PredictForWeightsStep;
import org.megalut.spark.steps.PredictStep;
import org.megalut.spark.steps.SimulateStep;

/** A generated branch is GREAT3-format, deterministic, and measures like GREAT3 data. */
class Great3SimStepTest {
    static final int GRID = 6;

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path branch;
    static Path truth;

    static SimSettings sim(int bandRows) {
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        Config c = StrictConfig.merge(ConfigFactory.parseMap(Map.of("branch.grid", GRID,
                "great3-sim.band-rows", bandRows, "great3-sim.seed", 99, "great3-sim.deep", 1)), defaults, "test");
        return SimSettings.from(c);
    }

    @BeforeAll
    static void generate() throws Exception {
        spark = TestSpark.get();
        branch = tmp.resolve("branch");
        truth = tmp.resolve("truth");
        int[] subfields = Great3SimStep.withDeep(new int[] {0, 1}, 1);
        Great3SimStep.Outcome o = Great3SimStep.run(spark, sim(2), subfields, branch.toString(), truth.toString());
        assertEquals(3 * GRID * GRID, o.galaxies());
    }

    @Test
    void writesTheGreat3Layout() throws Exception {
        for (int s : new int[] {0, 1, 200}) {
            for (String f : List.of(BranchLayout.galaxyImage(s), BranchLayout.starField(s), BranchLayout.galaxyCatalogTxt(s),
                    BranchLayout.galaxyCatalogFits(s), BranchLayout.starCatalogTxt(s), BranchLayout.starCatalogFits(s),
                    BranchLayout.subfieldOffsetYaml(s), BranchLayout.epochDitherTxt(s))) {
                assertTrue(Files.isRegularFile(branch.resolve(f)), f);
            }
        }
        assertTrue(BranchLayout.galaxyImage(200).startsWith("deep_"));
        FitsImageHeader h = FitsImageHeader.read(branch.resolve(BranchLayout.galaxyImage(0)));
        assertEquals(GRID * 48, h.naxis1());
        assertEquals(-32, h.bitpix().code());
        assertEquals(0.2, h.doubleValue("GS_SCALE"), 0);
        assertEquals(0.2, h.doubleValue("CD1_1"), 0);
        assertEquals("LINEAR", h.stringValue("CTYPE1"));
        List<String> lines = Files.readAllLines(branch.resolve(BranchLayout.galaxyCatalogTxt(1)));
        assertEquals(List.of("# x", "# y", "# ID"), lines.subList(0, 3));
        assertEquals("2.300000000000000000e+01 2.300000000000000000e+01 1.000000000000000000e+06", lines.get(3));
        GalaxyCatalog cat = GalaxyCatalog.read(branch.resolve(BranchLayout.galaxyCatalogFits(200)), GRID * GRID);
        assertEquals(200_000_000L + 1000 * 2 + 1, cat.id(GRID + 2), "ID = 1e6 subfield + 1000 col + row");
        assertEquals(Arrays.asList("0.0 0.0 "), Files.readAllLines(branch.resolve(BranchLayout.epochDitherTxt(0))).subList(1, 2));
        ShearParams g = ShearParams.read(truth.resolve(BranchLayout.shearParamsYaml(1)));
        double amp = Math.hypot(g.g1(), g.g2());
        assertTrue(amp >= 0.01 && amp <= 0.05, "shear " + g);
        StarShapeParams psf = StarShapeParams.read(truth.resolve(BranchLayout.starShapeParamsTxt(0)));
        assertTrue(!psf.isFailed());
        assertTrue(!Files.exists(truth.resolve("shear_params-200.yaml")), "no truth for deep subfields");
        List<Row> gal = spark.read().parquet(truth.resolve("galaxies").toString()).where(col("subfield").equalTo(1)).collectAsList();
        assertEquals(GRID * GRID, gal.size());
        assertEquals(g.g1(), gal.get(0).getDouble(gal.get(0).fieldIndex("shear_g1")), 0);
    }

    @Test
    void outputDoesNotDependOnTheBands() throws Exception {
        Path other = tmp.resolve("branch-b");
        Great3SimStep.run(spark, sim(5), new int[] {1}, other.toString(), tmp.resolve("truth-b").toString());
        for (String f : List.of(BranchLayout.galaxyImage(1), BranchLayout.starField(1), BranchLayout.galaxyCatalogTxt(1))) {
            assertArrayEquals(Files.readAllBytes(branch.resolve(f)), Files.readAllBytes(other.resolve(f)), f);
        }
    }

    @Test
    void aKnottedBranchDoesNotDependOnTheBandsAndRecordsItsKnots() throws Exception {
        Path a = tmp.resolve("knots-a");
        Path b = tmp.resolve("knots-b");
        Great3SimStep.run(spark, knotted(sim(2)), new int[] {1}, a.toString(), tmp.resolve("knots-truth-a").toString());
        Great3SimStep.run(spark, knotted(sim(5)), new int[] {1}, b.toString(), tmp.resolve("knots-truth-b").toString());
        String image = BranchLayout.galaxyImage(1);
        assertArrayEquals(Files.readAllBytes(a.resolve(image)), Files.readAllBytes(b.resolve(image)), image);
        Assertions.assertFalse(Arrays.equals(Files.readAllBytes(branch.resolve(image)), Files.readAllBytes(a.resolve(image))),
                "knots change the image");
        List<Row> gal = spark.read().parquet(tmp.resolve("knots-truth-a/galaxies").toString()).collectAsList();
        assertEquals(GRID * GRID, gal.size());
        for (Row r : gal) {
            int n = r.getInt(r.fieldIndex("knots"));
            double f = r.getDouble(r.fieldIndex("knots_fraction"));
            assertTrue(n >= 10 && n <= 100 && f >= 0 && f < 0.5, "knots " + n + ", fraction " + f);
        }
    }

    private static SimSettings variable(int bandRows) {
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        Config c = StrictConfig.merge(ConfigFactory.parseMap(Map.of("branch.grid", GRID, "branch.shear-type", "variable",
                "great3-sim.band-rows", bandRows, "great3-sim.seed", 99)), defaults, "test");
        return SimSettings.from(c);
    }

    /**
     * A variable-shear branch of field 1 (subfields 20 and 21): IDs are field lattice positions, the truth
     * holds the field's reduced shear at those positions, the files do not depend on the bands or on which
     * subfields of the field are generated together, and a catalogue of the intrinsic shapes sheared by the
     * true shears scores GREAT3's maximum Q_v against the truth.
     */
    @Test
    void aVariableShearBranchPlacesAndShearsEachGalaxyOnItsFieldLattice() throws Exception {
        Path vb = tmp.resolve("variable");
        Path vt = tmp.resolve("variable-truth");
        Great3SimStep.run(spark, variable(2), new int[] {20, 21}, vb.toString(), vt.toString());
        ShearField field = VariableShearRecipe.great3().field(99, 1);
        List<ShearGalaxy> observed = new ArrayList<>();
        List<TruthApertureMass.SubfieldTruth> truths = new ArrayList<>();
        for (int s : new int[] {20, 21}) {
            assertTrue(!Files.exists(vt.resolve(BranchLayout.shearParamsYaml(s))), "no constant shear in the truth");
            assertTrue(!Files.exists(vt.resolve(BranchLayout.starShapeParamsYaml(s))), "no star shapes, as GREAT3");
            SubfieldOffset offset = SubfieldOffset.read(vb.resolve(BranchLayout.subfieldOffsetYaml(s)));
            assertEquals(offset, SubfieldOffset.read(vt.resolve(BranchLayout.subfieldOffsetYaml(s))));
            int kx = FieldLattice.offsetSteps(offset.offsetDegX());
            int ky = FieldLattice.offsetSteps(offset.offsetDegY());
            assertEquals(s == 20, kx == 0 && ky == 0, "the first subfield of a field is at the origin");
            GalaxyCatalog cat = GalaxyCatalog.read(vb.resolve(BranchLayout.galaxyCatalogFits(s)), GRID * GRID);
            TruthCatalog truth = TruthCatalog.read(vt.resolve(BranchLayout.galaxyCatalogFits(s)));
            truths.add(new TruthApertureMass.SubfieldTruth(offset, truth));
            try (Fits fits = new Fits(vt.resolve(BranchLayout.galaxyCatalogFits(s)).toFile())) {
                // GREAT3's truth catalogue names each row's galaxy: the branch catalogue's IDs, row for row.
                long[] truthIds = (long[]) FitsBinaryTables.firstTable(fits, "truth").getColumn(TruthCatalog.ID_COLUMN);
                for (int k = 0; k < GRID * GRID; k++) {
                    assertEquals(cat.id(k), truthIds[k], "truth ID of row " + k);
                }
            }
            List<Row> rows = spark.read().parquet(vt.resolve("galaxies").toString()).where(col("subfield").equalTo(s))
                    .orderBy("position").collectAsList();
            for (int k = 0; k < GRID * GRID; k++) {
                FieldLattice.Position p = FieldLattice.decode(cat.id(k));
                assertEquals(s, p.subfield());
                assertEquals(7 * (k % GRID) + kx, p.ix(), "x lattice index of galaxy " + k);
                assertEquals(7 * (k / GRID) + ky, p.iy(), "y lattice index of galaxy " + k);
                double[] g = field.reducedShear(p.ix(), p.iy());
                assertEquals(g[0], truth.g1()[k], 0.0);
                assertEquals(g[1], truth.g2()[k], 0.0);
                Row r = rows.get(k);
                assertEquals(cat.id(k), r.getLong(r.fieldIndex("id")));
                assertEquals(g[0], r.getDouble(r.fieldIndex("shear_g1")), 0.0);
                assertEquals(g[1], r.getDouble(r.fieldIndex("shear_g2")), 0.0);
                // a perfect shear estimate: the intrinsic shape sheared by the true shear, placed by its ID
                double[] e = TruthApertureMass.shear(truth.g1Intrinsic()[k], truth.g2Intrinsic()[k], g[0], g[1]);
                observed.add(new ShearGalaxy(p.ix(), p.iy(), e[0], e[1], 1.0));
            }
            double spread = Arrays.stream(truth.g1()).max().orElseThrow() - Arrays.stream(truth.g1()).min().orElseThrow();
            assertTrue(spread > 1e-3, "the shear varies over the subfield: g1 spread " + spread);
        }
        // Q_v needs 10 fields: the generated field stands for each of them, in the submission and the reference.
        LatticeShearCorrelator corr = LatticeShearCorrelator.great3();
        ApertureMass submitted = ApertureMass.of(corr.correlate(observed));
        ApertureMass reference = ApertureMass.of(corr.correlate(TruthApertureMass.galaxies(truths, GRID)));
        VariableShearMetric.Result q = VariableShearMetric.evaluate(
                VariableSubmission.of(Collections.nCopies(FieldLattice.FIELDS, submitted)),
                VariableSubmission.of(Collections.nCopies(FieldLattice.FIELDS, reference)), ObservationType.GROUND);
        assertEquals(2041.1, q.qv(), 0.05);

        // Other bands, and subfield 21 generated without 20: the same files.
        Path other = tmp.resolve("variable-b");
        Path otherTruth = tmp.resolve("variable-truth-b");
        Great3SimStep.run(spark, variable(5), new int[] {21}, other.toString(), otherTruth.toString());
        for (String f : List.of(BranchLayout.galaxyImage(21), BranchLayout.galaxyCatalogFits(21),
                BranchLayout.subfieldOffsetTxt(21))) {
            assertArrayEquals(Files.readAllBytes(vb.resolve(f)), Files.readAllBytes(other.resolve(f)), f);
        }
        String t = BranchLayout.galaxyCatalogFits(21);
        assertArrayEquals(Files.readAllBytes(vt.resolve(t)), Files.readAllBytes(otherTruth.resolve(t)), "truth " + t);
    }

    private static SimSettings knotted(SimSettings s) {
        BranchRecipe r = s.recipe();
        return new SimSettings(s.seed(), r.withPopulation(r.population().withKnots(KnotRecipe.starForming())), s.deep(),
                s.bandRows());
    }

    static RunSettings pipeline(int[] subfields, boolean force) {
        return pipeline(subfields, force, "work");
    }

    static RunSettings pipeline(int[] subfields, boolean force, String workdir) {
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        Config c = StrictConfig.merge(ConfigFactory.parseMap(Map.of("branch.dir", branch.toUri().toString(),
                "workdir", tmp.resolve(workdir).toUri().toString(), "branch.grid", GRID)), defaults, "test");
        return RunSettings.from(c, subfields, null, force);
    }

    @Test
    void trainingSimulationsUseTheSubfieldsStarsAndNoise() throws Exception {
        MeasureObsStep.run(spark, pipeline(new int[] {0, 1}, false));
        DatasetSpec small = new DatasetSpec("train-weight", Distribution.G3, ObservationType.GROUND, 10, 5, 1, 3, 2, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR);
        StepOutcome o = SimulateStep.run(spark, pipeline(new int[] {0, 1}, false), small, 5);
        assertEquals(Map.of(0, 60L, 1, 60L), o.rows());
        List<Row> rows = spark.read().parquet(tmp.resolve("work/sim/train-weight").toString())
                .where(col("subfield").equalTo(1)).collectAsList();
        double mad = rows.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("skymad"))).average().orElseThrow();
        double obsMad = spark.read().parquet(tmp.resolve("work/obs").toString()).where(col("subfield").equalTo(1))
                .agg(org.apache.spark.sql.functions.avg("skymad")).first().getDouble(0);
        assertEquals(obsMad, mad, 0.15 * obsMad, "simulated noise = observed sky MAD");
        assertEquals(3, rows.stream().mapToLong(r -> r.getLong(r.fieldIndex("case"))).distinct().count());
        // Other settings: refused without --force, replaced with it; never mixed.
        DatasetSpec other = new DatasetSpec("train-weight", Distribution.G3, ObservationType.GROUND, 10, 5, 1, 2, 2, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR);
        Assertions.assertThrows(IllegalStateException.class,
                () -> SimulateStep.run(spark, pipeline(new int[] {0, 1}, false), other, 5));
        StepOutcome forced = SimulateStep.run(spark, pipeline(new int[] {0, 1}, true), other, 5);
        assertEquals(Map.of(0, 40L, 1, 40L), forced.rows());
        assertEquals(80, spark.read().parquet(tmp.resolve("work/sim/train-weight").toString()).count());
    }

    @Test
    void simulationsDoNotDependOnTaskSlicesAndRerunsAreIdentical() throws Exception {
        MeasureObsStep.run(spark, pipeline(new int[] {0, 1}, false, "work-slices"));
        DatasetSpec spec = new DatasetSpec("valid-overall", Distribution.G3, ObservationType.GROUND, 6, 3, 2, 2, 2, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR);
        // One task per catalog (12 galaxies x 2 realizations), then one per galaxy, then a forced rerun.
        SimulateStep.run(spark, pipeline(new int[] {0, 1}, false, "work-slices"), spec, 7, 1000, false);
        List<Row> whole = simRows("work-slices");
        SimulateStep.run(spark, pipeline(new int[] {0, 1}, true, "work-slices"), spec, 7, 2, false);
        List<Row> sliced = simRows("work-slices");
        assertEquals(2 * 2 * 12 * 2, whole.size());
        assertSameRows(whole, sliced);
        SimulateStep.run(spark, pipeline(new int[] {1}, true, "work-slices"), spec, 7, 5, false);
        assertSameRows(whole, simRows("work-slices"));
        // Inspection images: one FITS grid per catalog slice and realization, nc = 3 stamps per row.
        SimulateStep.run(spark, pipeline(new int[] {1}, true, "work-slices"), spec, 7, 1000, true);
        assertSameRows(whole, simRows("work-slices"));
        Path img = Path.of(SimulateStep.imageFile(tmp.resolve("work-slices").toString(), "valid-overall", 1, 1, 0, 1)
                .toUri().getPath());
        FitsImageHeader h = FitsImageHeader.read(img);
        assertEquals(3 * 48, h.naxis1());
        assertEquals(4 * 48, h.naxis2());
    }

    @Test
    void bulgeDiskSimulationsRecordTheBulgeFraction() throws Exception {
        RunSettings s = pipeline(new int[] {0}, false, "work-bd");
        DatasetSpec spec = new DatasetSpec("train-shear", Distribution.TRAINBD, ObservationType.GROUND, 40, 10, 1, 1, 1, 0, false, false,
                DatasetSpec.Grouping.GALAXY);
        assertEquals(Map.of(0, 40L), SimulateStep.run(spark, s, spec, 3).rows());
        List<Row> rows = spark.read().parquet(tmp.resolve("work-bd/sim/train-shear").toString()).orderBy("galaxy")
                .collectAsList();
        List<SimGalaxy> truth = DatasetCatalogs.catalog(spec, 3, 0, 0, 9);
        int bulgeDisk = 0;
        for (int i = 0; i < truth.size(); i++) {
            Row r = rows.get(i);
            SimGalaxy g = truth.get(i);
            assertEquals(g.bulgeFraction(), r.getDouble(r.fieldIndex("tru_bt")), 0, "galaxy " + i);
            assertEquals(g.sersicN(), r.getDouble(r.fieldIndex("tru_n")), 0, "galaxy " + i);
            assertEquals(g.hlr(), r.getDouble(r.fieldIndex("tru_rad")), 0, "galaxy " + i);
            assertEquals(0, r.getInt(r.fieldIndex("flag")), "galaxy " + i);
            if (g.bulgeDisk()) {
                bulgeDisk++;
                assertTrue(Double.isNaN(r.getDouble(r.fieldIndex("tru_n"))), "galaxy " + i);
            }
        }
        assertTrue(bulgeDisk > 0 && bulgeDisk < truth.size(), bulgeDisk + " bulge+disk galaxies");
    }

    private static void assertSameRows(List<Row> expected, List<Row> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i);
        }
    }

    @Test
    void aMissingStarFieldOrMissingMeasurementsFailAlone() throws Exception {
        // A copy of the branch without subfield 1's star field.
        Path broken = tmp.resolve("branch-no-stars");
        Files.createDirectories(broken);
        try (var files = Files.list(branch)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, broken.resolve(f.getFileName()));
            }
        }
        Files.delete(broken.resolve(BranchLayout.starField(1)));
        Config defaults = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");
        Config c = StrictConfig.merge(ConfigFactory.parseMap(Map.of("branch.dir", broken.toUri().toString(),
                "workdir", tmp.resolve("work-broken").toUri().toString(), "branch.grid", GRID)), defaults, "test");
        RunSettings s = RunSettings.from(c, new int[] {0, 1}, null, false);
        DatasetSpec noiseless = new DatasetSpec("train-shear", Distribution.TRAIN, ObservationType.GROUND, 4, 2, 1, 1, 1, 0, false, false,
                DatasetSpec.Grouping.GALAXY);
        StepOutcome o = SimulateStep.run(spark, s, noiseless, 3);
        assertEquals(Map.of(0, 4L), o.rows());
        assertTrue(o.failed().get(1).contains(BranchLayout.starField(1)), o.failed().toString());
        // Noisy datasets need the subfield's measured noise: subfield 1 was never measured.
        MeasureObsStep.run(spark, RunSettings.from(c, new int[] {0}, null, false));
        DatasetSpec noisy = new DatasetSpec("train-weight", Distribution.G3, ObservationType.GROUND, 4, 2, 1, 1, 1, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR);
        StepOutcome n = SimulateStep.run(spark, s, noisy, 3);
        assertEquals(Map.of(0, 4L), n.rows());
        assertTrue(n.failed().get(1).contains("subfield 1") && n.failed().get(1).contains("measure-obs"),
                n.failed().toString());
    }

    @Test
    void aNoiselessSelectedDatasetCutsAgainstTheObservedNoiseWhateverTheSlices() throws Exception {
        MeasureObsStep.run(spark, pipeline(new int[] {1}, false, "work-sel"));
        // noiseless stamps, but GREAT3's S/N cut needs the subfield's noise level, taken from its observations
        DatasetSpec spec = new DatasetSpec("valid-overall", Distribution.TRAIN, ObservationType.GROUND, 6, 3, 2, 1, 2, 0, false, false,
                DatasetSpec.Grouping.GALAXY).withSelection(new SelectionRule(17, 100, 0.333));
        SimulateStep.run(spark, pipeline(new int[] {1}, false, "work-sel"), spec, 7, 1000, false);
        List<Row> whole = simRows("work-sel");
        assertEquals(6 * 2 * 2, whole.size());
        SimulateStep.run(spark, pipeline(new int[] {1}, true, "work-sel"), spec, 7, 2, false);
        assertSameRows(whole, simRows("work-sel"));
        // the cut binds: the same dataset without it draws other galaxies for some of the six
        SimulateStep.run(spark, pipeline(new int[] {1}, true, "work-sel"), spec.withSelection(null), 7, 1000, false);
        List<Row> unselected = simRows("work-sel");
        long differ = 0;
        for (int i = 0; i < whole.size(); i++) {
            differ += whole.get(i).getDouble(whole.get(i).fieldIndex("tru_rad"))
                    != unselected.get(i).getDouble(unselected.get(i).fieldIndex("tru_rad")) ? 1 : 0;
        }
        assertTrue(differ > 0, "every galaxy passed its first draw");
    }

    private static List<Row> simRows(String workdir) {
        return spark.read().parquet(tmp.resolve(workdir + "/sim/valid-overall").toString())
                .orderBy("subfield", "catalog", "galaxy", "copy", "image").collectAsList();
    }

    @Test
    void shearCommitteesLearnTheEllipticity() throws Exception {
        RunSettings s = pipeline(new int[] {1}, false, "work-learn");
        DatasetSpec ts = new DatasetSpec("train-shear", Distribution.TRAIN, ObservationType.GROUND, 200, 10, 2, 1, 1, 0, false, false,
                DatasetSpec.Grouping.GALAXY);
        SimulateStep.run(spark, s, ts, 3);
        StepOutcome o = LearnStep.run(spark, s, LearnStep.Kind.SHEAR);
        assertEquals(List.of(1), o.done(), o.failed().toString());
        Path shearSet = tmp.resolve("work-learn").resolve(CommitteeSet.shear(s.recipe()).path());
        Path file = shearSet.resolve("subfield=1/pre_s1.json");
        Committee committee = CommitteeIo.read(file);
        LongTable table = LongTables.read(
                new org.apache.hadoop.fs.Path(tmp.resolve("work-learn/sim/train-shear/subfield=1").toString()),
                new Configuration());
        CommitteePrediction p = committee.predict(table);
        // Self-prediction: the committee recovers the intrinsic ellipticity of noise-free stamps.
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        LongTable means = p.caseMeansTable();
        Map<Long, Double> trueG1 = new HashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            trueG1.put(table.caseId(r), table.value(r, "tru_g1"));
        }
        for (int r = 0; r < means.rowCount(); r++) {
            double x = trueG1.get(means.caseId(r));
            double y = means.value(r, "pre_s1_mean");
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        double corr = sxy / Math.sqrt(sxx * syy);
        assertTrue(corr > 0.95, "correlation of predicted and true g1: " + corr);
        assertTrue(Files.exists(shearSet.resolve("subfield=1/pre_s2.json")));
        assertEquals(List.of(1), LearnStep.run(spark, s, LearnStep.Kind.SHEAR).skipped());

        // Weights: point estimates on the weight-training set, then weight committees in (0, 1).
        MeasureObsStep.run(spark, s);
        DatasetSpec tw = new DatasetSpec("train-weight", Distribution.G3, ObservationType.GROUND, 20, 10, 1, 6, 4, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR);
        SimulateStep.run(spark, pipeline(new int[] {1}, true, "work-learn"), tw, 3);
        assertTrue(PredictForWeightsStep.run(spark, s).ok());
        LongTable pred = LongTables.read(new org.apache.hadoop.fs.Path(
                tmp.resolve("work-learn").resolve(PredictForWeightsStep.name(s.recipe())).resolve("subfield=1").toString()),
                new Configuration());
        assertTrue(pred.columns().contains("pre_s1") && pred.columns().contains("pre_s2"));
        StepOutcome w = LearnStep.run(spark, s, LearnStep.Kind.WEIGHT);
        assertEquals(List.of(1), w.done(), w.failed().toString());
        Committee wc = CommitteeIo.read(tmp.resolve("work-learn").resolve(CommitteeSet.weight(s.recipe()).path())
                .resolve("subfield=1/pre_s1w.json"));
        LongTable weights = Predictions.append(pred, wc);
        for (int r = 0; r < weights.rowCount(); r++) {
            double wv = weights.value(r, "pre_s1w");
            assertTrue(Double.isNaN(wv) || (wv > 0 && wv < 1), "weight " + wv);
        }

        // Observations: predictions for every measured galaxy, grouped into the subfield's shear.
        Config withTruth = StrictConfig.merge(ConfigFactory.parseMap(Map.of("workdir",
                tmp.resolve("work-learn").toUri().toString(), "branch.truth", truth.toUri().toString())),
                StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"), "test");
        RunSettings st = RunSettings.from(withTruth.withValue("branch.dir",
                ConfigValueFactory.fromAnyRef(branch.toUri().toString()))
                .withValue("branch.grid", ConfigValueFactory.fromAnyRef(GRID)), new int[] {1}, null, false);
        PredictionRun run = new PredictionRun(st.workdir(), "main", PredictionRun.Target.OBS);
        assertTrue(PredictStep.run(spark, st, run).ok());
        List<GroupedSubfield> grouped = GroupStep.run(spark, st, run).rows();
        assertEquals(1, grouped.size());
        GroupedSubfield g = grouped.get(0);
        assertEquals(GRID * GRID, g.galaxies());
        assertTrue(Math.abs(g.s1w()) < 0.2 && Math.abs(g.s2w()) < 0.2, g.toString());
        assertEquals(ShearParams.read(truth.resolve(BranchLayout.shearParamsYaml(1))).g1(), g.trueG1(), 0);
        assertEquals(grouped, GroupTable.read(new org.apache.hadoop.fs.Path(tmp.resolve("work-learn/results/main/group.csv")
                .toString()), new Configuration()));
    }

    @Test
    void generatedGalaxiesMeasureLikeGreat3() throws Exception {
        RunSettings s = pipeline(new int[] {0, 1, 200}, false);
        StepOutcome o = MeasureObsStep.run(spark, s);
        assertTrue(o.ok(), o.failed().toString());
        List<Row> rows = spark.read().parquet(tmp.resolve("work/obs").toString()).collectAsList();
        double[] sigma = rows.stream().filter(r -> !r.isNullAt(r.fieldIndex("adamom_sigma")))
                .mapToDouble(r -> r.getDouble(r.fieldIndex("adamom_sigma"))).sorted().toArray();
        // Matched-filter S/N of the measured Gaussian: F / (σ_sky sqrt(4π) σ), comparable to GREAT3's
        // optimal S/N cut of 17-100 (MegaLUT's own snr column adds a Poisson term and is smaller).
        double[] snr = rows.stream().filter(r -> !r.isNullAt(r.fieldIndex("adamom_sigma")))
                .mapToDouble(r -> r.getDouble(r.fieldIndex("adamom_flux")) / (r.getDouble(r.fieldIndex("skymad"))
                        * Math.sqrt(4 * Math.PI) * r.getDouble(r.fieldIndex("adamom_sigma")))).sorted().toArray();
        assertTrue(sigma.length >= 0.95 * rows.size(), "measured " + sigma.length + " of " + rows.size());
        // GREAT3 ground galaxies: adaptive sigma of a few pixels (PSF ~ 1.5-2 px), S/N of tens.
        double medSigma = sigma[sigma.length / 2];
        double medSnr = snr[snr.length / 2];
        assertTrue(medSigma > 1.5 && medSigma < 4.0, "median sigma " + medSigma);
        assertTrue(medSnr > 12 && medSnr < 100, "median S/N " + medSnr);
    }
}
