package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.great3.BranchLayout;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.WorkdirLock;

/**
 * Bad input costs only its own subfield: the others reach group, evaluate, mimic and the report, the
 * failed ones are listed with their reasons, and a rerun after the fix redoes only them. Inputs and the
 * work directory are checked before Spark starts; a work directory serves one command at a time.
 */
class FailureIsolationTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @Test
    void badSubfieldsFailAloneAndARerunAfterTheFixRedoesOnlyThem() throws Exception {
        Path truth = tmp.resolve("truth");
        Path branch = tmp.resolve("branch");
        TinyPipeline.branch(branch, truth, 12, 0, 1, 2, 3, 4, 5);
        Path backup = tmp.resolve("backup");
        Files.createDirectories(backup);
        List<String> damaged = List.of(BranchLayout.galaxyImage(1), BranchLayout.galaxyCatalogFits(2),
                BranchLayout.galaxyCatalogTxt(2), BranchLayout.galaxyCatalogFits(3), BranchLayout.galaxyCatalogTxt(3));
        for (String f : damaged) {
            Files.copy(branch.resolve(f), backup.resolve(f));
        }
        // The probe's bad inputs: a truncated FITS image, a garbage catalogue line, a NaN catalogue line.
        byte[] image = Files.readAllBytes(branch.resolve(BranchLayout.galaxyImage(1)));
        Files.write(branch.resolve(BranchLayout.galaxyImage(1)), Arrays.copyOf(image, image.length / 2));
        Files.delete(branch.resolve(BranchLayout.galaxyCatalogFits(2)));
        Files.delete(branch.resolve(BranchLayout.galaxyCatalogFits(3)));
        replaceDataLine(branch.resolve(BranchLayout.galaxyCatalogTxt(2)), "garbage on this line");
        replaceDataLine(branch.resolve(BranchLayout.galaxyCatalogTxt(3)), "nan nan nan");

        Path conf = TinyPipeline.config(tmp, branch, truth, "0-5");
        Path work = tmp.resolve("work");
        String[] run = {"run", "--conf", conf.toString(), "--workdir", work.toString()};
        assertEquals(ExitCodes.SOME_FAILED, Megalut.commandLine().execute(run));

        for (String r : List.of("results/main", "mimic/main")) {
            List<String> group = Files.readAllLines(work.resolve(r + "/group.csv"));
            assertEquals(List.of("0", "4", "5"), group.subList(1, group.size()).stream().map(l -> l.split(",")[0]).toList(), r);
            String failed = Files.readString(work.resolve(r + "/failed.csv"));
            assertTrue(failed.contains("1,\"") && failed.contains(BranchLayout.galaxyImage(1)), failed);
            assertTrue(failed.contains("2,\"") && failed.contains(BranchLayout.galaxyCatalogTxt(2)), failed);
            assertTrue(failed.contains("3,\"") && failed.contains(BranchLayout.galaxyCatalogTxt(3)), failed);
            JsonNode metrics = new ObjectMapper().readTree(work.resolve(r + "/metrics.json").toFile());
            assertEquals(3, metrics.get("failed_subfields").size(), r);
            assertTrue(Files.readString(work.resolve(r + "/report/index.html")).contains("failed subfield"), r);
        }
        assertFalse(Files.exists(work.resolve(WorkdirLock.NAME)), "the lock is released");

        for (String f : damaged) {
            Files.copy(backup.resolve(f), branch.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path kept = TinyPipeline.set(work, WorkdirLayout.SHEAR_COMMITTEES).resolve("subfield=0/pre_s1.json");
        Path measured = work.resolve("_state/obs/000.done");
        FileTime before = Files.getLastModifiedTime(kept);
        FileTime measuredBefore = Files.getLastModifiedTime(measured);
        // Settings that only cut the work into tasks or threads must not make anything count as changed.
        Files.writeString(conf, Files.readString(conf).replace("measure.band-rows = 3", "measure.band-rows = 2")
                + "simulate.stamps-per-task = 7\nspark.shuffle-partitions = 3\n");
        for (String net : List.of("shear-net.conf", "weight-net.conf")) {
            Files.writeString(tmp.resolve(net), Files.readString(tmp.resolve(net)) + "\n# threads only spread the members\n"
                    + "training.threads = 2\n");
        }
        assertEquals(0, Megalut.commandLine().execute(ChildJvm.args(run, "--master", "local[1]")));
        assertEquals(before, Files.getLastModifiedTime(kept), "a subfield that succeeded is not redone");
        assertEquals(measuredBefore, Files.getLastModifiedTime(measured), "nor re-measured");
        List<String> group = Files.readAllLines(work.resolve("results/main/group.csv"));
        assertEquals(7, group.size(), "all six subfields grouped: " + group);
        assertEquals(List.of("subfield,reason"), Files.readAllLines(work.resolve("results/main/failed.csv")));
        assertEquals(0, new ObjectMapper().readTree(work.resolve("results/main/metrics.json").toFile())
                .get("failed_subfields").size());

        // A changed setting redoes exactly what depends on it: the weight networks (a new set beside the
        // old one, which is kept as it is) and what reads them.
        Path oldWeights = TinyPipeline.set(work, WorkdirLayout.WEIGHT_COMMITTEES);
        Path weights = oldWeights.resolve("subfield=4/pre_s1w.json");
        Path predictions = work.resolve("results/main/predictions/subfield=4/predictions.parquet");
        FileTime weightsBefore = Files.getLastModifiedTime(weights);
        FileTime predictionsBefore = Files.getLastModifiedTime(predictions);
        Files.writeString(tmp.resolve("weight-net.conf"), Files.readString(tmp.resolve("weight-net.conf"))
                + "training.maxiter = 16\n");
        assertEquals(0, Megalut.commandLine().execute(run));
        assertEquals(before, Files.getLastModifiedTime(kept), "the shear committees do not depend on it");
        assertEquals(measuredBefore, Files.getLastModifiedTime(measured), "nor do the measurements");
        assertEquals(weightsBefore, Files.getLastModifiedTime(weights), "the old weight set is not overwritten");
        List<Path> weightSets = TinyPipeline.sets(work, WorkdirLayout.WEIGHT_COMMITTEES);
        assertEquals(2, weightSets.size(), weightSets.toString());
        weightSets.remove(oldWeights);
        assertTrue(Files.isRegularFile(weightSets.get(0).resolve("subfield=4/pre_s1w.json")), "the new set is trained");
        assertTrue(Files.getLastModifiedTime(predictions).compareTo(predictionsBefore) > 0, "and the predictions redone");
        String sets = Files.readString(work.resolve("results/main/committees.json"));
        assertTrue(sets.contains(weightSets.get(0).getFileName().toString()), "the run records the new set: " + sets);
    }

    /** Replaces the first line that is not a comment. */
    private static void replaceDataLine(Path file, String line) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#")) {
                lines.set(i, line);
                break;
            }
        }
        Files.write(file, lines);
    }

    @Test
    void wrongInputsAndWorkdirsAreOneLineBeforeSparkStarts() throws Exception {
        Path truth = tmp.resolve("truth");
        Path branch = tmp.resolve("branch");
        TinyPipeline.branch(branch, truth, 12, 0, 1);
        Files.delete(branch.resolve(BranchLayout.starField(1)));
        Path conf = TinyPipeline.config(tmp, branch, truth, "0-1");
        Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(tmp.resolve("a-file"), "x");
        String work = tmp.resolve("work").toString();
        assertError(List.of("does not exist"), "run", "--conf", conf.toString(), "--branch",
                tmp.resolve("nowhere").toString(), "--workdir", work);
        assertError(List.of("lacks 2 of the 2", "the directory is empty"), "measure-obs", "--conf", conf.toString(),
                "--branch", tmp.resolve("empty").toString(), "--workdir", work);
        assertError(List.of("lacks 1 of the 2", "(1)", BranchLayout.starField(1)), "run", "--conf", conf.toString(),
                "--workdir", work);
        assertError(List.of("cannot be written"), "run", "--conf", conf.toString(), "--subfields", "0",
                "--workdir", tmp.resolve("a-file/work").toString());
        Path wrongGrid = tmp.resolve("wrong-grid.conf");
        Files.writeString(wrongGrid, Files.readString(conf).replace("grid = 6", "grid = 5"));
        assertError(List.of("288x288 pixels", "set branch.grid = 6"), "run", "--conf", wrongGrid.toString(),
                "--subfields", "0", "--workdir", work);
        Path spaceStamps = tmp.resolve("space-48.conf");
        Files.writeString(spaceStamps, Files.readString(conf) + "\nbranch.obstype = space\n");
        assertError(List.of("branch.stamp-size = 48 does not fit branch.obstype = space", "set branch.obstype = ground"),
                "run", "--conf", spaceStamps.toString(), "--subfields", "0", "--workdir", work);
        // 3 × 96 px = 6 × 48 px: the image has the size of a space branch but a ground pixel scale.
        Path spaceScale = tmp.resolve("space-96.conf");
        Files.writeString(spaceScale, Files.readString(conf).replace("grid = 6", "grid = 3")
                + "\nbranch { obstype = space, stamp-size = 96 }\n");
        assertError(List.of("GS_SCALE = 0.2", "branch.obstype = space expects 0.05", "set branch.obstype = ground"),
                "run", "--conf", spaceScale.toString(), "--subfields", "0", "--workdir", work);
    }

    private static void assertError(List<String> expected, String... args) {
        StringWriter err = new StringWriter();
        var cl = Megalut.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.BAD_INPUT, cl.execute(args), err.toString());
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), "one line: " + text);
        for (String e : expected) {
            assertTrue(text.contains(e), "'" + e + "' in: " + text);
        }
    }

    @Test
    void aWorkdirServesOneCommandAtATimeAndLeftoversOfKilledWritesGo() throws Exception {
        Path work = tmp.resolve("work");
        var conf = new Configuration();
        Path staging = work.resolve("obs/.spark-staging-42/subfield=0/part-0.parquet");
        Path temporary = work.resolve("sim/train-shear/_temporary/0/part-1.parquet");
        Path hidden = work.resolve("committees/shear/train-shear/ada4g1_sum55mass-0123abcd/subfield=0/.pre_s1.json.tmp");
        Path kept = hidden.resolveSibling("pre_s1.json");
        for (Path p : List.of(staging, temporary, hidden, kept)) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        try (WorkdirLock first = WorkdirLock.acquire(work.toUri().toString(), conf, "run")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> WorkdirLock.acquire(work.toUri().toString(), conf, "run"));
            assertTrue(e.getMessage().contains("is in use by 'run' (process " + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(Files.exists(work.resolve("obs/.spark-staging-42")));
            assertFalse(Files.exists(work.resolve("sim/train-shear/_temporary")));
            assertFalse(Files.exists(hidden));
            assertTrue(Files.exists(kept));
        }
        // A lock left by a process that is gone (a killed run) is replaced.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = InetAddress.getLocalHost().getHostName();
        Files.writeString(work.resolve(WorkdirLock.NAME), "{\"host\":\"" + host + "\",\"pid\":" + gone.pid()
                + ",\"command\":\"run\",\"started\":\"2026-01-01T00:00:00Z\"}");
        try (WorkdirLock again = WorkdirLock.acquire(work.toUri().toString(), conf, "run")) {
            assertTrue(Files.readString(work.resolve(WorkdirLock.NAME)).contains("\"pid\":" + ProcessHandle.current().pid()));
        }
        assertFalse(Files.exists(work.resolve(WorkdirLock.NAME)));
    }
}
