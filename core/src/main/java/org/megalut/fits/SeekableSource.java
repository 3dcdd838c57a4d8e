package org.megalut.fits;

import java.io.IOException;

/**
 * Random-access bytes of one file, read by position.
 *
 * <p>This is what lets a task read only its band of rows from a large image: implementations exist
 * for local files ({@link FileSource}), for byte arrays ({@link ByteArraySource}), and in the Spark
 * layer for Hadoop {@code FSDataInputStream}s. Implementations need not be thread-safe.
 */
public interface SeekableSource {

    /** The file name used in error messages (a path or URI; not interpreted). */
    String name();

    /** Total length in bytes. */
    long length() throws IOException;

    /**
     * Reads exactly {@code len} bytes starting at byte {@code position} of the file into
     * {@code buf[off .. off+len)}.
     *
     * @throws java.io.EOFException if the file ends before {@code position + len}
     */
    void readFully(long position, byte[] buf, int off, int len) throws IOException;
}
