package org.megalut.fits;

import java.io.IOException;

import org.megalut.image.Image;

/**
 * Visits the stamps of a FITS file in order without holding the file in memory: the planes of a
 * cube, or the square tiles of a 2-D image. A file of tens of thousands of stamps is read in
 * positional reads of about a megabyte, and each stamp is decoded into one reused pixel array, so
 * memory and garbage stay those of a single stamp whatever the file's size.
 *
 * <p>Pixel values are converted to double with BSCALE and BZERO applied; NaN and infinite pixels are
 * passed on as they are.
 */
public final class FitsStamps {

    /** Receives the stamps one at a time. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * Called once per stamp, in file order.
         *
         * @param index 0-based stamp number: the plane index of a cube, or the tile number of a 2-D
         *              image counted row-major (x fastest)
         * @param stamp the stamp; its pixel array is reused for the next stamp, so copy what must
         *              outlive the call
         */
        void visit(int index, Image stamp) throws IOException;
    }

    private FitsStamps() {
    }

    /**
     * Number of stamps {@link #forEach} visits: NAXIS3 for a cube, the number of tiles for a 2-D image.
     *
     * @param tileSize side of a tile in pixels (ignored for a cube)
     * @throws IllegalArgumentException if a 2-D image is not a whole number of tiles
     */
    public static int count(FitsImageHeader header, int tileSize) {
        if (!header.is2d()) {
            return header.naxis3();
        }
        requireWholeTiles(header, tileSize);
        return (header.naxis1() / tileSize) * (header.naxis2() / tileSize);
    }

    /**
     * Visits every stamp of the file: each plane of a cube (NAXIS3 &gt; 1), or each
     * {@code tileSize}×{@code tileSize} tile of a 2-D image.
     *
     * @param header   the file's header, from {@link FitsImageHeader#read(SeekableSource)}
     * @param tileSize side of a tile of a 2-D image in pixels (ignored for a cube)
     * @param origin   the coordinate given to the file's first pixel in x and y: 1 numbers stamp
     *                 pixels as FITS does, 0 as 0-based array indices; a tile keeps the coordinates
     *                 it has in the whole image
     * @throws IllegalArgumentException if a 2-D image is not a whole number of tiles
     */
    public static void forEach(SeekableSource source, FitsImageHeader header, int tileSize, int origin,
            Visitor visitor) throws IOException {
        if (header.is2d()) {
            forEachTile(source, header, tileSize, origin, visitor);
        } else {
            forEachPlane(source, header, origin, visitor);
        }
    }

    private static void forEachPlane(SeekableSource source, FitsImageHeader header, int origin, Visitor visitor)
            throws IOException {
        int width = header.naxis1();
        int height = header.naxis2();
        int planeBytes = Math.toIntExact(header.planeBytes());
        int planesPerRead = Math.max(1, Math.min(header.naxis3(), FitsImages.CHUNK_BYTES / planeBytes));
        byte[] bytes = new byte[Math.multiplyExact(planesPerRead, planeBytes)];
        double[] pixels = new double[Math.multiplyExact(width, height)];
        Image stamp = new Image(origin, origin, width, height, pixels);
        double bscale = header.bscale();
        double bzero = header.bzero();
        for (int first = 0; first < header.naxis3(); first += planesPerRead) {
            int planes = Math.min(planesPerRead, header.naxis3() - first);
            source.readFully(header.dataOffset() + first * header.planeBytes(), bytes, 0, planes * planeBytes);
            for (int p = 0; p < planes; p++) {
                PixelCodec.decode(bytes, p * planeBytes, header.bitpix(), pixels, 0, pixels.length, bscale, bzero);
                visitor.visit(first + p, stamp);
            }
        }
    }

    private static void forEachTile(SeekableSource source, FitsImageHeader header, int tileSize, int origin,
            Visitor visitor) throws IOException {
        requireWholeTiles(header, tileSize);
        int across = header.naxis1() / tileSize;
        double[] pixels = new double[tileSize * tileSize];
        int index = 0;
        for (int y0 = 0; y0 < header.naxis2(); y0 += tileSize) {
            double[] band = FitsImages.readRows(source, header, y0, tileSize).pixels();
            for (int t = 0; t < across; t++) {
                int x0 = t * tileSize;
                for (int j = 0; j < tileSize; j++) {
                    System.arraycopy(band, j * header.naxis1() + x0, pixels, j * tileSize, tileSize);
                }
                visitor.visit(index++, new Image(origin + x0, origin + y0, tileSize, tileSize, pixels));
            }
        }
    }

    private static void requireWholeTiles(FitsImageHeader header, int tileSize) {
        if (tileSize < 1 || header.naxis1() % tileSize != 0 || header.naxis2() % tileSize != 0) {
            throw new IllegalArgumentException(header.name() + ": a " + header.naxis1() + "x" + header.naxis2()
                    + " image is not a whole number of " + tileSize + "-pixel stamps");
        }
    }
}
