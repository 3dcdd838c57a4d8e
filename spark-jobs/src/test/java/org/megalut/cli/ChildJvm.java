package org.megalut.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of a separate JVM that runs {@code megalut} (or any class) with this test JVM's classpath. */
public final class ChildJvm {
    private ChildJvm() { }

    /**
     * {@code java <module flags of this JVM> <extra flags> -cp <test classpath> org.megalut.cli.Megalut args},
     * with the driver on 127.0.0.1 and the UI off.
     */
    static List<String> megalut(List<String> jvmFlags, String... args) {
        List<String> cmd = javaWithModuleFlags();
        cmd.addAll(List.of("-Xmx2g", "-Dspark.ui.enabled=false", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.driver.host=127.0.0.1"));
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(testClassPath());
        cmd.add("org.megalut.cli.Megalut");
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code java} of this JVM's runtime with the module flags Spark needs, as this JVM got them. */
    public static List<String> javaWithModuleFlags() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dio.netty")) {
                cmd.add(a);
            }
        }
        return cmd;
    }

    /** A command line with more arguments. */
    public static String[] args(String[] first, String... more) {
        String[] out = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }

    /**
     * The log a child process is writing, "" while it does not exist: read as bytes (ISO-8859-1), so a
     * multi-byte character cut at the end is no error.
     */
    public static String log(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath of the tests (surefire's, else this JVM's). */
    public static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
