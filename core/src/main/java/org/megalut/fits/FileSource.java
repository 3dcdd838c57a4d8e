package org.megalut.fits;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A {@link SeekableSource} over a local file, using positional {@link FileChannel} reads. */
public final class FileSource implements SeekableSource, Closeable {
    private final Path path;
    private final FileChannel channel;

    private FileSource(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens a file for reading; close it when done.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist (the message names it)
     */
    public static FileSource open(Path path) throws IOException {
        return new FileSource(path, FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public long length() throws IOException {
        return channel.size();
    }

    @Override
    public void readFully(long position, byte[] buf, int off, int len) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buf, off, len);
        long pos = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, pos);
            if (n < 0) {
                throw new EOFException(name() + ": end of file at byte " + pos + " while reading "
                        + len + " bytes from byte " + position);
            }
            pos += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
