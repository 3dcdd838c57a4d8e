package org.megalut.spark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files that appear whole or not at all. The content is written under a hidden temporary name in the
 * target's directory, then renamed over the target, so a process killed mid-write leaves at most a
 * hidden {@code .name.tmp} file: readers skip hidden files (as Spark and Parquet do), and the next write
 * replaces it. This is what lets an interrupted run be completed by running it again: an output that
 * exists is complete. (On HDFS the rename is atomic; on object stores it is a copy, still never partial
 * at the final name.)
 */
public final class AtomicWrite {

    private AtomicWrite() { }

    /** Writes content to a path given by name (for writers that open the file themselves, e.g. Parquet). */
    @FunctionalInterface
    public interface ToPath {
        void write(Path temporary) throws IOException;
    }

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface ToStream {
        void write(OutputStream out) throws IOException;
    }

    /** Writes through a stream, then commits; no checksum side file (users open these files directly). */
    public static void stream(Path target, Configuration conf, ToStream body) throws IOException {
        FileSystem fs = target.getFileSystem(conf);
        fs.setWriteChecksum(false);
        path(target, conf, tmp -> {
            try (OutputStream out = fs.create(tmp, true)) {
                body.write(out);
            }
        });
    }

    /** Writes a UTF-8 text whole or not at all. */
    public static void text(Path target, Configuration conf, String text) throws IOException {
        stream(target, conf, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lets a writer fill a temporary path, then renames it to the target (replacing any old target). */
    public static void path(Path target, Configuration conf, ToPath body) throws IOException {
        FileSystem fs = target.getFileSystem(conf);
        Path tmp = temporary(target);
        fs.delete(tmp, false);
        try {
            body.write(tmp);
        } catch (IOException | RuntimeException e) {
            fs.delete(tmp, false);
            throw e;
        }
        // Checksummed file systems (the local one) delete and rename a file's checksum with it.
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot rename " + tmp + " to " + target);
        }
    }

    /** Whether a file name is one of {@link #temporary}'s: what a killed write leaves behind. */
    public static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /** The hidden temporary name of a target: {@code dir/.name.tmp}. */
    static Path temporary(Path target) {
        return new Path(target.getParent(), LocalFiles.hidden(target.getName(), ".tmp"));
    }
}
