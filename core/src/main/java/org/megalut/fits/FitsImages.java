package org.megalut.fits;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.megalut.image.Image;

/**
 * Reads and writes single-HDU FITS images and cubes as {@link Image}s.
 *
 * <p>Pixel (x, y) of an image is FITS pixel (x+1, y+1): x is the column (axis 1, fastest in the
 * file), y the row (axis 2). Readers return images whose lower-left pixel is (0, 0) (or (0, y0) for
 * a band of rows), i.e. 0-based array coordinates, whatever origin keywords such as GS_XMIN say.
 * Readers apply BSCALE and BZERO and convert every BITPIX to double.
 *
 * <p>Writers produce standard FITS (big-endian, 2880-byte blocks, primary HDU only), readable by
 * nom-tam-fits and astropy. Streams passed in are flushed, never closed.
 */
public final class FitsImages {
    /** Reads at most this many bytes per positional read, so a band never needs a second full-size buffer. */
    static final int CHUNK_BYTES = 1 << 20;
    private static final Set<String> RESERVED = Set.of("SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2",
            "NAXIS3", "EXTEND", "END", "BSCALE", "BZERO", "BLANK", "XTENSION", "PCOUNT", "GCOUNT");

    private FitsImages() {
    }

    // ---------------------------------------------------------------- reading

    /** Reads a 2-D image, keeping NaN/Inf pixels. See {@link #readImage(SeekableSource, NonFinitePolicy)}. */
    public static Image readImage(SeekableSource source) throws IOException {
        return readImage(source, NonFinitePolicy.ALLOW);
    }

    /**
     * Reads a 2-D image (NAXIS = 2, or NAXIS = 3 with NAXIS3 = 1).
     *
     * @throws FitsFormatException naming the file if the header is invalid, the image is a cube,
     *                             the data are truncated, or (with {@link NonFinitePolicy#REJECT})
     *                             a pixel is NaN or infinite
     */
    public static Image readImage(SeekableSource source, NonFinitePolicy policy) throws IOException {
        FitsImageHeader header = FitsImageHeader.read(source);
        require2d(header);
        return readRows(source, header, 0, header.naxis2(), policy);
    }

    /** Reads a 2-D image from a local file. */
    public static Image readImage(Path path, NonFinitePolicy policy) throws IOException {
        try (FileSource source = FileSource.open(path)) {
            return readImage(source, policy);
        }
    }

    /** Reads a 2-D image from a local file, keeping NaN/Inf pixels. */
    public static Image readImage(Path path) throws IOException {
        return readImage(path, NonFinitePolicy.ALLOW);
    }

    /** Reads a cube, keeping NaN/Inf pixels. See {@link #readCube(SeekableSource, NonFinitePolicy)}. */
    public static List<Image> readCube(SeekableSource source) throws IOException {
        return readCube(source, NonFinitePolicy.ALLOW);
    }

    /**
     * Reads a 3-D cube as one image per plane (plane k = FITS axis-3 index k+1); a 2-D image is read
     * as a single plane. Every plane has its lower-left pixel at (0, 0).
     */
    public static List<Image> readCube(SeekableSource source, NonFinitePolicy policy) throws IOException {
        FitsImageHeader header = FitsImageHeader.read(source);
        List<Image> planes = new ArrayList<>(header.naxis3());
        for (int k = 0; k < header.naxis3(); k++) {
            planes.add(readBand(source, header, k, 0, header.naxis2(), policy));
        }
        return planes;
    }

    /** Reads a cube from a local file. */
    public static List<Image> readCube(Path path, NonFinitePolicy policy) throws IOException {
        try (FileSource source = FileSource.open(path)) {
            return readCube(source, policy);
        }
    }

    /** Reads rows y0 .. y0+nrows-1 of a 2-D image, keeping NaN/Inf pixels. */
    public static Image readRows(SeekableSource source, FitsImageHeader header, int y0, int nrows)
            throws IOException {
        return readRows(source, header, y0, nrows, NonFinitePolicy.ALLOW);
    }

