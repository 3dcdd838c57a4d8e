package org.megalut.spark.steps;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes the files of a generated GREAT3 branch and its truth through a Hadoop FileSystem. */
final class Great3FileWriter {
    private Great3FileWriter() { }

    /** The bytes of one file. */
    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a file, replacing it. */
    static void write(FileSystem fs, Path path, Content content) throws IOException {
        // A GREAT3 branch directory holds exactly GREAT3's files: no checksum side files on local disks.
        fs.setWriteChecksum(false);
        try (OutputStream os = fs.create(path, true)) {
            content.write(os);
        }
    }
}
