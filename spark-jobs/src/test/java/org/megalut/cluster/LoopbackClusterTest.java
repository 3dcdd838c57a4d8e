package org.megalut.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.cli.ChildJvm;
import org.megalut.cli.Megalut;
import org.megalut.cli.TinyPipeline;
import org.megalut.spark.ApplicationJars;
import org.megalut.spark.TestSpark;
import org.megalut.spark.io.OutputComparison;
import org.megalut.spark.pipeline.Pipeline;

/**
 * The pipeline on a real Spark standalone cluster on loopback (one Master, two Workers of one core,
 * each a separate JVM started from this build's Spark jars, as {@code submit/local-cluster} does)
 * produces exactly the outputs of a {@code local[2]} run, also when a worker is killed with SIGKILL
 * while a step's tasks run.
 *
 * <p>The daemons and executors get only the Spark part of the test classpath: our classes and the
 * bundled libraries reach the executors through {@code spark.jars}, which {@code SparkSessions} fills
 * from the classes directories of the build (packed on the fly), so no {@code mvn package} is
 * needed. Every process started here is stopped by its handle in {@link #stopCluster()}, also when a
 * test or the set-up fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoopbackClusterTest {
    /** Generous bounds for one tiny run on a loaded 2-core machine; a hung run fails instead of hanging CI. */
    private static final long RUN_TIMEOUT_S = 240;
    private static final long START_TIMEOUT_S = 90;
    private static final Pattern RUNNING = Pattern.compile("Running task .* \\(TID (\\d+)\\)");
    private static final Pattern FINISHED = Pattern.compile("Finished task .* \\(TID (\\d+)\\)");

    /** Kept when a test fails, with the daemons', executors' and drivers' logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;

    /** Every process this class started (daemons, then drivers), stopped in reverse order. */
    private static final List<Process> started = new ArrayList<>();
    private static final List<ProcessHandle> executors = new ArrayList<>();
    private static Process master;
    private static final List<Process> workers = new ArrayList<>();
    private static String masterUrl;
    private static Path conf;
    private static Path reference;

    @BeforeAll
    static void startClusterAndReference() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(LoopbackClusterTest::stopCluster));
        Path home = Files.createDirectories(tmp.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        master = daemon("master", home, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0");
        for (int i = 1; i <= 2; i++) {
            Path work = Files.createDirectories(tmp.resolve("worker-" + i));
            workers.add(daemon("worker-" + i, home, "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", "0",
                    "--work-dir", work.toString(), masterUrl));
        }

        // While the daemons start: the tiny branch and its local[2] run, in this JVM.
        Path branch = tmp.resolve("branch");
        Path truth = tmp.resolve("truth");
        TinyPipeline.branch(branch, truth, 7, 0, 1);
        conf = TinyPipeline.config(tmp, branch, truth, "0-1");
        reference = tmp.resolve("local");
        long t0 = System.nanoTime();
        assertEquals(0, Megalut.commandLine().execute("run", "--conf", conf.toString(), "--workdir", reference.toString()));
        System.out.printf("local[2] run: %.1f s%n", (System.nanoTime() - t0) * 1e-9);

        awaitLog(tmp.resolve("master.log"), "I have been elected leader", master);
        for (int i = 0; i < workers.size(); i++) {
            awaitLog(tmp.resolve("worker-" + (i + 1) + ".log"), "Successfully registered with master", workers.get(i));
        }
    }

    @Test
    @Order(1)
    void aClusterRunEqualsTheLocalRun() throws Exception {
        Path out = tmp.resolve("cluster");
        long t0 = System.nanoTime();
        Process driver = driver(out, "cluster-driver.log");
        awaitExit(driver, "cluster-driver.log");
        System.out.printf("cluster run: %.1f s%n", (System.nanoTime() - t0) * 1e-9);
        assertSame(reference, out);
        // The tasks ran on the executors of both workers, not in the driver.
        for (int i = 1; i <= 2; i++) {
            assertTrue(tasks(i, RUNNING).size() > 0, "worker " + i + " ran no task");
        }
    }

    @Test
    @Order(2)
    void aRunSurvivesAWorkerKilledDuringATask() throws Exception {
        Path out = tmp.resolve("cluster-killed");
        Set<String> earlier = tasks(1, RUNNING);   // those of the first test's application
        long t0 = System.nanoTime();
        Process driver = driver(out, "killed-driver.log");
        Path log = tmp.resolve("killed-driver.log");
        // Wait for the learn step (one task per subfield, each training networks for a second or so) ...
        String previous = Pipeline.STEPS.get(Pipeline.index("learn") - 1).name();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_TIMEOUT_S);
        while (!ChildJvm.log(log).lines().anyMatch(l -> l.startsWith(previous + " "))) {
            check(driver.isAlive() && System.nanoTime() < deadline, "the run never reached learn", "killed-driver.log");
            Thread.sleep(100);
        }
        // ... then for a task of this run in flight on worker 1's executor, and kill that worker.
        Process victim = workers.get(0);
        List<ProcessHandle> itsExecutors = victim.descendants().toList();
        synchronized (started) {
            executors.addAll(itsExecutors);   // stopped in stopCluster() if they outlive their worker
        }
        while (true) {
            Set<String> running = tasks(1, RUNNING);
            running.removeAll(earlier);
            running.removeAll(tasks(1, FINISHED));
            if (!running.isEmpty()) {
                System.out.println("killing worker 1 (pid " + victim.pid() + ") with task(s) " + running + " running");
                break;
            }
            check(driver.isAlive() && System.nanoTime() < deadline, "no task ran on worker 1 from the start of learn on", "killed-driver.log");
            Thread.sleep(20);
        }
        victim.destroyForcibly().waitFor();   // SIGKILL
        // Its executor notices the lost worker and exits by itself, which the driver sees as lost tasks.
        for (ProcessHandle e : itsExecutors) {
            try {
                e.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException t) {
                fail("the killed worker's executor " + e.pid() + " kept running");
            }
        }
        awaitExit(driver, "killed-driver.log");
        System.out.printf("cluster run with a worker killed: %.1f s%n", (System.nanoTime() - t0) * 1e-9);
        assertTrue(ChildJvm.log(log).contains("Lost executor"), "the driver never lost the executor");
        assertSame(reference, out);
    }

    @AfterAll
    static void stopCluster() {
        synchronized (started) {
            // Workers stop their executors on TERM; any executor left over is stopped by its handle.
            for (Process p : started) {
                if (p.isAlive()) {
                    executors.addAll(p.descendants().toList());
                }
            }
            for (int i = started.size() - 1; i >= 0; i--) {   // drivers, workers, then the master
                stop(started.get(i).toHandle());
            }
            executors.forEach(LoopbackClusterTest::stop);
            started.clear();
            executors.clear();
        }
    }

    private static void stop(ProcessHandle p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            p.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            p.onExit().join();
        }
    }

    private static void assertSame(Path a, Path b) throws IOException {
        OutputComparison.Result r = new OutputComparison(TestSpark.get(), 0, List.of()).compare(
                new org.apache.hadoop.fs.Path(a.toUri()), new org.apache.hadoop.fs.Path(b.toUri()));
        String differences = r.notIdentical();
        assertTrue(r.agrees() && differences.isEmpty(), differences);
        assertTrue(r.items().size() > 20, "too few outputs compared: " + r.items().size());
    }

    /** A daemon JVM on the Spark part of the classpath, with the environment its executors need. */
    private static Process daemon(String name, Path home, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(ChildJvm.javaWithModuleFlags());
        cmd.addAll(List.of("-Xmx512m", "-cp", sparkClassPath(), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        // See submit/local-cluster: the worker's executor launcher (Spark's AbstractCommandBuilder)
        // needs SPARK_HOME with a jars/ directory and SPARK_SCALA_VERSION, or it fails with
        // "Cannot find any build directories". Here jars/ stays empty and the Spark classpath comes
        // from SPARK_DIST_CLASSPATH, which the launcher appends (Spark's hook for "Hadoop-free"
        // distributions), so the temporary directory holds no links into the Maven repository.
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_DIST_CLASSPATH", sparkClassPath());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", tmp.resolve("local").toString());
        synchronized (started) {
            Process p = pb.start();
            started.add(p);
            return p;
        }
    }

    /** A driver: {@code megalut run} on the cluster, in a JVM with the test classpath, as submit/megalut runs it. */
    private static Process driver(Path workdir, String logName) throws IOException {
        List<String> cmd = new ArrayList<>(ChildJvm.javaWithModuleFlags());
        cmd.addAll(List.of("-Xmx1g", "-cp", ChildJvm.testClassPath(), "org.megalut.cli.Megalut",
                "run", "--conf", conf.toString(), "--workdir", workdir.toString(), "--master", masterUrl));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(logName).toFile());
        synchronized (started) {
            Process p = pb.start();
            started.add(p);
            return p;
        }
    }

    private static void awaitExit(Process driver, String logName) throws Exception {
        if (!driver.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
            driver.destroyForcibly().waitFor();
            fail("the run did not finish in " + RUN_TIMEOUT_S + " s:\n" + tail(tmp.resolve(logName)));
        }
        check(driver.exitValue() == 0, "the run failed (exit " + driver.exitValue() + ")", logName);
        // The run's table of step times, for the test report.
        ChildJvm.log(tmp.resolve(logName)).lines()
                .dropWhile(l -> !l.startsWith("step ")).takeWhile(l -> !l.isBlank()).forEach(System.out::println);
    }

    private static void check(boolean ok, String message, String logName) throws IOException {
        if (!ok) {
            fail(message + ":\n" + tail(tmp.resolve(logName)));
        }
    }

    private static void awaitLog(Path log, String line, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        while (!(Files.exists(log) && ChildJvm.log(log).contains(line))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                fail(log.getFileName() + " never said '" + line + "':\n" + tail(log));
            }
            Thread.sleep(200);
        }
    }

    /** Task ids that worker i's executors logged with the pattern (their stderr under the work dir). */
    private static Set<String> tasks(int worker, Pattern pattern) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(tmp.resolve("worker-" + worker))) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                Matcher m = pattern.matcher(ChildJvm.log(f));
                while (m.find()) {
                    ids.add(f.getParent() + "#" + m.group(1));
                }
            }
        }
        return ids;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no " + log + ")";
        }
        List<String> lines = ChildJvm.log(log).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The jars of the test classpath without our classes and the libraries the application ships. */
    private static String sparkClassPath() {
        Set<Path> shipped = ApplicationJars.codeSources();
        return Stream.of(ChildJvm.testClassPath().split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar"))
                .filter(e -> !shipped.contains(Path.of(e).toAbsolutePath().normalize()))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
