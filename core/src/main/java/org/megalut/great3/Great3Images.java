package org.megalut.great3;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.megalut.fits.Bitpix;
import org.megalut.fits.FitsFormatException;
import org.megalut.fits.FitsImageHeader;
import org.megalut.fits.FitsImages;
import org.megalut.image.Image;

/**
 * Writes galaxy images and star fields exactly as GREAT3 did: float32, primary HDU only, with the
 * header cards of GalSim v1.0.1's {@code galsim.fits.write} (GS_SCALE, GS_XMIN/GS_YMIN and a
 * linear WCS) after the mandatory cards.
 */
public final class Great3Images {
    /** GREAT3 ground pixel scale, arcsec per pixel. */
    public static final double GROUND_PIXEL_SCALE = 0.2;

    private Great3Images() {
    }

    /**
     * The GalSim header cards, in GalSim's order: GS_SCALE, GS_XMIN, GS_YMIN, CTYPE1/2 = 'LINEAR',
     * CRVAL1/2 = xmin/ymin, CRPIX1/2 = 1, CD1_1 = scale, CD1_2 = CD2_1 = 0, CD2_2 = scale.
     *
     * <p>GS_XMIN/GS_YMIN and CRVAL are the image's origin, as in GalSim; GREAT3 images start at
     * (0, 0), so they are 0 there.
     *
     * @param pixelScale arcsec per pixel
     */
    public static Map<String, Object> headerCards(Image image, double pixelScale) {
        return headerCards(image.xmin(), image.ymin(), pixelScale);
    }

    /**
     * The GalSim header cards of an image whose lower-left pixel is (xmin, ymin), for writers that
     * never hold the whole image ({@link org.megalut.fits.FitsImageBandWriter}).
     */
    public static Map<String, Object> headerCards(int xmin, int ymin, double pixelScale) {
        if (!(pixelScale > 0) || !Double.isFinite(pixelScale)) {
            throw new IllegalArgumentException("pixel scale must be positive and finite, got " + pixelScale);
        }
        Map<String, Object> cards = new LinkedHashMap<>();
        cards.put("GS_SCALE", pixelScale);
        cards.put("GS_XMIN", xmin);
        cards.put("GS_YMIN", ymin);
        cards.put("CTYPE1", "LINEAR");
        cards.put("CTYPE2", "LINEAR");
        cards.put("CRVAL1", xmin);
        cards.put("CRVAL2", ymin);
        cards.put("CRPIX1", 1);
        cards.put("CRPIX2", 1);
        cards.put("CD1_1", pixelScale);
        cards.put("CD1_2", 0);
        cards.put("CD2_1", 0);
        cards.put("CD2_2", pixelScale);
        return cards;
    }

    /** Writes a GREAT3 image (float32) with the given pixel scale in arcsec. The stream is flushed, not closed. */
    public static void write(OutputStream out, Image image, double pixelScale) throws IOException {
        FitsImages.writeImage(out, image, Bitpix.FLOAT32, headerCards(image, pixelScale));
    }

    /** Writes a GREAT3 ground image (0.2 arcsec pixels). */
    public static void write(OutputStream out, Image image) throws IOException {
        write(out, image, GROUND_PIXEL_SCALE);
    }

    /** Writes a GREAT3 image to a local file (created or replaced). */
    public static void write(Path path, Image image, double pixelScale) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(out, image, pixelScale);
        }
    }

    /**
     * The pixel scale recorded in a GREAT3 header (GS_SCALE), arcsec per pixel.
     *
     * @throws FitsFormatException naming the file if GS_SCALE is missing or not positive
     */
    public static double pixelScale(FitsImageHeader header) {
        double scale = header.doubleValue("GS_SCALE");
        if (!(scale > 0)) {
            throw new FitsFormatException(header.name(),
                    "GS_SCALE = " + scale + ", expected a positive pixel scale in arcsec");
        }
        return scale;
    }

    /**
     * Checks that a header describes a GREAT3-style image of gridSize × gridSize stamps: 2-D,
     * floating-point pixels, and (gridSize·stampSize)² pixels. GREAT3 ground: galaxy images are
     * 100 × 48 = 4800 px on a side, star fields 3 × 48 = 144 px.
     *
     * @return the header, for chaining
     * @throws FitsFormatException naming the file, the expected and the found shape or BITPIX
     */
    public static FitsImageHeader requireImage(FitsImageHeader header, int gridSize, int stampSize) {
        long side = (long) gridSize * stampSize;
        if (!header.is2d() || header.naxis1() != side || header.naxis2() != side) {
            throw new FitsFormatException(header.name(), "expected a " + side + "x" + side + " image ("
                    + gridSize + "x" + gridSize + " stamps of " + stampSize + " px), found "
                    + header.naxis1() + "x" + header.naxis2() + (header.is2d() ? "" : "x" + header.naxis3()));
        }
        if (!header.bitpix().isFloat()) {
            throw new FitsFormatException(header.name(), "BITPIX = " + header.bitpix().code()
                    + ", expected floating-point pixels (-32 as in GREAT3, or -64)");
        }
        return header;
    }
}
