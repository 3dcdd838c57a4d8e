package org.megalut.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Something that renders to a PNG image: a single {@link Panel} or a {@link PanelGrid}. Rendering is
 * headless (no display needed) and writes to any stream, e.g. a Hadoop FileSystem output stream.
 */
public interface Figure {

    /**
     * Renders the figure and writes it as PNG. The stream is not closed.
     *
     * @param width  image width [px], positive
     * @param height image height [px], positive
     * @throws IllegalArgumentException when a size is not positive
     */
    void writePng(OutputStream out, int width, int height) throws IOException;

    /** The PNG bytes of the figure at the given size [px]. */
    default byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePng(out, width, height);
        return out.toByteArray();
    }
}
