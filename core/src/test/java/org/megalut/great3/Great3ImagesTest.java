package org.megalut.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.fits.Bitpix;
import org.megalut.fits.ByteArraySource;
import org.megalut.fits.FileSource;
import org.megalut.fits.FitsFormatException;
import org.megalut.fits.FitsImageHeader;
import org.megalut.fits.FitsImages;
import org.megalut.image.Image;

class Great3ImagesTest {

    @TempDir
    Path tmp;

    @Test
    void headerCardsAreGreat3sInOrderWithValues() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Great3Images.write(out, Image.zeros(144, 144));
        byte[] bytes = out.toByteArray();
        FitsImageHeader h = FitsImageHeader.read(new ByteArraySource("starfield_image-000-0.fits", bytes));
        assertEquals(List.of("SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "EXTEND", "GS_SCALE", "GS_XMIN",
                "GS_YMIN", "CTYPE1", "CTYPE2", "CRVAL1", "CRVAL2", "CRPIX1", "CRPIX2", "CD1_1", "CD1_2", "CD2_1",
                "CD2_2"), List.copyOf(h.cards().keySet()));
        assertEquals(Bitpix.FLOAT32, h.bitpix());
        assertEquals(0.2, Great3Images.pixelScale(h));
        assertEquals(0, h.intValue("GS_XMIN"));
        assertEquals(0, h.intValue("GS_YMIN"));
        assertEquals("LINEAR", h.stringValue("CTYPE1"));
        assertEquals("LINEAR", h.stringValue("CTYPE2"));
        assertEquals(0, h.intValue("CRVAL1"));
        assertEquals(1, h.intValue("CRPIX2"));
        assertEquals(0.2, h.doubleValue("CD1_1"));
        assertEquals(0.2, h.doubleValue("CD2_2"));
        assertEquals(0.0, h.doubleValue("CD1_2"));
        assertEquals(0.0, h.doubleValue("CD2_1"));
        assertEquals(2880, h.dataOffset(), "about 20 cards: one header block, as GREAT3");

        // Fixed-format cards as pyfits wrote them: value right-justified in column 30.
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cards.add(new String(bytes, 80 * i, 80, StandardCharsets.US_ASCII).stripTrailing());
        }
        assertEquals("GS_SCALE=                  0.2", cards.get(6));
        assertEquals("CTYPE1  = 'LINEAR  '", cards.get(9));
        assertEquals("END", cards.get(19));
    }

    @Test
    void great3ImageRoundTripsAndBandsMatch() throws IOException {
        Image img = Image.zeros(96, 96);
        for (int i = 0; i < img.pixels().length; i++) {
            img.pixels()[i] = i * 0.5;
        }
        Path file = tmp.resolve(BranchLayout.galaxyImage(3));
        Great3Images.write(file, img, 0.05);
        assertEquals(img, FitsImages.readImage(file));
        assertEquals(0.05, Great3Images.pixelScale(FitsImageHeader.read(file)));
        try (FileSource src = FileSource.open(file)) {
            FitsImageHeader h = FitsImageHeader.read(src);
            assertEquals(0.05, Great3Images.pixelScale(h));
            StampRowBand band = Stamps.bands(2, 2, 48).get(1);
            Image rows = FitsImages.readRows(src, h, band.y0(), band.nrows());
            assertEquals(Stamps.stamp(img, 71, 71, 48), Stamps.stamp(rows, 71, 71, 48));
        }
    }

    @Test
    void missingPixelScaleIsNamed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FitsImages.writeImage(out, Image.zeros(2, 2), Bitpix.FLOAT32);
        FitsImageHeader h = FitsImageHeader.read(new ByteArraySource("plain.fits", out.toByteArray()));
        FitsFormatException e = assertThrows(FitsFormatException.class, () -> Great3Images.pixelScale(h));
        assertEquals("plain.fits: missing header card GS_SCALE", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Great3Images.write(new ByteArrayOutputStream(),
                Image.zeros(2, 2), -0.2));
    }

    @Test
    void requireImageChecksGridShape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Great3Images.write(out, Image.zeros(144, 96));
        FitsImageHeader h = FitsImageHeader.read(new ByteArraySource("starfield_image-001-0.fits", out.toByteArray()));
        FitsFormatException e = assertThrows(FitsFormatException.class, () -> Great3Images.requireImage(h, 3, 48));
        assertEquals("starfield_image-001-0.fits: expected a 144x144 image (3x3 stamps of 48 px), found 144x96",
                e.getMessage());
        ByteArrayOutputStream square = new ByteArrayOutputStream();
        Great3Images.write(square, Image.zeros(96, 96));
        FitsImageHeader ok = FitsImageHeader.read(new ByteArraySource("image-001-0.fits", square.toByteArray()));
        assertEquals(ok, Great3Images.requireImage(ok, 2, 48));
    }
}