    /**
     * Reads only rows y0 .. y0+nrows-1 (0-based) of a 2-D image, by positional reads of just those
     * bytes: this is how a task reads its band of stamp rows of a 4800×4800 GREAT3 image.
     *
     * @param header the file's header, from {@link FitsImageHeader#read(SeekableSource)} (read it once
     *               and reuse it for every band)
     * @return an image of width NAXIS1 and height nrows with lower-left pixel (0, y0), so pixel
     *         coordinates are those of the full image
     * @throws IllegalArgumentException if the rows are not inside the image
     */
    public static Image readRows(SeekableSource source, FitsImageHeader header, int y0, int nrows,
            NonFinitePolicy policy) throws IOException {
        require2d(header);
        if (nrows <= 0 || y0 < 0 || (long) y0 + nrows > header.naxis2()) {
            throw new IllegalArgumentException(source.name() + ": rows [" + y0 + ", " + ((long) y0 + nrows)
                    + ") requested, the image has rows [0, " + header.naxis2() + ")");
        }
        return readBand(source, header, 0, y0, nrows, policy);
    }

    /**
     * Checks that every pixel is finite.
     *
     * @param name the file name for the message
     * @throws FitsFormatException naming the file, the first bad pixel (x, y) in the image's
     *                             coordinates and its value
     */
    public static void requireFinite(Image image, String name) {
        int i = image.firstNonFinite();
        if (i >= 0) {
            int x = image.xmin() + i % image.width();
            int y = image.ymin() + i / image.width();
            throw new FitsFormatException(name, "pixel (x=" + x + ", y=" + y + ") (0-based) is "
                    + image.pixels()[i] + ", expected finite values only");
        }
    }

    private static void require2d(FitsImageHeader header) {
        if (!header.is2d()) {
            throw new FitsFormatException(header.name(), "expected a 2-D image, found a cube of "
                    + header.naxis3() + " planes of " + header.naxis1() + "x" + header.naxis2());
        }
    }

    private static Image readBand(SeekableSource source, FitsImageHeader header, int plane, int y0, int nrows,
            NonFinitePolicy policy) throws IOException {
        int width = header.naxis1();
        Bitpix bitpix = header.bitpix();
        double[] out = new double[Math.multiplyExact(width, nrows)];
        long start = header.dataOffset() + plane * header.planeBytes() + y0 * header.rowBytes();
        int rowsPerChunk = (int) Math.max(1, Math.min(nrows, CHUNK_BYTES / header.rowBytes()));
        byte[] buf = new byte[Math.toIntExact(rowsPerChunk * header.rowBytes())];
        double bscale = header.bscale();
        double bzero = header.bzero();
        for (int row = 0; row < nrows; row += rowsPerChunk) {
            int rows = Math.min(rowsPerChunk, nrows - row);
            int len = Math.toIntExact(rows * header.rowBytes());
            source.readFully(start + row * header.rowBytes(), buf, 0, len);
            PixelCodec.decode(buf, 0, bitpix, out, row * width, rows * width, bscale, bzero);
        }
        Image image = new Image(0, y0, width, nrows, out);
        if (policy == NonFinitePolicy.REJECT) {
            requireFinite(image, source.name());
        }
        return image;
    }

    // ---------------------------------------------------------------- writing

    /** Writes a 2-D image with only the mandatory cards. */
    public static void writeImage(OutputStream out, Image image, Bitpix bitpix) throws IOException {
        writeImage(out, image, bitpix, Map.of());
    }

    /**
     * Writes a 2-D image as a primary HDU: SIMPLE, BITPIX, NAXIS, NAXIS1, NAXIS2, EXTEND, then the
     * extra cards in the map's iteration order (use a LinkedHashMap to fix it).
     *
     * @param bitpix     {@link Bitpix#FLOAT32} or {@link Bitpix#FLOAT64}
     * @param extraCards keyword → Boolean, Integer, Long, Double or String; structural keywords
     *                   (SIMPLE, BITPIX, NAXISn, EXTEND, BSCALE, BZERO, ...) are rejected
     */
    public static void writeImage(OutputStream out, Image image, Bitpix bitpix, Map<String, ?> extraCards)
            throws IOException {
        write(out, List.of(image), false, bitpix, extraCards);
    }

