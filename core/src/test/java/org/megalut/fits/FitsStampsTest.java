package org.megalut.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

/** {@link FitsStamps} visits the same stamps as reading the whole file and cutting it would give. */
class FitsStampsTest {

    @Test
    void planesOfACubeAcrossSeveralReads() throws IOException {
        // 40 planes of 64x64 doubles span more than one read.
        List<Image> planes = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 40; k++) {
            planes.add(new Image(0, 0, 64, 64, random.doubles(64 * 64).toArray()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FitsImages.writeCube(out, planes, Bitpix.FLOAT64);
        ByteArraySource source = new ByteArraySource("c.fits", out.toByteArray());
        FitsImageHeader header = FitsImageHeader.read(source);
        List<Image> visited = new ArrayList<>();
        FitsStamps.forEach(source, header, 48, 1, (i, stamp) -> {
            assertEquals(visited.size(), i);
            visited.add(stamp.copy());
        });
        assertEquals(40, FitsStamps.count(header, 48));
        assertEquals(planes.stream().map(p -> p.withOrigin(1, 1)).toList(), visited);
    }

    @Test
    void tilesOfAnImageRowMajorWithTheirImageCoordinates() throws IOException {
        Image image = new Image(0, 0, 6, 4, new SplittableRandom(8).doubles(24).toArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FitsImages.writeImage(out, image, Bitpix.FLOAT64, Map.of());
        ByteArraySource source = new ByteArraySource("i.fits", out.toByteArray());
        FitsImageHeader header = FitsImageHeader.read(source);
        List<Image> visited = new ArrayList<>();
        FitsStamps.forEach(source, header, 2, 0, (i, stamp) -> visited.add(stamp.copy()));
        List<Image> expected = new ArrayList<>();
        for (int y = 0; y < 4; y += 2) {
            for (int x = 0; x < 6; x += 2) {
                expected.add(image.cut(x, y, 2, 2));
            }
        }
        assertEquals(6, FitsStamps.count(header, 2));
        assertEquals(expected, visited);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FitsStamps.forEach(source, header, 4, 0, (i, stamp) -> { }));
        assertEquals("i.fits: a 6x4 image is not a whole number of 4-pixel stamps", e.getMessage());
    }
}
