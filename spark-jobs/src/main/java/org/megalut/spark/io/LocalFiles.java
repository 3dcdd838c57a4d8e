package org.megalut.spark.io;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Tells which file names given on a command line are certainly local files, and writes such files,
 * so that a command run outside Spark can read and write them with plain Java file I/O. Creating
 * Hadoop's {@code Configuration} and {@code FileSystem} loads and initialises thousands of classes
 * (Hadoop's and its logging's), which costs more CPU than a short command's own work.
 *
 * <p>This class refers to no Hadoop type on purpose: verifying it would make the JVM load them from
 * the far end of Spark's class path, opening every jar on the way.
 */
public final class LocalFiles {
    /** Hadoop reads this from the class path; its fs.defaultFS may make a name without a scheme refer to HDFS. */
    private static final String HADOOP_SITE = "core-site.xml";

    private LocalFiles() { }

    /**
     * The local path a name denotes for Hadoop, when that needs no Hadoop configuration to decide: a
     * name without a URI scheme, while no Hadoop site configuration can make the default file system
     * another one than the local one, i.e. {@code HADOOP_CONF_DIR} is unset and no directory of the
     * class path holds a {@value #HADOOP_SITE}. Names with a scheme ({@code file:}, {@code hdfs:},
     * {@code s3a:}, ...) are left to Hadoop. A site file inside a jar is not looked for: that would
     * open every jar of the class path, which costs as much as Hadoop's start-up; name such files with
     * their scheme.
     *
     * @return the path, or empty when only Hadoop can resolve the name
     */
    public static Optional<java.nio.file.Path> path(String name) {
        int colon = name.indexOf(':');
        int slash = name.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (name.isEmpty() || hasScheme || hadoopSiteConfigured()) {
            return Optional.empty();
        }
        return Optional.of(java.nio.file.Path.of(name));
    }

    /**
     * Writes a local file through a buffered stream with plain Java file I/O, whole or not at all: the
     * same hidden temporary name and the same result as {@link AtomicWrite#stream} on Hadoop's local
     * file system. Missing parent directories are created.
     */
    public static void writeAtomically(java.nio.file.Path target, AtomicWrite.ToStream body) throws IOException {
        java.nio.file.Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        java.nio.file.Path tmp = dir.resolve(hidden(name, ".tmp"));
        Files.createDirectories(dir);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        // A checksum Hadoop's local file system wrote for an older target would fail its later reads of this one.
        Files.deleteIfExists(dir.resolve(hidden(name, ".crc")));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The hidden side-file name {@code .name.suffix}, as Hadoop names checksums and {@link AtomicWrite} temporaries. */
    static String hidden(String name, String suffix) {
        return "." + name + suffix;
    }

    private static boolean hadoopSiteConfigured() {
        if (System.getenv("HADOOP_CONF_DIR") != null) {
            return true;
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isRegularFile(java.nio.file.Path.of(entry, HADOOP_SITE))) {
                return true;
            }
        }
        return false;
    }
}
