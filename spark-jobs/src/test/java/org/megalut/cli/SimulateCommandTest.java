package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulate NAME} takes any configured dataset and names the configured ones otherwise. */
class SimulateCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = Megalut.commandLine(args[0]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheShippedDatasets() {
        Run r = run("simulate", "--help");
        assertEquals(0, r.code());
        String text = r.out().replaceAll("\\s+", " ");
        for (String name : new String[] {"train-shear", "mimic-great3", "tw-100c-10000r", "sersicG3subfield_nosnc"}) {
            assertTrue(text.contains(name), text);
        }
        assertFalse(text.contains("DATASET_NAMES"), text);
    }

    @Test
    void anUnknownNameIsRefusedBeforeAnyWorkListingTheConfiguredOnesAndAUserDefinedOneIsTaken() throws Exception {
        Path conf = tmp.resolve("user.conf");
        Files.writeString(conf, "datasets.my-set { base = train-shear, nrea = 2 }\n");
        Path branch = tmp.resolve("no-branch");
        Run r = run("simulate", "my-sett", "--conf", conf.toString(), "--branch", branch.toString(),
                "--workdir", tmp.resolve("work").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("unknown dataset 'my-sett'; configured datasets: [")
                && r.err().contains(" my-set, "), r.err());
        // the configured name passes that check and the command goes on to the branch, which is missing here
        r = run("simulate", "my-set", "--conf", conf.toString(), "--branch", branch.toString(),
                "--workdir", tmp.resolve("work").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertFalse(r.err().contains("dataset"), r.err());
        assertTrue(r.err().contains("no-branch"), r.err());
    }
}
