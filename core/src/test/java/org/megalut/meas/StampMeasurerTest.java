package org.megalut.meas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.testing.TestImages;

class StampMeasurerTest {

    private final StampMeasurer measurer = StampMeasurer.megalutDefaults();

    @Test
    void skyStatisticsUseTheOuterRing() {
        Image stamp = Image.zeros(48, 48);
        Arrays.fill(stamp.pixels(), 7.0);
        stamp.set(0, 0, 1.0);     // in the ring
        stamp.set(24, 24, 1e6);   // inside: ignored by ring statistics
        SkyStatistics s = SkyStatistics.ofOuterRing(stamp);
        assertEquals(7.0 - 6.0 / 188, s.mean(), 1e-12);
        assertEquals(7.0, s.median(), 0);
        assertEquals(0.0, s.mad(), 0);
        assertEquals(48 * 48 * 7.0 - 6 + 1e6 - 7, s.stampSum(), 1e-6);
    }

    @Test
    void medianOfEvenAndOddRings() {
        // 6x6 stamp: 20 ring pixels 1..20 (shuffled), so the median is 10.5 and the MAD is 5.
        Image stamp = Image.zeros(6, 6);
        int[] order = {7, 19, 2, 14, 11, 5, 20, 1, 16, 9, 3, 18, 12, 6, 15, 10, 4, 17, 13, 8};
        int n = 0;
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                if (x == 0 || y == 0 || x == 5 || y == 5) {
                    stamp.set(x, y, order[n++]);
                }
            }
        }
        SkyStatistics s = SkyStatistics.ofOuterRing(stamp);
        assertEquals(10.5, s.median(), 0);
        assertEquals(SkyStatistics.MAD_TO_SIGMA * 5.0, s.mad(), 1e-12);
        assertEquals(10.5, s.mean(), 1e-12);
    }

    @Test
    void madEstimatesGaussianNoise() {
        Image stamp = Image.zeros(200, 200);
        Arrays.fill(stamp.pixels(), 3.0);
        TestImages.addNoise(stamp, 0.5, 42);
        SkyStatistics s = SkyStatistics.ofOuterRing(stamp);
        assertEquals(0.5, s.mad(), 0.03);
        assertEquals(0.5, s.std(), 0.03);
        assertEquals(3.0, s.mean(), 0.03);
    }

    @Test
    void galaxyStampIsMeasured() {
        Image stamp = TestImages.gaussian(48, 50.0, 24.0, 23.2, 6.0, 1.0, 4.0);
        StampFeatures f = measurer.measure(stamp, 23.5, 23.5);
        assertEquals(MeasurementFlag.OK, f.flag());
        assertEquals(50.0, f.flux(), 1e-5);
        assertEquals(24.0, f.x(), 1e-6);
        assertFalse(f.retried());
        // Noise-free: the MAD is ~0 and the S/N tends to sqrt(F).
        assertEquals(Math.sqrt(50.0), f.snr(), 1e-2);
        assertTrue(f.aperSb2() > f.aperSb8());
    }

    @Test
    void distantCentroidIsFlaggedButKept() {
        Image stamp = TestImages.gaussian(48, 50.0, 35.0, 35.0, 4.0, 0.0, 4.0);
        StampFeatures f = measurer.measure(stamp, 23.5, 23.5);
        assertEquals(MeasurementFlag.CENTROID_SHIFT, f.flag());
        assertEquals(35.0, f.x(), 1e-5);
    }

    @Test
    void failedMeasurementIsMasked() {
        Image stamp = Image.zeros(48, 48);
        stamp.set(20, 20, 1.0);
        StampFeatures f = measurer.measure(stamp, 23.5, 23.5);
        assertEquals(MeasurementFlag.FAILED, f.flag());
        assertTrue(f.retried());
        assertTrue(Double.isNaN(f.g1()) && Double.isNaN(f.snr()));
        assertFalse(f.flag().hasFeatures());
    }

}
