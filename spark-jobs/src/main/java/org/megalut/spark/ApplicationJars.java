package org.megalut.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars executors need to run our tasks when the driver was not started by {@code spark-submit}
 * (which ships the application jar itself): the value of {@code spark.jars}.
 *
 * <p>A cluster's executors have Spark, Hadoop and Parquet but none of our classes, so a task
 * deserialises into a {@code SerializedLambda} it cannot resolve unless the classes travel with
 * {@code spark.jars}. Which jar holds them depends on how the driver was started, so it is found
 * from where the JVM actually loaded the classes rather than from a setting the user must keep
 * right: the code source of this module's classes (this class), of core's, and of one class of
 * each library that {@code megalut-spark.jar} bundles (the shade includes of {@code submit/pom.xml}).
 * <ul>
 *   <li>{@code submit/megalut} puts {@code megalut-spark.jar} first on the classpath, so every one of
 *       them resolves to that jar and only it is shipped.</li>
 *   <li>From the build tree (tests, an IDE) our classes come from {@code target/classes}
 *       directories: each is packed into a temporary jar (deleted when the JVM exits) and shipped
 *       with the library jars, so no prior {@code mvn package} is needed.</li>
 * </ul>
 * A library class that is missing is skipped (it is then not needed by anything that ran).
 */
public final class ApplicationJars {

    /** Our code (spark-jobs, core) and one class per library that a Spark distribution lacks. */
    private static final List<String> MARKERS = List.of(
            "org.megalut.spark.ApplicationJars",
            "org.megalut.config.StrictConfig",
            "nom.tam.fits.Fits",
            "org.apache.commons.rng.UniformRandomProvider",
            "org.apache.commons.rng.core.BaseProvider",
            "org.apache.commons.rng.simple.RandomSource",
            "org.apache.commons.rng.sampling.distribution.ContinuousSampler",
            "org.jtransforms.fft.DoubleFFT_2D",
            "pl.edu.icm.jlargearrays.LargeArray",
            "com.typesafe.config.Config",
            "picocli.CommandLine",
            "org.jfree.chart.JFreeChart");

    /** Computed once: a process may create several sessions and should pack the directories once. */
    private static String cached;

    private ApplicationJars() { }

    /** Comma-separated paths for {@code spark.jars}. */
    public static synchronized String forExecutors() {
        if (cached == null) {
            List<String> jars = new ArrayList<>();
            for (Path source : codeSources()) {
                jars.add(Files.isDirectory(source) ? pack(source).toString() : source.toString());
            }
            cached = String.join(",", jars);
        }
        return cached;
    }

    /**
     * Where our classes and the bundled libraries were loaded from (jars or classes directories):
     * everything a Spark distribution lacks. A test that builds a Spark-only classpath leaves these out.
     */
    public static Set<Path> codeSources() {
        Set<Path> sources = new LinkedHashSet<>();
        for (String name : MARKERS) {
            try {
                CodeSource cs = Class.forName(name, false, ApplicationJars.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                if (cs != null && cs.getLocation() != null && "file".equals(cs.getLocation().getProtocol())) {
                    sources.add(Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize());
                }
            } catch (ClassNotFoundException e) {
                // Not on this classpath: nothing that ran needs it.
            } catch (URISyntaxException e) {
                throw new IllegalStateException("unreadable code source of " + name, e);
            }
        }
        return sources;
    }

    /** A classes directory as a temporary jar. */
    private static Path pack(Path dir) {
        try {
            Path jar = Files.createTempFile("megalut-classes-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(jar);
                 JarOutputStream zip = new JarOutputStream(out);
                 Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                    if (rel.isEmpty()) {
                        continue;
                    }
                    boolean isDir = Files.isDirectory(f);
                    zip.putNextEntry(new JarEntry(isDir ? rel + "/" : rel));
                    if (!isDir) {
                        Files.copy(f, zip);
                    }
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + dir + " into a jar for the executors", e);
        }
    }
}
