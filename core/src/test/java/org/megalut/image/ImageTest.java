package org.megalut.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageTest {

    @Test
    void cutKeepsParentCoordinates() {
        Image img = Image.zeros(96, 48);
        img.set(50, 10, 3.0);
        Image stamp = img.cut(48, 0, 48, 48);
        assertEquals(48, stamp.xmin());
        assertEquals(3.0, stamp.get(50, 10));
        assertEquals(71.5, stamp.trueCenterX());
        assertEquals(23.5, stamp.trueCenterY());
    }

    @Test
    void pasteIsTheInverseOfCut() {
        Image img = Image.zeros(96, 96);
        Image stamp = new Image(48, 0, 48, 48);
        stamp.set(60, 10, 2.5);
        img.paste(stamp);
        assertEquals(2.5, img.get(60, 10));
        assertEquals(stamp, img.cut(48, 0, 48, 48));
        assertThrows(IllegalArgumentException.class, () -> img.paste(new Image(60, 60, 48, 48)));
    }

    @Test
    void cutOutsideIsRejected() {
        Image img = Image.zeros(48, 48);
        assertThrows(IllegalArgumentException.class, () -> img.cut(10, 10, 48, 48));
        assertThrows(IndexOutOfBoundsException.class, () -> img.get(48, 0));
    }
}
