package org.megalut.fits;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link SeekableSource} over bytes held in memory: for data that arrives as a plain stream, and
 * for tests. The array is not copied.
 */
public final class ByteArraySource implements SeekableSource {
    private final String name;
    private final byte[] bytes;

    public ByteArraySource(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    /** Reads the whole stream into memory (the stream is not closed). */
    public static ByteArraySource readAll(InputStream in, String name) throws IOException {
        return new ByteArraySource(name, in.readAllBytes());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public void readFully(long position, byte[] buf, int off, int len) throws IOException {
        if (position < 0 || position + len > bytes.length) {
            throw new EOFException(name + ": cannot read " + len + " bytes from byte " + position
                    + ", the data has " + bytes.length + " bytes");
        }
        System.arraycopy(bytes, (int) position, buf, off, len);
    }
}
