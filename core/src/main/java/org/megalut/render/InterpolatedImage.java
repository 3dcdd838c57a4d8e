package org.megalut.render;

import java.util.Objects;
import org.jtransforms.fft.DoubleFFT_2D;
import org.megalut.image.Image;

/**
 * A profile defined by a pixel stamp (e.g. a star used as the PSF) and an x-interpolant K (Quintic by
 * default, or {@link Lanczos}), computed like GalSim's InterpolatedImage (docs/rendering.md,
 * "InterpolatedImage"). Immutable.
 *
 * <p>Pixel values are fluxes: the profile is I(x) = Σ a_ij K(x/s − i')K(y/s − j')/s², with (i', j')
 * the pixel's offset from the origin pixel (width/2, height/2) and s the stamp's pixel scale (arcsec),
 * so flux = Σ a_ij. A stamp that already contains the pixel response (a star) is then drawn with
 * {@link DrawMethod#NO_PIXEL}.
 *
 * <p>k-space: the stamp is zero-padded to Np = goodFFTSize(ceil(pad·max(width, height))) with the
 * origin pixel at index 0 and transformed, Ĩ(p, q) = Σ a e^{−2πi(pi' + qj')/Np}; for κ = k·s and
 * f = κNp/(2π), F(k) = û(κx/2π)û(κy/2π)·Σ_{p,q} Q(p − fx)Q(q − fy)Ĩ(p mod Np, q mod Np), and 0 where
 * |κx| or |κy| exceeds 2π·urange; û and urange are the x-interpolant's, Q is the Quintic
 * k-interpolant (GalSim's default).
 *
 * <p>Sizes as GalSim: R = hypot(d + ½, xrange) pixels (xrange = 3 for Quintic, n for Lanczos n), d
 * the half-width of the smallest centred square
 * holding (1 − ft) of the flux, stepK = π/(R s); maxK = (last square ring of the DFT with some
 * |Ĩ| &gt; mt·flux, found by scanning until 5 rings in a row are below, + 1)·(2π/Np)/s.
 */
public final class InterpolatedImage extends Profile {
    private final double scale;
    private final int np;
    private final double[] dft;      // Np×Np complex, row q (ky), column p (kx), interleaved
    private final double[] pixels;   // the stamp, for real-space values
    private final int width;
    private final int height;
    private final int ox;
    private final int oy;
    private final double flux;
    private final double stepK;
    private final double maxK;
    private final double kCut;       // 2π·urange / s
    private final Interpolant xInterp;

    /**
     * @param stamp     pixel values (flux per pixel); only their layout is used, not the image's
     *                  coordinates
     * @param scale     arcsec per stamp pixel
     * @param padFactor zero padding factor (GalSim's InterpolatedImage default is 4, its OpticalPSF
     *                  uses 1.5)
     */
    public InterpolatedImage(Image stamp, double scale, double padFactor) {
        this(stamp, scale, padFactor, Quintic.INSTANCE);
    }

