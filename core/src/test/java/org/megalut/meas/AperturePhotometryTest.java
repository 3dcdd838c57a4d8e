package org.megalut.meas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

class AperturePhotometryTest {

    @Test
    void overlapOfSimpleShapes() {
        assertEquals(Math.PI * 4, AperturePhotometry.overlap(-5, 5, -5, 5, 2), 1e-12);
        assertEquals(1.0, AperturePhotometry.overlap(-0.5, 0.5, -0.5, 0.5, 3), 1e-12);
        assertEquals(Math.PI, AperturePhotometry.overlap(0, 5, 0, 5, 2), 1e-12);
        assertEquals(0.0, AperturePhotometry.overlap(3, 4, 3, 4, 2), 0);
        // Half disk: the rectangle's lower edge passes through the centre.
        assertEquals(Math.PI * 4.5, AperturePhotometry.overlap(-3, 3, 0, 3, 3), 1e-12);
    }

    @Test
    void pixelOverlapsTileTheDisk() {
        Image ones = Image.zeros(40, 40);
        Arrays.fill(ones.pixels(), 1.0);
        for (double r : new double[] {0.3, 2, 3, 5, 8}) {
            assertEquals(Math.PI * r * r, AperturePhotometry.sum(ones, 19.37, 20.81, r), 1e-10, "r=" + r);
            assertEquals(1.0, AperturePhotometry.surfaceBrightness(ones, 19.37, 20.81, r), 1e-12);
        }
    }

    @Test
    void linearRampGivesCentreValue() {
        // Centred on a pixel, the overlaps are point-symmetric, so a linear ramp averages to its centre value.
        Image ramp = Image.zeros(40, 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                ramp.set(x, y, 2.0 + 0.5 * x - 0.25 * y);
            }
        }
        double cx = 20.0;
        double cy = 18.0;
        assertEquals(2.0 + 0.5 * cx - 0.25 * cy, AperturePhotometry.surfaceBrightness(ramp, cx, cy, 5), 1e-10);
    }
}
