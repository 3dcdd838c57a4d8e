package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.eval.GroupedSubfield;
import org.megalut.spark.io.GroupTable;
import picocli.CommandLine;

/** {@code paired-bias} on two group tables written as the pipeline writes them. */
class PairedBiasCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printsTheBiasDifferenceAndRefusesAnotherBranch() throws Exception {
        List<GroupedSubfield> a = new ArrayList<>();
        List<GroupedSubfield> b = new ArrayList<>();
        List<GroupedSubfield> other = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            double t1 = 0.01 * (s - 2);
            double t2 = 0.007 * (2 - s) + 0.001;
            double noise = 1e-3 * Math.sin(7 * s);
            a.add(new GroupedSubfield(s, 10, 10, t1, t2, t1 + noise, t2 - noise, t1, t2, 0, 0, 0, 0, 2));
            b.add(new GroupedSubfield(s, 10, 10, t1, t2, 1.02 * t1 + noise, t2 - noise - 3e-4, t1, t2, 0, 0, 0, 0, 2));
            other.add(new GroupedSubfield(s, 10, 10, t1, t2, t1, t2, t1 + 0.001, t2, 0, 0, 0, 0, 2));
        }
        Configuration conf = new Configuration();
        String[] csv = new String[3];
        List<List<GroupedSubfield>> tables = List.of(a, b, other);
        for (int i = 0; i < 3; i++) {
            csv[i] = tmp.resolve("group" + i + ".csv").toUri().toString();
            GroupTable.write(tables.get(i), new org.apache.hadoop.fs.Path(csv[i]), conf);
        }
        StringWriter err = new StringWriter();
        CommandLine cl = Megalut.commandLine("paired-bias");
        cl.setErr(new PrintWriter(err));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out));
        int code;
        int refused;
        try {
            code = cl.execute("paired-bias", "--first", csv[0], "--second", csv[1], "--json");
            refused = Megalut.commandLine("paired-bias").execute("paired-bias", "--first", csv[0], "--second", csv[2]);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(5, j.get("subfields").asInt());
        assertEquals(0.02, j.get("weighted").get("dm1").asDouble(), 1e-12);
        assertEquals(-3e-4, j.get("weighted").get("dc2").asDouble(), 1e-14);
        assertEquals(0.0, j.get("unweighted").get("dm1").asDouble(), 1e-12);
        assertTrue(refused != 0, "another branch's truth is refused");
    }
}
