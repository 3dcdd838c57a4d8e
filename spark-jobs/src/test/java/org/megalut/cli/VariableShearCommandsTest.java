package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.ShearCatalog;
import org.megalut.eval.variable.TruthApertureMass;
import org.megalut.eval.variable.TruthCatalog;
import org.megalut.eval.variable.VariableSubmission;
import org.megalut.great3.SubfieldOffset;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.io.LongTables;
import picocli.CommandLine;

class VariableShearCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = Megalut.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out));
        try {
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    /** Four galaxies per field, in two catalogue files; one failure. */
    private Path[] catalogues() throws Exception {
        StringBuilder a = new StringBuilder("# ID g1 g2\n");
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < 10; f++) {
            int sub = 20 * f;
            a.append(String.format(Locale.ROOT, "%d 0.05 %f%n", FieldLattice.encode(sub, 0, 0), 0.01 * f));
            a.append(String.format(Locale.ROOT, "%d -0.02 0.03%n", FieldLattice.encode(sub + 3, 14, 3)));
            b.append(String.format(Locale.ROOT, "%d 0.04 -0.01%n", FieldLattice.encode(sub + 5, 30, 40)));
            b.append(String.format(Locale.ROOT, "%d %s 0.0%n", FieldLattice.encode(sub + 5, 31, 40),
                    f == 4 ? "-99" : "0.01"));
        }
        b.append(String.format(Locale.ROOT, "%d 10 10%n", FieldLattice.encode(7, 300, 300)));
        Path pa = tmp.resolve("cat-a.txt");
        Path pb = tmp.resolve("cat-b.txt");
        Files.writeString(pa, a);
        Files.writeString(pb, b);
        return new Path[] {pa, pb};
    }

    @Test
    void presubmissionThenQvOfItselfScoresTheMaximum() throws Exception {
        Path[] cats = catalogues();
        Path out = tmp.resolve("submission.txt");
        Run pre = run("presubmission", "--catalog", cats[0].toString(), cats[1].toString(), "--out", out.toString(),
                "--partial");
        assertEquals(0, pre.code(), pre.err());
        assertTrue(pre.out().contains("41 galaxies in 10 fields"), pre.out());
        VariableSubmission sub = VariableSubmission.read(out);
        assertEquals(150, sub.rows());
        assertEquals(0.0246, sub.theta()[0], 5e-5);

        Run qv = run("qv", "--submission", out.toString(), "--truth", out.toString());
        assertEquals(0, qv.code(), qv.err());
        assertTrue(qv.out().contains("Q_v (ground) = 2041.11"), qv.out());

        Run json = run("qv", "--submission", out.toString(), "--truth", out.toString(), "--obstype", "space", "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertEquals(4592.5, node.get("qv").asDouble(), 1e-9);
        assertEquals(10, node.get("mean_diff").size());
        assertEquals(0.0853, node.get("theta").get(0).asDouble(), 0.0);
    }

    @Test
    void greatThreeCountsAndMismatchesAreBadInput() throws Exception {
        Path[] cats = catalogues();
        Path out = tmp.resolve("submission.txt");
        Run counts = run("presubmission", "--catalog", cats[0].toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, counts.code());
        assertTrue(counts.err().contains("subfield 0 has 1 galaxies, expected 10000"), counts.err());

        assertEquals(0, run("presubmission", "--catalog", cats[0].toString(), "--out", out.toString(), "--partial")
                .code());
        Path truncated = tmp.resolve("truth.txt");
        List<String> lines = Files.readAllLines(out);
        Files.write(truncated, lines.subList(0, 149));
        Run qv = run("qv", "--submission", out.toString(), "--truth", truncated.toString());
        assertEquals(ExitCodes.BAD_INPUT, qv.code());
        assertTrue(qv.err().contains("reference has 149 rows, expected 150"), qv.err());

        Run noTruth = run("qv", "--submission", out.toString(), "--truth", tmp.resolve("nothing").toString());
        assertEquals(ExitCodes.BAD_INPUT, noTruth.code());
    }

    /**
     * A variable-shear run from the predictions on: no branch needed (the skipped simulate-mimic reads none),
     * the truth's observed shears as predictions score the maximum; a constant setting on the same truth is
     * bad input naming the file and the key.
     */
    @Test
    void runOnAVariableBranchFromThePredictionsAndTheShearTypeCheck() throws Exception {
        int grid = 2;
        Path truth = Files.createDirectories(tmp.resolve("truth"));
        Path work = tmp.resolve("work");
        PredictionRun obs = new PredictionRun(work.toUri().toString(), "main", PredictionRun.Target.OBS);
        for (int s = 0; s < 20; s++) {
            double[] g1 = {0.01 * s, -0.02, 0.03, 0.04};
            double[] g2 = {0.02, 0.01 * s, -0.01, 0.0};
            double[] e = {0.1, -0.2, 0.05, 0.3};
            TruthCatalog cat = new TruthCatalog(g1, g2, e, e);
            SubfieldOffset off = new SubfieldOffset((s % 7) * 0.1 / 7, (s / 7) * 0.1 / 7);
            cat.write(truth.resolve(TruthApertureMass.catalogName(s)));
            off.write(truth.resolve(TruthApertureMass.offsetName(s)));
            ShearCatalog t = TruthApertureMass.catalog(s, new TruthApertureMass.SubfieldTruth(off, cat), grid);
            LongTable.Builder b = LongTable.builder(List.of("pre_s1", "pre_s2", "pre_s1w", "pre_s2w"));
            for (int i = 0; i < t.size(); i++) {
                b.add(t.id()[i], 0, t.g1()[i], t.g2()[i], 1.0, 1.0);
            }
            LongTables.write(b.build(), obs.predictions(s), new Configuration());
        }
        Path conf = tmp.resolve("cgv.conf");
        Files.writeString(conf, "branch.grid = 2\nbranch.shear-type = variable\n");
        String[] common = {"--workdir", work.toUri().toString(), "--truth", truth.toString(), "--subfields", "0-19",
            "--master", "local[2]"};
        Run r = run(concat(new String[] {"run", "--conf", conf.toString(), "--from", "shear-catalog"}, common));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("mimic                  skipped (a constant-shear step; branch.shear-type = variable)"),
                r.out());
        assertTrue(r.out().contains("Q_v (ground) = 2041.1"), r.out());
        assertTrue(Files.isRegularFile(work.resolve("results/main/report/index.html")));

        Files.writeString(conf, "branch.grid = 2\n");
        Run constant = run(concat(new String[] {"evaluate", "--conf", conf.toString()}, common));
        assertEquals(ExitCodes.BAD_INPUT, constant.code(), constant.out());
        assertTrue(constant.err().contains("galaxy_catalog-000.fits: columns g1, g2 vary from galaxy to galaxy: a"
                + " variable-shear truth, but branch.shear-type = constant; set branch.shear-type = variable"),
                constant.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
