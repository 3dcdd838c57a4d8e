package org.megalut.testing;

import java.util.SplittableRandom;
import org.megalut.image.Image;

/** Analytic test images. */
public final class TestImages {

    private TestImages() { }

    /**
     * Adds F/(2π sqrt det C) exp(−½ dᵀC⁻¹d), sampled at pixel centres, centred at (cx, cy) in the
     * image's own coordinates, covariance C = [[cxx, cxy], [cxy, cyy]] [px²].
     */
    public static Image addGaussian(Image img, double flux, double cx, double cy, double cxx, double cxy, double cyy) {
        double det = cxx * cyy - cxy * cxy;
        double norm = flux / (2 * Math.PI * Math.sqrt(det));
        for (int y = img.ymin(); y <= img.ymax(); y++) {
            for (int x = img.xmin(); x <= img.xmax(); x++) {
                double dx = x - cx;
                double dy = y - cy;
                double rho2 = (cyy * dx * dx - 2 * cxy * dx * dy + cxx * dy * dy) / det;
                img.set(x, y, img.get(x, y) + norm * Math.exp(-0.5 * rho2));
            }
        }
        return img;
    }

    /** A 0-based size×size image holding one sampled Gaussian (see {@link #addGaussian}). */
    public static Image gaussian(int size, double flux, double cx, double cy, double cxx, double cxy, double cyy) {
        return addGaussian(Image.zeros(size, size), flux, cx, cy, cxx, cxy, cyy);
    }

    /** Adds white Gaussian noise of standard deviation sigma from a seeded generator. */
    public static Image addNoise(Image img, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = img.pixels();
        for (int i = 0; i < p.length; i++) {
            p[i] += sigma * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return img;
    }
}
