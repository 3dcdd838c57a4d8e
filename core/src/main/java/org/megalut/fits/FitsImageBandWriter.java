package org.megalut.fits;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.megalut.image.Image;

/**
 * Writes one 2-D FITS image (primary HDU, as {@link FitsImages#writeImage}) band by band: the header
 * when constructed, then consecutive bands of whole rows from the bottom row up, then the padding in
 * {@link #finish()}. A large image assembled from bands rendered elsewhere is thus never held in
 * memory; a band that is itself the data of a FITS file of the same width and BITPIX is copied byte
 * for byte ({@link #copy}), with no decoding and re-encoding. The bytes are those
 * {@link FitsImages#writeImage} writes for the whole image.
 *
 * <p>Not thread-safe. The stream is flushed by {@link #finish()}, never closed.
 */
public final class FitsImageBandWriter {
    /** Bytes copied per read from a band file. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final OutputStream out;
    private final int width;
    private final int height;
    private final Bitpix bitpix;
    private int rows;
    private boolean finished;

    /**
     * Writes the header.
     *
     * @param bitpix     {@link Bitpix#FLOAT32} or {@link Bitpix#FLOAT64}
     * @param extraCards as for {@link FitsImages#writeImage(OutputStream, Image, Bitpix, Map)}
     */
    public FitsImageBandWriter(OutputStream out, int width, int height, Bitpix bitpix, Map<String, ?> extraCards)
            throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        byte[] header = FitsImages.primaryHeader(width, height, 0, bitpix, extraCards);
        this.out = out;
        this.width = width;
        this.height = height;
        this.bitpix = bitpix;
        out.write(header);
    }

    /** Writes the next rows from an image of the full width (its origin is ignored). */
    public void write(Image band) throws IOException {
        requireNext(band.width(), band.height(), "band image");
        FitsImages.encodeRows(out, band, bitpix);
        rows += band.height();
    }

    /**
     * Copies the next rows from a 2-D FITS file of the full width and the same BITPIX, without
     * scaling (BSCALE 1, BZERO 0).
     *
     * @throws FitsFormatException naming the file when its shape, BITPIX or scaling does not fit
     */
    public void copy(SeekableSource band) throws IOException {
        FitsImageHeader h = FitsImageHeader.read(band);
        if (!h.is2d() || h.naxis1() != width || h.bitpix() != bitpix || h.bscale() != 1 || h.bzero() != 0) {
            throw new FitsFormatException(band.name(), "expected a 2-D band " + width + " pixels wide with BITPIX "
                    + bitpix.code() + " and no scaling, found " + h.naxis1() + "x" + h.naxis2()
                    + (h.is2d() ? "" : "x" + h.naxis3()) + " with BITPIX " + h.bitpix().code() + ", BSCALE "
                    + h.bscale() + ", BZERO " + h.bzero());
        }
        requireNext(h.naxis1(), h.naxis2(), band.name());
        long remaining = h.dataBytes();
        byte[] buf = new byte[(int) Math.min(CHUNK_BYTES, remaining)];
        long position = h.dataOffset();
        while (remaining > 0) {
            int len = (int) Math.min(buf.length, remaining);
            band.readFully(position, buf, 0, len);
            out.write(buf, 0, len);
            position += len;
            remaining -= len;
        }
        rows += h.naxis2();
    }

    /**
     * Pads the data to whole blocks and flushes.
     *
     * @throws IllegalStateException when fewer rows than the image's height were written
     */
    public void finish() throws IOException {
        if (rows != height) {
            throw new IllegalStateException("image of " + height + " rows: only " + rows + " written");
        }
        if (!finished) {
            FitsImages.pad(out, (long) width * height * bitpix.bytes());
            finished = true;
        }
    }

    private void requireNext(int bandWidth, int bandRows, String what) {
        if (finished) {
            throw new IllegalStateException("image already finished");
        }
        if (bandWidth != width) {
            throw new IllegalArgumentException(what + ": " + bandWidth + " pixels wide, expected " + width);
        }
        if (rows + bandRows > height) {
            throw new IllegalArgumentException(what + ": " + bandRows + " rows after " + rows + " exceed the image's "
                    + height);
        }
    }
}