    /**
     * As {@link #InterpolatedImage(Image, double, double)} with the given x-interpolant (e.g.
     * {@code Interpolant.parse("lanczos5")}); the k-interpolant stays Quintic.
     */
    public InterpolatedImage(Image stamp, double scale, double padFactor, Interpolant xInterpolant) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("stamp pixel scale must be positive and finite, got " + scale);
        }
        if (!(padFactor >= 1)) {
            throw new IllegalArgumentException("pad factor must be at least 1, got " + padFactor);
        }
        int bad = stamp.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException("stamp has a non-finite pixel at index " + bad);
        }
        this.xInterp = Objects.requireNonNull(xInterpolant, "x-interpolant");
        this.scale = scale;
        this.width = stamp.width();
        this.height = stamp.height();
        this.pixels = stamp.pixels().clone();
        this.ox = width / 2;
        this.oy = height / 2;
        this.flux = stamp.sum();
        if (flux == 0) {
            throw new IllegalArgumentException("stamp has zero total flux");
        }
        this.np = (int) FftGrid.goodFftSize((long) Math.ceil(padFactor * Math.max(width, height)));
        this.dft = new double[2 * np * np];
        for (int j = 0; j < height; j++) {
            int q = Math.floorMod(j - oy, np);
            for (int i = 0; i < width; i++) {
                int p = Math.floorMod(i - ox, np);
                dft[2 * (q * np + p)] = pixels[j * width + i];
            }
        }
        new DoubleFFT_2D(np, np).complexForward(dft);
        GSParams gs = GSParams.DEFAULT;
        this.stepK = Math.PI / (Math.hypot(foldHalfWidth(gs.foldingThreshold()) + 0.5, xInterp.xrange()) * scale);
        this.maxK = (lastRingAbove(gs.maxkThreshold() * Math.abs(flux)) + 1) * (2 * Math.PI / np) / scale;
        this.kCut = 2 * Math.PI * xInterp.urange() / scale;
    }

    /**
     * A star stamp as a profile centred on the stamp's true centre (GalSim's use_true_center):
     * for an even stamp, half a pixel below and left of the origin pixel.
     */
    public static Profile centredOnTrueCentre(Image stamp, double scale, double padFactor) {
        return centredOnTrueCentre(stamp, scale, padFactor, Quintic.INSTANCE);
    }

    /** As {@link #centredOnTrueCentre(Image, double, double)} with the given x-interpolant. */
    public static Profile centredOnTrueCentre(Image stamp, double scale, double padFactor, Interpolant xInterpolant) {
        InterpolatedImage ii = new InterpolatedImage(stamp, scale, padFactor, xInterpolant);
        double dx = (ii.ox - 0.5 * (stamp.width() - 1)) * scale;
        double dy = (ii.oy - 0.5 * (stamp.height() - 1)) * scale;
        return dx == 0 && dy == 0 ? ii : ii.shift(dx, dy);
    }

    private int foldHalfWidth(double ft) {
        double target = (1 - ft) * Math.abs(flux);
        int maxD = Math.max(Math.max(ox, width - 1 - ox), Math.max(oy, height - 1 - oy));
        for (int d = 0; d < maxD; d++) {
            double s = 0;
            for (int j = Math.max(0, oy - d); j <= Math.min(height - 1, oy + d); j++) {
                for (int i = Math.max(0, ox - d); i <= Math.min(width - 1, ox + d); i++) {
                    s += pixels[j * width + i];
                }
            }
            if (Math.abs(s) >= target) {
                return d;
            }
        }
        return maxD;
    }

    private int lastRingAbove(double threshold) {
        int last = 0;
        int quiet = 0;
        for (int r = 1; r <= np / 2 && quiet < 5; r++) {
            boolean above = false;
            for (int a = -r; a <= r && !above; a++) {
                above = abs(a, -r) > threshold || abs(a, r) > threshold || abs(-r, a) > threshold || abs(r, a) > threshold;
            }
            if (above) {
                last = r;
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return last;
    }

    private double abs(int p, int q) {
        int idx = 2 * (Math.floorMod(q, np) * np + Math.floorMod(p, np));
        return Math.hypot(dft[idx], dft[idx + 1]);
    }

    @Override
    public double flux() {
        return flux;
    }

    @Override
    public double stepK() {
        return stepK;
    }

    @Override
    public double maxK() {
        return maxK;
    }

    @Override
    public boolean isPointSymmetric() {
        return false;
    }

    @Override
    public void kValue(double kx, double ky, FourierValue out) {
        if (Math.abs(kx) > kCut || Math.abs(ky) > kCut) {
            out.set(0, 0);
            return;
        }
        double kappaX = kx * scale;
        double kappaY = ky * scale;
        double fx = kappaX * np / (2 * Math.PI);
        double fy = kappaY * np / (2 * Math.PI);
        int p0 = (int) Math.ceil(fx - Quintic.RANGE);
        int q0 = (int) Math.ceil(fy - Quintic.RANGE);
        double re = 0;
        double im = 0;
        for (int q = q0; q <= fy + Quintic.RANGE; q++) {
            double wq = Quintic.kernel(q - fy);
            if (wq == 0) {
                continue;
            }
            int row = Math.floorMod(q, np) * np;
            double rr = 0;
            double ri = 0;
            for (int p = p0; p <= fx + Quintic.RANGE; p++) {
                double wp = Quintic.kernel(p - fx);
                int idx = 2 * (row + Math.floorMod(p, np));
                rr += wp * dft[idx];
                ri += wp * dft[idx + 1];
            }
            re += wq * rr;
            im += wq * ri;
        }
        double u = xInterp.uval(kappaX / (2 * Math.PI)) * xInterp.uval(kappaY / (2 * Math.PI));
        out.set(u * re, u * im);
    }

    @Override
    public boolean hasXValue() {
        return true;
    }

    @Override
    public double xValue(double x, double y) {
        double tx = x / scale;
        double ty = y / scale;
        double sum = 0;
        int range = xInterp.xrange();
        for (int j = (int) Math.ceil(ty - range); j <= ty + range; j++) {
            int jj = j + oy;
            if (jj < 0 || jj >= height) {
                continue;
            }
            double wy = xInterp.xval(ty - j);
            for (int i = (int) Math.ceil(tx - range); i <= tx + range; i++) {
                int ii = i + ox;
                if (ii >= 0 && ii < width) {
                    sum += wy * xInterp.xval(tx - i) * pixels[jj * width + ii];
                }
            }
        }
        return sum / (scale * scale);
    }

    @Override
    public String toString() {
        return "InterpolatedImage[" + width + "x" + height + ", scale=" + scale + ", flux=" + flux + ", " + xInterp + "]";
    }
}
