package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.ObservationType;
import org.megalut.great3.ShearType;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarShapeParams;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.Distribution;
import org.megalut.spark.TestBranch;
import org.megalut.spark.TestSpark;
import org.megalut.spark.settings.CommitteeSettings;
import org.megalut.spark.settings.DatasetSettings;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.settings.SimSettings;
import org.megalut.testing.CsvTable;
import picocli.CommandLine;

class MegalutCliTest {

    @TempDir
    Path tmp;

    private record Run(int code, String err) { }

    private static Run run(String... args) {
        CommandLine cl = Megalut.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, err.toString());
    }

    @Test
    void everyStepHasHelp() {
        for (String cmd : List.of("measure-stars", "measure-obs", "check-psfs", "moments", "qc", "validate", "validate-weights")) {
            assertEquals(0, run(cmd, "--help").code(), cmd);
        }
    }

    @Test
    void unknownConfigKeyIsAnErrorListingValidKeys() throws Exception {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "measure.guess-sigmaa = 4\n");
        Run r = run("measure-obs", "--conf", conf.toString(), "--branch", tmp.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("measure.guess-sigmaa") && r.err().contains("measure.guess-sigma,"), r.err());
    }

    @Test
    void bulgeDiskConfIncludesCgcAndSwitchesTheDatasets() {
        Config c = confFile("cgc-bd.conf");
        Config cgc = confFile("cgc.conf");
        // cgc.conf's settings come through the include.
        assertEquals(100, c.getInt("branch.grid"));
        assertEquals(15.0, c.getDouble("measure.retry-guess-sigma"), 0);
        assertEquals(Distribution.TRAINBD, DatasetSettings.spec(c, "train-shear").distribution());
        for (String d : List.of("train-weight", "valid-shear", "valid-overall", "simobscompa", "mimic-great3")) {
            DatasetSpec spec = DatasetSettings.spec(c, d);
            assertEquals(Distribution.G3BD, spec.distribution(), d);
            // Only the distribution changes: the sizes are cgc.conf's, the defaults (docs/datasets.md, "Default datasets").
            assertEquals(DatasetSettings.spec(cgc, d).n(), spec.n(), d);
            assertEquals(DatasetSettings.spec(cgc, d).ncat(), spec.ncat(), d);
        }
    }

    @Test
    void megalutConfIsMegalutsRecipeExactly() {
        Config megalut = confFile("cgc-megalut.conf");
        for (String d : List.of("train-shear", "train-weight", "valid-shear", "valid-overall", "simobscompa", "mimic-great3")) {
            assertEquals(DatasetSpec.megalutDefault(d, ObservationType.GROUND), DatasetSettings.spec(megalut, d), d);
        }
        // Apart from the weight-training set's size it is cgc.conf, key for key.
        Config cgc = confFile("cgc.conf");
        assertEquals(1000, cgc.getInt("datasets.train-weight.n"));
        assertEquals(cgc.withoutPath("datasets.train-weight.n").root().unwrapped(),
                megalut.withoutPath("datasets.train-weight.n").root().unwrapped());
    }

    @Test
    void spaceConfSwitchesTheGeometryAndTheDistributions() {
        Config c = confFile("csc.conf");
        Config cgc = confFile("cgc.conf");
        RunSettings.Grid grid = RunSettings.Grid.from(c);
        assertEquals(ObservationType.SPACE, grid.obstype());
        assertEquals(96, grid.stampSize());
        assertEquals(0.05, SimSettings.from(c).recipe().geometry().pixelScale(), 0);
        for (String d : List.of("train-shear", "train-weight", "valid-overall", "mimic-great3")) {
            DatasetSpec spec = DatasetSettings.spec(c, d);
            DatasetSpec ground = DatasetSettings.spec(cgc, d);
            // cgc.conf's datasets, drawn for space.
            assertEquals(new DatasetSpec(d, ground.distribution(), ObservationType.SPACE, ground.n(), ground.nc(), ground.nrea(),
                    ground.ncat(), ground.snc(), ground.shear(), ground.shearPerCatalog(), ground.noise(), ground.grouping()),
                    spec, d);
        }
        // Measurements and simulations of a space branch are others than those of a ground one.
        assertNotEquals(grid.fingerprint(), new RunSettings.Grid(100, 48, 3, ObservationType.GROUND, ShearType.CONSTANT).fingerprint());
    }

    @Test
    void realGalaxyConfIsCgcWithTheShortWeightNetwork() {
        Config c = confFile("rgc.conf");
        assertEquals(100, c.getInt("branch.grid"));
        assertEquals(15.0, c.getDouble("measure.retry-guess-sigma"), 0);
        assertEquals("ml/sum55mass.conf", c.getString("learn.network"));
        // the shipped configuration is found in the jar and parses, with sum33wmassshort's 5 loops
        CommitteeSettings weights = CommitteeSettings.from(c, "learn-weights");
        assertEquals(2, weights.configs().size());
        assertEquals(5, weights.configs().get(0).training().mbloops());
        assertEquals(List.of("pre_s2"), weights.configs().get(1).data().aux());
    }

    @Test
    void badSubfieldSelectionIsReported() {
        Run r = run("measure-obs", "--branch", tmp.toString(), "--subfields", "0-3,x");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("0-3,x"), r.err());
    }

    @Test
    void measuresABranchFromTheCommandLine() throws Exception {
        TestSpark.get();
        Path branch = tmp.resolve("branch");
        TestBranch.write(branch, tmp.resolve("truth"), 2, 5, 6);
        Path conf = tmp.resolve("small.conf");
        Files.writeString(conf, "branch.grid = 2\nmeasure.band-rows = 1\n");
        Path work = tmp.resolve("work");
        String[] common = {"--conf", conf.toString(), "--branch", branch.toString(), "--workdir", work.toString(),
            "--subfields", "5-6"};
        assertEquals(0, run(concat("measure-stars", common)).code());
        assertEquals(0, run(concat("measure-obs", common)).code());
        assertEquals(0, run(concat("check-psfs", common)).code());
        List<Row> obs = TestSpark.get().read().parquet(work.resolve("obs").toString()).collectAsList();
        assertEquals(8, obs.size());
        assertEquals(2, Files.readAllLines(work.resolve("psfs.csv")).size() - 1);
        // A selected subfield the branch lacks is refused before Spark starts, in one line naming its files.
        Run r = run(concat("measure-obs", "--conf", conf.toString(), "--branch", branch.toString(),
                "--workdir", work.toString(), "--subfields", "5-7"));
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("lacks 1 of the 3 selected subfields (7)") && r.err().contains("image-007-0.fits"),
                r.err());
        // Epochs after 0 are said to be unused, not silently ignored.
        Files.copy(branch.resolve("image-006-0.fits"), branch.resolve("image-006-1.fits"));
        Files.copy(branch.resolve("image-006-0.fits"), branch.resolve("image-006-2.fits"));
        var out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out));
        try {
            assertEquals(0, run(concat("measure-obs", common)).code());
        } finally {
            System.setOut(old);
        }
        assertTrue(out.toString().contains("is a multi-epoch branch (1 of the 2 selected subfields have up to 3 epochs,"
                + " e.g. image-006-1.fits); as MegaLUT, the pipeline measures epoch 0 only"), out.toString());
    }

    @Test
    void great3SimGeneratesTheConfiguredSubfieldsLikeEveryOtherCommand() throws Exception {
        TestSpark.get();
        Path conf = tmp.resolve("sim.conf");
        Files.writeString(conf, "branch.subfields = \"2-3\"\nbranch.grid = 4\n");
        Path branch = tmp.resolve("gen");
        assertEquals(0, run("great3-sim", "--conf", conf.toString(), "--out", branch.toString(), "--truth-out",
                tmp.resolve("gen-truth").toString()).code());
        try (var files = Files.list(branch)) {
            assertEquals(List.of("image-002-0.fits", "image-003-0.fits"), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("image-")).sorted().toList());
        }
    }

    @Test
    void momentsCommandTilesA2dImageAndReportsFitsCoordinates() throws Exception {
        Path branch = tmp.resolve("b2");
        TestBranch.write(branch, tmp.resolve("t2"), 2, 3);
        Path out = tmp.resolve("tiles.csv");
        Path image = branch.resolve(BranchLayout.galaxyImage(3));
        assertEquals(0, run("moments", image.toString(), "--out", out.toString()).code());
        CsvTable got = CsvTable.read(out);
        assertEquals(4, got.size());
        // Tile 3 is the upper-right stamp: its centroid is near 1-based (48 + 24.5, 48 + 24.5).
        assertEquals(72.5, got.getDouble(3, "moments_centroid_x"), 1.5);
        assertEquals(72.5, got.getDouble(3, "moments_centroid_y"), 1.5);
        Run bad = run("moments", image.toString(), "--out", out.toString(), "--stamp-size", "50");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("50"), bad.err());
    }

    @Test
    void qcScoresTheWorkedExample() throws Exception {
        // GREAT3's worked example: 4 subfields, Q_c(ground) = 407.84.
        double[][] truth = {{0.030, -0.020}, {-0.010, 0.040}, {0.020, 0.025}, {-0.035, -0.010}};
        double[][] psf = {{0.010, 0.010}, {-0.020, 0}, {0, -0.015}, {0.012, -0.005}};
        Path dir = tmp.resolve("truth");
        Files.createDirectories(dir);
        for (int s = 0; s < 4; s++) {
            new ShearParams(truth[s][0], truth[s][1])
                    .write(dir.resolve(BranchLayout.shearParamsYaml(s)));
            new StarShapeParams(psf[s][0], psf[s][1], s, 0)
                    .write(dir.resolve(BranchLayout.starShapeParamsTxt(s)));
        }
        Path sub = tmp.resolve("submission.txt");
        Files.writeString(sub, "0 0.03013713 -0.01975429\n1 -0.0103 0.0399\n2 0.0198 0.02505\n3 -0.03507293 -0.00995503\n");
        var out = new ByteArrayOutputStream();
        var old = System.out;
        System.setOut(new PrintStream(out));
        try {
            assertEquals(0, run("qc", "--submission", sub.toString(), "--truth", dir.toString(), "--subfields", "0-3").code());
        } finally {
            System.setOut(old);
        }
        assertTrue(out.toString().contains("Q_c (ground) = 407.84"), out.toString());
        // The same numbers as JSON, for scripts.
        var json = new ByteArrayOutputStream();
        System.setOut(new PrintStream(json));
        try {
            assertEquals(0, run("qc", "--submission", sub.toString(), "--truth", dir.toString(), "--subfields", "0-3",
                    "--json", "--obstype", "space").code());
        } finally {
            System.setOut(old);
        }
        JsonNode node = new ObjectMapper().readTree(json.toString());
        assertEquals("space", node.get("obstype").asText());
        assertEquals(4, node.get("subfields").asInt());
        assertTrue(node.get("qc").asDouble() > 407.84, "space sigma^2_min is smaller: " + node);
        assertTrue(node.has("m_plus_err") && node.has("c_cross"), node.toString());
        // The default requires the 200 GREAT3 rows and says what is missing.
        Run r = run("qc", "--submission", sub.toString(), "--truth", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("submission.txt"), r.err());
    }

    private static String[] concat(String first, String... rest) {
        String[] a = new String[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }

    /** A file of conf/ over the defaults, as --conf loads it. */
    private static Config confFile(String name) {
        ConfigOptions o = new ConfigOptions();
        o.conf = Path.of("..", "conf", name).toFile();
        return o.config();
    }
}
