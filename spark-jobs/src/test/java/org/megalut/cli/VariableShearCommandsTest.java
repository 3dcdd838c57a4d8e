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
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.VariableSubmission;
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
}