    /** Writes a 2-D image to a local file (created or replaced). */
    public static void writeImage(Path path, Image image, Bitpix bitpix, Map<String, ?> extraCards)
            throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            writeImage(out, image, bitpix, extraCards);
        }
    }

    /**
     * Writes images of equal size as a 3-D cube (NAXIS3 = number of planes, plane k first-to-last).
     *
     * @param bitpix {@link Bitpix#FLOAT32} or {@link Bitpix#FLOAT64}
     */
    public static void writeCube(OutputStream out, List<Image> planes, Bitpix bitpix) throws IOException {
        write(out, planes, true, bitpix, Map.of());
    }

    /** Writes a cube to a local file (created or replaced). */
    public static void writeCube(Path path, List<Image> planes, Bitpix bitpix) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            writeCube(out, planes, bitpix);
        }
    }

    private static void write(OutputStream out, List<Image> planes, boolean cube, Bitpix bitpix,
            Map<String, ?> extraCards) throws IOException {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("a cube needs at least one plane");
        }
        Image first = planes.get(0);
        for (Image p : planes) {
            if (p.width() != first.width() || p.height() != first.height()) {
                throw new IllegalArgumentException("cube planes must have equal sizes, found "
                        + first.width() + "x" + first.height() + " and " + p.width() + "x" + p.height());
            }
        }
        out.write(primaryHeader(first.width(), first.height(), cube ? planes.size() : 0, bitpix, extraCards));
        long dataBytes = 0;
        for (Image p : planes) {
            dataBytes += encodeRows(out, p, bitpix);
        }
        pad(out, dataBytes);
    }

    /**
     * The primary header: SIMPLE, BITPIX, NAXIS, NAXIS1, NAXIS2[, NAXIS3], EXTEND, then the extra cards
     * in their map's order, padded to whole blocks.
     *
     * @param planes NAXIS3, or 0 for a 2-D image
     */
    static byte[] primaryHeader(int width, int height, int planes, Bitpix bitpix, Map<String, ?> extraCards) {
        if (!bitpix.isFloat()) {
            throw new IllegalArgumentException("writing BITPIX " + bitpix.code()
                    + " is not supported, expected FLOAT32 or FLOAT64");
        }
        List<String> cards = new ArrayList<>();
        cards.add(FitsCards.card("SIMPLE", true, "conforms to FITS standard"));
        cards.add(FitsCards.card("BITPIX", bitpix.code(), "array data type"));
        cards.add(FitsCards.card("NAXIS", planes > 0 ? 3 : 2, "number of array dimensions"));
        cards.add(FitsCards.card("NAXIS1", width, null));
        cards.add(FitsCards.card("NAXIS2", height, null));
        if (planes > 0) {
            cards.add(FitsCards.card("NAXIS3", planes, null));
        }
        cards.add(FitsCards.card("EXTEND", true, null));
        for (Map.Entry<String, ?> e : extraCards.entrySet()) {
            if (RESERVED.contains(e.getKey())) {
                throw new IllegalArgumentException("extra FITS card " + e.getKey()
                        + " is structural and written by the writer itself");
            }
            cards.add(FitsCards.card(e.getKey(), e.getValue(), null));
        }
        return FitsCards.header(cards);
    }

    /** Writes the image's rows, bottom first, big-endian; returns the bytes written. */
    static long encodeRows(OutputStream out, Image image, Bitpix bitpix) throws IOException {
        ByteBuffer row = ByteBuffer.allocate(image.width() * bitpix.bytes()).order(ByteOrder.BIG_ENDIAN);
        double[] px = image.pixels();
        long bytes = 0;
        for (int j = 0; j < image.height(); j++) {
            row.clear();
            PixelCodec.encodeRow(px, j * image.width(), image.width(), bitpix, row);
            out.write(row.array(), 0, row.position());
            bytes += row.position();
        }
        return bytes;
    }

    /** Zero-pads data of the given length to a whole block and flushes. */
    static void pad(OutputStream out, long dataBytes) throws IOException {
        int pad = (int) ((FitsImageHeader.BLOCK - dataBytes % FitsImageHeader.BLOCK) % FitsImageHeader.BLOCK);
        out.write(new byte[pad]);
        out.flush();
    }
}
