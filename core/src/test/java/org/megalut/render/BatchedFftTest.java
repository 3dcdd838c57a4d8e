package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BatchedFftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6, 8, 12, 16, 24, 48, 64, 96, 128, 192, 256, 384})
    void matchesTheDirectSumForEverySequenceOfTheBatch(int n) {
        int width = 7;
        SplittableRandom rng = new SplittableRandom(n);
        double[][] re = new double[n][width];
        double[][] im = new double[n][width];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < width; t++) {
                re[k][t] = rng.nextDouble(-1, 1);
                im[k][t] = rng.nextDouble(-1, 1);
            }
        }
        double[][] expRe = new double[n][width];
        double[][] expIm = new double[n][width];
        for (int m = 0; m < n; m++) {
            for (int t = 0; t < width; t++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) {
                    // e^{+2πi km/n}, the phase reduced mod n first so that it stays exact
                    double ph = 2 * Math.PI * ((long) k * m % n) / n;
                    sr += re[k][t] * Math.cos(ph) - im[k][t] * Math.sin(ph);
                    si += re[k][t] * Math.sin(ph) + im[k][t] * Math.cos(ph);
                }
                expRe[m][t] = sr;
                expIm[m][t] = si;
            }
        }
        new BatchedFft(n).inverse(re, im, new double[n][width], new double[n][width], width);
        double tol = 1e-14 * n * Math.log(2 * n);
        for (int m = 0; m < n; m++) {
            for (int t = 0; t < width; t++) {
                assertEquals(expRe[m][t], re[m][t], tol, "re, n " + n + " m " + m + " t " + t);
                assertEquals(expIm[m][t], im[m][t], tol, "im, n " + n + " m " + m + " t " + t);
            }
        }
    }

    @Test
    void transformsOnlyTheFirstWidthSequences() {
        int n = 8;
        double[][] re = new double[n][3];
        double[][] im = new double[n][3];
        re[0][0] = 1;
        re[1][1] = 1;
        new BatchedFft(n).inverse(re, im, new double[n][3], new double[n][3], 2);
        for (int m = 0; m < n; m++) {
            // a delta at k = 0 gives a constant, one at k = 1 the phase e^{+2πi m/n}
            assertEquals(1, re[m][0], 1e-15);
            assertEquals(0, im[m][0], 1e-15);
            assertEquals(Math.cos(2 * Math.PI * m / n), re[m][1], 1e-15);
            assertEquals(Math.sin(2 * Math.PI * m / n), im[m][1], 1e-15);
        }
    }

    @Test
    void supportsPowersOfTwoAndThreeTimesPowersOfTwoOnly() {
        assertTrue(BatchedFft.isSupported(1));
        assertTrue(BatchedFft.isSupported(192));
        assertTrue(BatchedFft.isSupported(4096));
        assertFalse(BatchedFft.isSupported(0));
        assertFalse(BatchedFft.isSupported(9));
        assertFalse(BatchedFft.isSupported(160));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchedFft(160));
        assertTrue(e.getMessage().contains("160"), e.getMessage());
    }
}
