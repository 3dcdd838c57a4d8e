package org.megalut.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

class StampsTest {

    @Test
    void catalogPositionsAndTrueCentres() {
        assertEquals(23, Stamps.catalogPosition(0, 48));
        assertEquals(71, Stamps.catalogPosition(1, 48));
        assertEquals(4775, Stamps.catalogPosition(99, 48));
        assertEquals(23.5, Stamps.trueCenter(23));
        assertEquals(2, Stamps.stampIndex(48 * 2 + 23, 48));
        assertThrows(IllegalArgumentException.class, () -> Stamps.catalogPosition(0, 47));
    }

    @Test
    void stampCoversGreat3PixelRangeAndKeepsParentCoordinates() {
        Image field = Image.zeros(144, 144);
        for (int y = 0; y < 144; y++) {
            for (int x = 0; x < 144; x++) {
                field.set(x, y, 1000 * y + x);
            }
        }
        Image s = Stamps.stamp(field, 71, 119, 48);
        assertEquals(48, s.xmin());
        assertEquals(96, s.ymin());
        assertEquals(95, s.xmax());
        assertEquals(143, s.ymax());
        assertEquals(1000 * 100 + 50, s.get(50, 100));
        // The true centre of the stamp is the catalogue position + 0.5 (a pixel corner).
        assertEquals(Stamps.trueCenter(71), s.trueCenterX());
        assertEquals(Stamps.trueCenter(119), s.trueCenterY());
    }

    @Test
    void stampOutsideTheImageIsAClearError() {
        Image band = new Image(0, 48, 144, 48);
        Stamps.stamp(band, 23, 71, 48);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stamps.stamp(band, 23, 23, 48));
        assertTrue(e.getMessage().contains("(23, 23)") && e.getMessage().contains("[48..95]"), e.getMessage());
    }

    @Test
    void bandsCoverAllStampRowsWithoutSplittingStamps() {
        List<StampRowBand> bands = Stamps.bands(100, 3, 48);
        assertEquals(List.of(new StampRowBand(0, 34, 48), new StampRowBand(34, 33, 48), new StampRowBand(67, 33, 48)),
                bands);
        StampRowBand b = bands.get(1);
        assertEquals(34 * 48, b.y0());
        assertEquals(33 * 48, b.nrows());
        assertTrue(b.containsPosition(Stamps.catalogPosition(34, 48)));
        assertTrue(b.containsPosition(Stamps.catalogPosition(66, 48)));
        assertFalse(b.containsPosition(Stamps.catalogPosition(67, 48)));
        assertThrows(IllegalArgumentException.class, () -> Stamps.bands(100, 0, 48));
        assertThrows(IllegalArgumentException.class, () -> Stamps.bands(3, 4, 48));
    }
}
