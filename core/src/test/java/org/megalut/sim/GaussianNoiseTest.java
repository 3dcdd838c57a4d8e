package org.megalut.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

class GaussianNoiseTest {

    @Test
    void sameStreamSameNoise() {
        Image a = Image.zeros(48, 48);
        Image b = Image.zeros(48, 48);
        GaussianNoise.add(a, 0.1, RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
        GaussianNoise.add(b, 0.1, RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
        assertArrayEquals(a.pixels(), b.pixels(), 0);
    }

    @Test
    void momentsMatchSigma() {
        Image img = Image.zeros(200, 200);
        GaussianNoise.add(img, 2, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        double n = img.pixels().length;
        double mean = img.sum() / n;
        double var = 0;
        for (double v : img.pixels()) {
            var += (v - mean) * (v - mean);
        }
        var /= n - 1;
        // 40 000 samples: standard errors 0.01 on the mean and 0.028 on the variance
        assertEquals(0, mean, 0.05);
        assertEquals(4, var, 0.15);
    }

    @Test
    void snrSigmaAndErrors() {
        Image img = new Image(0, 0, 2, 1, new double[] {3, 4});
        assertEquals(0.25, GaussianNoise.sigmaForSnr(img, 20), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> GaussianNoise.add(img, -1, RandomSource.JSF_64.create(1L)));
    }
}
