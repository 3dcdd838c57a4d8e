package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megalut.image.Image;

class StampInverseFftTest {

    /**
     * A random real N-periodic image, its forward DFT's half plane kx ∈ [0, N/2] as the grid: the
     * inverse must give back the image on the stamp's window, whatever N's radix and the window's
     * origin.
     */
    @ParameterizedTest
    @CsvSource({"8, 6, 5, 3, 2", "12, 7, 12, 3, 6", "16, 16, 16, 8, 8", "24, 9, 10, 4, 5", "6, 6, 4, 3, 2"})
    void invertsTheHalfPlaneTransformOfARealImage(int n, int width, int height, int ox, int oy) {
        SplittableRandom rng = new SplittableRandom(n * 31L + width);
        double[][] f = new double[n][n];   // f[y][x]
        for (double[] row : f) {
            for (int x = 0; x < n; x++) {
                row[x] = rng.nextDouble(-1, 1);
            }
        }
        StampInverseFft fft = new StampInverseFft(n);
        fft.clear();
        for (int ky = 0; ky < n; ky++) {
            for (int kx = 0; kx <= n / 2; kx++) {
                double re = 0;
                double im = 0;
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        double ph = -2 * Math.PI * (((long) kx * x + (long) ky * y) % n) / n;
                        re += f[y][x] * Math.cos(ph);
                        im += f[y][x] * Math.sin(ph);
                    }
                }
                fft.re()[ky][kx] = re;
                fft.im()[ky][kx] = im;
            }
        }
        Image stamp = Image.zeros(width, height);
        fft.inverse(stamp, ox, oy, 1.0 / (n * n));
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double expected = f[Math.floorMod(r - oy, n)][Math.floorMod(c - ox, n)];
                assertEquals(expected, stamp.pixels()[r * width + c], 1e-13, "n " + n + " pixel (" + c + ", " + r + ")");
            }
        }
    }

    @Test
    void refusesSizesItCannotTransformAndStampsLargerThanTheGrid() {
        assertThrows(IllegalArgumentException.class, () -> new StampInverseFft(10));
        assertThrows(IllegalArgumentException.class, () -> new StampInverseFft(3));
        StampInverseFft fft = new StampInverseFft(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fft.inverse(Image.zeros(9, 4), 4, 2, 1));
        assertEquals("stamp 9×4 larger than the FFT size 8", e.getMessage());
    }
}
