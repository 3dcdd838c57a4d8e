package org.megalut.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

class FitsImageBandWriterTest {
    private static final Map<String, Object> CARDS = new LinkedHashMap<>(Map.of("GS_SCALE", 0.2));

    private static Image image(int width, int height) {
        Image img = Image.zeros(width, height);
        double[] p = img.pixels();
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.sin(0.37 * i) * 1e3 + i;
        }
        return img;
    }

    private static byte[] fits(Image img, Bitpix bitpix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FitsImages.writeImage(out, img, bitpix, CARDS);
        return out.toByteArray();
    }

    @Test
    void bandsWrittenOrCopiedGiveTheWholeImagesBytes() throws IOException {
        for (Bitpix bitpix : new Bitpix[] {Bitpix.FLOAT32, Bitpix.FLOAT64}) {
            Image whole = image(37, 29);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FitsImageBandWriter w = new FitsImageBandWriter(out, 37, 29, bitpix, CARDS);
            w.write(whole.cut(0, 0, 37, 10));
            w.copy(new ByteArraySource("band-1.fits", fits(whole.cut(0, 10, 37, 12), bitpix)));
            w.copy(new ByteArraySource("band-2.fits", fits(whole.cut(0, 22, 37, 7), bitpix)));
            w.finish();
            assertArrayEquals(fits(whole, bitpix), out.toByteArray(), bitpix.toString());
        }
    }

    @Test
    void mismatchedBandsAreRejectedWithTheirName() throws IOException {
        FitsImageBandWriter w = new FitsImageBandWriter(new ByteArrayOutputStream(), 20, 10, Bitpix.FLOAT32, Map.of());
        FitsFormatException wide = assertThrows(FitsFormatException.class,
                () -> w.copy(new ByteArraySource("wide.fits", fits(image(21, 4), Bitpix.FLOAT32))));
        assertTrue(wide.getMessage().contains("wide.fits") && wide.getMessage().contains("20 pixels wide"), wide.getMessage());
        assertThrows(FitsFormatException.class,
                () -> w.copy(new ByteArraySource("double.fits", fits(image(20, 4), Bitpix.FLOAT64))));
        w.write(image(20, 6));
        IllegalArgumentException tall = assertThrows(IllegalArgumentException.class, () -> w.write(image(20, 5)));
        assertTrue(tall.getMessage().contains("exceed"), tall.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, w::finish);
        assertTrue(missing.getMessage().contains("only 6 written"), missing.getMessage());
    }
}
