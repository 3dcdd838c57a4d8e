package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.eval.CaseMeans;
import org.megalut.eval.CaseTable;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ShearValidation;
import picocli.CommandLine;

/** {@code paired-validation} on two validation directories laid out as the validate steps write them. */
class PairedValidationCommandTest {

    @TempDir
    Path tmp;

    /** 50 cases per component; the weighted means (1 + dm) g + dc + common noise, the unweighted g + common noise. */
    static void write(Path dir, int subfield, double dm, double dc) throws Exception {
        Path sf = dir.resolve("subfield=" + subfield);
        Files.createDirectories(sf);
        List<ShearValidation.Result> results = new ArrayList<>();
        for (String k : List.of("g1", "g2")) {
            int n = 50;
            long[] ids = new long[n];
            double[] t = new double[n];
            double[] mean = new double[n];
            double[] wmean = new double[n];
            int[] count = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i;
                t[i] = 0.1 * Math.sin(3.1 * i + subfield);
                double noise = 2e-3 * Math.cos(17.3 * i * (subfield + 1));
                // A second-order term the straight line cannot follow keeps the fit's errors above zero.
                mean[i] = t[i] + noise;
                wmean[i] = (1 + dm) * t[i] + dc + noise + dm * 0.3 * t[i] * t[i];
                count[i] = 100;
            }
            CaseMeans m = new CaseMeans(ids, t, mean, wmean, count);
            results.add(new ShearValidation.Result(new ShearValidation.Component(k, "e", "w", "t"), m,
                    ShearBias.fit(t, mean), ShearBias.fit(t, wmean)));
        }
        try (OutputStream out = Files.newOutputStream(sf.resolve("cases.csv"))) {
            CaseTable.write(results, out);
        }
    }

    @Test
    void comparesCaseByCaseAndNamesAMissingTable() throws Exception {
        Path a = tmp.resolve("main/validate/weights");
        Path b = tmp.resolve("variant/validate/weights");
        for (int sf : new int[] {2, 5}) {
            write(a, sf, 0, 0);
            write(b, sf, 3e-3, 2e-5);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true));
        int code;
        int missing;
        try {
            CommandLine cl = Megalut.commandLine("paired-validation");
            cl.setErr(new PrintWriter(err));
            code = cl.execute("paired-validation", "--first", a.toUri().toString(), "--second", b.toUri().toString(),
                    "--json");
            Files.createDirectories(b.resolve("subfield=7"));
            CommandLine cl2 = Megalut.commandLine("paired-validation");
            cl2.setErr(new PrintWriter(err));
            missing = cl2.execute("paired-validation", "--first", a.toUri().toString(), "--second", b.toUri().toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString().substring(0, out.toString().lastIndexOf('}') + 1));
        assertEquals(2, j.get("subfields").asInt());
        JsonNode g1 = j.get("weighted").get("mean").get(0);
        assertEquals("g1", g1.get("component").asText());
        assertEquals(3e-3, g1.get("dm").asDouble(), 1e-4);
        assertEquals(0.0, j.get("unweighted").get("mean").get(0).get("dm").asDouble(), 0);
        assertEquals(4, j.get("weighted").get("subfields").size());
        assertTrue(missing != 0);
        assertTrue(err.toString().contains("subfield=7") && err.toString().contains("cases.csv"), err.toString());
    }
}
