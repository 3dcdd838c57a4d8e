package org.megalut.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.image.Image;

class FitsImagesTest {

    @TempDir
    Path tmp;

    /** A non-square image whose values are exact in float32 and differ per pixel. */
    private static Image ramp(int w, int h) {
        Image img = Image.zeros(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.set(x, y, 0.25 * x - 1000.0 * y + 0.5);
            }
        }
        return img;
    }

    private static byte[] write(Image img, Bitpix bitpix, Map<String, ?> cards) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FitsImages.writeImage(out, img, bitpix, cards);
        return out.toByteArray();
    }

    @Test
    void float32RoundTripThroughFile() throws IOException {
        Image img = ramp(7, 5);
        Path file = tmp.resolve("img.fits");
        FitsImages.writeImage(file, img, Bitpix.FLOAT32, Map.of());
        assertEquals(0, Files.size(file) % 2880);
        assertEquals(img, FitsImages.readImage(file));
    }

    @Test
    void float64KeepsFullPrecision() throws IOException {
        Image img = ramp(4, 3);
        img.set(1, 1, Math.PI);
        byte[] bytes = write(img, Bitpix.FLOAT64, Map.of());
        FitsImageHeader h = FitsImageHeader.read(new ByteArraySource("a.fits", bytes));
        assertEquals(Bitpix.FLOAT64, h.bitpix());
        assertEquals(2880, h.dataOffset());
        assertEquals(img, FitsImages.readImage(new ByteArraySource("a.fits", bytes)));
    }

    @Test
    void float32RoundsLikeAFloat() throws IOException {
        Image img = Image.zeros(2, 1);
        img.set(0, 0, 0.1);
        Image back = FitsImages.readImage(new ByteArraySource("a.fits", write(img, Bitpix.FLOAT32, Map.of())));
        assertEquals((double) 0.1f, back.get(0, 0));
    }

    @Test
    void extraCardsRoundTripExactly() throws IOException {
        Map<String, Object> cards = new LinkedHashMap<>();
        cards.put("SCALE", 0.1 + 0.2);
        cards.put("TINY", 1e-20);
        cards.put("COUNT", 42L);
        cards.put("LABEL", "it's");
        cards.put("FLAG", false);
        byte[] bytes = write(ramp(2, 2), Bitpix.FLOAT32, cards);
        FitsImageHeader h = FitsImageHeader.read(new ByteArraySource("a.fits", bytes));
        assertEquals(0.1 + 0.2, h.doubleValue("SCALE"));
        assertEquals(1e-20, h.doubleValue("TINY"));
        assertEquals(42, h.intValue("COUNT"));
        assertEquals("it's", h.stringValue("LABEL"));
        assertEquals(List.of("SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "EXTEND", "SCALE", "TINY", "COUNT",
                "LABEL", "FLAG"), List.copyOf(h.cards().keySet()));
        FitsFormatException e = assertThrows(FitsFormatException.class, () -> h.doubleValue("GS_SCALE"));
        assertTrue(e.getMessage().startsWith("a.fits: missing header card GS_SCALE"), e.getMessage());
    }

    @Test
    void structuralExtraCardsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> write(ramp(2, 2), Bitpix.FLOAT32, Map.of("NAXIS1", 3)));
        assertThrows(IllegalArgumentException.class,
                () -> write(ramp(2, 2), Bitpix.INT16, Map.of()));
    }

    @Test
    void writtenImageIsReadableByNomTam() throws Exception {
        Image img = ramp(6, 4);
        try (Fits fits = new Fits(new ByteArrayInputStream(write(img, Bitpix.FLOAT32, Map.of("GS_SCALE", 0.2))))) {
            BasicHDU<?>[] hdus = fits.read();
            assertEquals(1, hdus.length);
            ImageHDU hdu = (ImageHDU) hdus[0];
            float[][] data = (float[][]) hdu.getKernel();
            assertEquals(4, data.length);
            assertEquals(6, data[0].length);
            assertEquals((float) img.get(5, 3), data[3][5]);
            assertEquals(0.2, hdu.getHeader().getDoubleValue("GS_SCALE"));
        }
    }

    @Test
    void cubeRoundTripAndTwoDimensionalAsSinglePlane() throws IOException {
        Image a = ramp(5, 3);
        Image b = ramp(5, 3);
        b.set(4, 2, -7.0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FitsImages.writeCube(out, List.of(a, b), Bitpix.FLOAT64);
        ByteArraySource cube = new ByteArraySource("cube.fits", out.toByteArray());
        assertEquals(List.of(a, b), FitsImages.readCube(cube));
        FitsFormatException e = assertThrows(FitsFormatException.class, () -> FitsImages.readImage(cube));
        assertTrue(e.getMessage().contains("cube.fits") && e.getMessage().contains("2 planes"), e.getMessage());

        ByteArraySource flat = new ByteArraySource("flat.fits", write(a, Bitpix.FLOAT32, Map.of()));
        assertEquals(List.of(a), FitsImages.readCube(flat));
        assertThrows(IllegalArgumentException.class,
                () -> FitsImages.writeCube(new ByteArrayOutputStream(), List.of(a, ramp(3, 3)), Bitpix.FLOAT32));
    }

    @Test
    void bandReadEqualsCutOfFullRead() throws IOException {
        Image img = ramp(96, 144);
        Path file = tmp.resolve("band.fits");
        FitsImages.writeImage(file, img, Bitpix.FLOAT32, Map.of());
        try (FileSource source = FileSource.open(file)) {
            FitsImageHeader header = FitsImageHeader.read(source);
            Image band = FitsImages.readRows(source, header, 48, 48);
            assertEquals(0, band.xmin());
            assertEquals(48, band.ymin());
            assertEquals(img.cut(0, 48, 96, 48), band);
            assertEquals(img.cut(0, 143, 96, 1), FitsImages.readRows(source, header, 143, 1));
            assertThrows(IllegalArgumentException.class, () -> FitsImages.readRows(source, header, 100, 48));
            assertThrows(IllegalArgumentException.class, () -> FitsImages.readRows(source, header, -1, 2));
        }
    }

    /** Counts the bytes a reader asks for, to show that band reads touch only their rows. */
    private static final class CountingSource implements SeekableSource {
        private final SeekableSource inner;
        long bytesRead;

        CountingSource(SeekableSource inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public long length() throws IOException {
            return inner.length();
        }

        @Override
        public void readFully(long position, byte[] buf, int off, int len) throws IOException {
            bytesRead += len;
            inner.readFully(position, buf, off, len);
        }
    }

    @Test
    void bandReadTouchesOnlyItsRows() throws IOException {
        Image img = ramp(480, 480);
        byte[] bytes = write(img, Bitpix.FLOAT32, Map.of());
        CountingSource source = new CountingSource(new ByteArraySource("big.fits", bytes));
        FitsImageHeader header = FitsImageHeader.read(source);
        assertEquals(2880, source.bytesRead, "the header is one block");
        source.bytesRead = 0;
        Image band = FitsImages.readRows(source, header, 96, 48);
        assertEquals(48L * 480 * 4, source.bytesRead);
        assertEquals(img.cut(0, 96, 480, 48), band);
    }

    @Test
    void fileSourceReportsReadsPastTheEnd() throws IOException {
        Path file = tmp.resolve("short.bin");
        Files.write(file, new byte[10]);
        try (FileSource source = FileSource.open(file)) {
            assertEquals(10, source.length());
            EOFException e = assertThrows(EOFException.class,
                    () -> source.readFully(5, new byte[10], 0, 10));
            assertTrue(e.getMessage().contains("short.bin"), e.getMessage());
        }
    }

    @Test
    void integerBitpixWithScaling() throws IOException {
        List<String> cards = List.of(
                FitsCards.card("SIMPLE", true, null), FitsCards.card("BITPIX", 16, null),
                FitsCards.card("NAXIS", 2, null), FitsCards.card("NAXIS1", 3, null),
                FitsCards.card("NAXIS2", 1, null), FitsCards.card("BSCALE", 2.0, null),
                FitsCards.card("BZERO", 10.0, null));
        ByteBuffer data = ByteBuffer.allocate(2880);
        data.putShort((short) -1).putShort((short) 0).putShort((short) 300);
        byte[] file = concat(FitsCards.header(cards), data.array());
        Image img = FitsImages.readImage(new ByteArraySource("int.fits", file));
        assertArrayEquals(new double[] {8, 10, 610}, img.pixels());
    }

    @Test
    void truncatedDataNamesFileAndByteCounts() throws IOException {
        byte[] full = write(ramp(100, 100), Bitpix.FLOAT32, Map.of());
        byte[] cut = Arrays.copyOf(full, 2880 + 1000);
        FitsFormatException e = assertThrows(FitsFormatException.class,
                () -> FitsImages.readImage(new ByteArraySource("image-007-0.fits", cut)));
        assertTrue(e.getMessage().startsWith("image-007-0.fits: truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 42880 bytes") && e.getMessage().contains("found 3880"),
                e.getMessage());
        assertEquals("image-007-0.fits", e.fileName());

        FitsFormatException shortHeader = assertThrows(FitsFormatException.class,
                () -> FitsImages.readImage(new ByteArraySource("tiny.fits", Arrays.copyOf(full, 100))));
        assertTrue(shortHeader.getMessage().contains("tiny.fits") && shortHeader.getMessage().contains("found 100"),
                shortHeader.getMessage());
    }

    @Test
    void wrongBitpixNamesFileAndValue() {
        byte[] bytes = FitsCards.header(List.of(FitsCards.card("SIMPLE", true, null),
                FitsCards.card("BITPIX", 24, null), FitsCards.card("NAXIS", 2, null),
                FitsCards.card("NAXIS1", 1, null), FitsCards.card("NAXIS2", 1, null)));
        FitsFormatException e = assertThrows(FitsFormatException.class,
                () -> FitsImages.readImage(new ByteArraySource("bad.fits", bytes)));
        assertTrue(e.getMessage().startsWith("bad.fits: BITPIX = 24, expected one of"), e.getMessage());
    }

    @Test
    void wrongDimensionAndNonFitsAreRejected() {
        byte[] oneD = FitsCards.header(List.of(FitsCards.card("SIMPLE", true, null),
                FitsCards.card("BITPIX", -32, null), FitsCards.card("NAXIS", 1, null),
                FitsCards.card("NAXIS1", 1, null)));
        FitsFormatException e = assertThrows(FitsFormatException.class,
                () -> FitsImages.readImage(new ByteArraySource("line.fits", oneD)));
        assertTrue(e.getMessage().contains("line.fits: NAXIS = 1, expected 2 (image) or 3 (cube)"), e.getMessage());

        byte[] text = "hello world ".repeat(300).getBytes();
        FitsFormatException notFits = assertThrows(FitsFormatException.class,
                () -> FitsImages.readImage(new ByteArraySource("notes.txt", text)));
        assertEquals("notes.txt: not a FITS file: expected 'SIMPLE  =' at byte 0, found 'hello wor'",
                notFits.getMessage());
    }

    @Test
    void nonFinitePixelRejectedOnlyWhenAsked() throws IOException {
        Image img = ramp(10, 8);
        img.set(3, 5, Double.NaN);
        Path file = tmp.resolve("nan.fits");
        FitsImages.writeImage(file, img, Bitpix.FLOAT32, Map.of());
        assertTrue(Double.isNaN(FitsImages.readImage(file).get(3, 5)));
        FitsFormatException e = assertThrows(FitsFormatException.class,
                () -> FitsImages.readImage(file, NonFinitePolicy.REJECT));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("(x=3, y=5)")
                && e.getMessage().contains("NaN"), e.getMessage());

        try (FileSource source = FileSource.open(file)) {
            FitsImageHeader h = FitsImageHeader.read(source);
            // The band above the bad pixel is clean; the band holding it reports parent coordinates.
            FitsImages.readRows(source, h, 6, 2, NonFinitePolicy.REJECT);
            FitsFormatException band = assertThrows(FitsFormatException.class,
                    () -> FitsImages.readRows(source, h, 4, 2, NonFinitePolicy.REJECT));
            assertTrue(band.getMessage().contains("(x=3, y=5)"), band.getMessage());
        }
    }

    @Test
    void missingFileIsNamed() {
        Path missing = tmp.resolve("image-123-0.fits");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FitsImages.readImage(missing));
        assertTrue(e.getMessage().contains("image-123-0.fits"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
