package org.megalut.spark.io;

import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.fits.SeekableSource;

/**
 * A {@link SeekableSource} on any Hadoop FileSystem (local, HDFS, S3A): positional reads, so a task
 * reads only the byte range of its band of image rows.
 */
public final class HadoopSource implements SeekableSource, Closeable {
    private final String name;
    private final long length;
    private final FSDataInputStream in;

    private HadoopSource(String name, long length, FSDataInputStream in) {
        this.name = name;
        this.length = length;
        this.in = in;
    }

    /**
     * Opens a file.
     *
     * @throws java.io.FileNotFoundException naming the file when it does not exist
     */
    public static HadoopSource open(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        long len = fs.getFileStatus(path).getLen();
        return new HadoopSource(path.toString(), len, fs.open(path));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void readFully(long position, byte[] buf, int off, int len) throws IOException {
        in.readFully(position, buf, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
