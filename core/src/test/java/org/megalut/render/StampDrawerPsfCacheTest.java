package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

/** The PSF k-grids kept by {@link StampDrawer} and {@link PsfKGrids} are invisible in the stamps. */
class StampDrawerPsfCacheTest {

    @Test
    void alternatingGridsGiveTheStampsOfAFreshDrawer() {
        check(Kolmogorov.ofFwhm(0.7, 1).shear(0.03, -0.02));
    }

    /** A complex (not point-symmetric) PSF: coma and a shift, as a GREAT3 ground PSF. */
    @Test
    void complexPsf() {
        Profile optics = new OpticalPSF(0.017, 0.2, 0, 0, 0, new double[] {0.05, 0.02, -0.03, 0.04, 0.01, 0, 0, 0}, 1);
        check(Convolution.of(Kolmogorov.ofFwhm(0.6, 1), optics).shift(0.03, -0.05));
    }

    /** Drawers on several threads sharing one PSF's grids draw what lone drawers draw. */
    @Test
    void gridsSharedBetweenThreadsGiveTheStampsOfLoneDrawers() throws Exception {
        Profile optics = new OpticalPSF(0.03, 0.2, 0, 0, 0, new double[] {0.05, 0.02, -0.03, 0.04, 0.01, 0, 0, 0}, 1);
        PsfKGrids shared = new PsfKGrids(Convolution.of(Kolmogorov.ofFwhm(0.6, 1), optics));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int first = t;
                results.add(pool.submit(() -> {
                    StampDrawer d = new StampDrawer();
                    double[][] out = new double[12][];
                    for (int i = 0; i < out.length; i++) {
                        Profile gal = Sersic.ofHalfLightRadius(1.5, 0.1 * Math.pow(1.3, (i + first) % 12), 100);
                        out[i] = d.draw(gal, shared, Image.zeros(48, 48), 0.2, 0.1, 0.2, DrawMethod.AUTO).pixels();
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 3; t++) {
                double[][] got = results.get(t).get();
                for (int i = 0; i < got.length; i++) {
                    Profile gal = Sersic.ofHalfLightRadius(1.5, 0.1 * Math.pow(1.3, (i + t) % 12), 100);
                    Image lone = new StampDrawer().draw(gal, shared.psf(), Image.zeros(48, 48), 0.2, 0.1, 0.2,
                            DrawMethod.AUTO);
                    assertArrayEquals(lone.pixels(), got[i], 0.0, "thread " + t + " galaxy " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(Profile psf) {
        Profile[] gals = new Profile[PsfKGrids.GRIDS + 3];
        for (int i = 0; i < gals.length; i++) {
            // sizes from 0.1" to a few arcsec: several distinct FFT grids, more than the cache holds
            gals[i] = Sersic.ofHalfLightRadius(1.5, 0.1 * Math.pow(1.4, i), 100).shear(0.2, 0.1);
        }
        StampDrawer shared = new StampDrawer();
        Set<FftGrid> grids = new HashSet<>();
        // largest galaxies first (Nk grows: the PSF grid must be extended), then smallest first, then mixed
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < gals.length; i++) {
                int k = pass == 0 ? gals.length - 1 - i : pass == 1 ? i : (7 * i) % gals.length;
                Image a = shared.draw(gals[k], psf, Image.zeros(48, 48), 0.2, 0.3, -0.2, DrawMethod.AUTO);
                grids.add(shared.lastGrid());
                Image b = new StampDrawer().draw(gals[k], psf, Image.zeros(48, 48), 0.2, 0.3, -0.2, DrawMethod.AUTO);
                assertArrayEquals(b.pixels(), a.pixels(), 0.0, "galaxy " + k + " pass " + pass);
            }
        }
        assertNotEquals(1, grids.size(), "the test needs several grids");
    }
}
