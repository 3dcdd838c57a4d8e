package org.megalut.meas;

import org.megalut.image.Image;

/**
 * Adaptive moments following HSM's {@code find_ellipmom_2} iteration (Hirata &amp; Seljak 2003, as in
 * GalSim's {@code FindAdaptiveMom}): same steps, clamps, pixel ranges, convergence test and failures,
 * so that successes, failures and iteration counts agree with GalSim.
 *
 * <p>One pass computes, over the pixels with ρ² &lt; ρ²_max, A = Σ I W, B = Σ I W d, C = Σ I W d dᵀ and
 * Σ I W ρ⁴ (d = x − x₀). With b the minor semi-axis of M, the steps are δx = 2B/(A b),
 * δM = 4(C/A − M/2)/b², each clamped to ±{@code boundCorrectWeight}; x₀ += δx·b, M += δM·b². The loop
 * stops when the largest step (scaled by b₀/b when the weight shrank) is at most the precision.
 *
 * <p>Speed without changing the iteration: the weight along an image row is evaluated by a
 * multiplicative recurrence (two exponentials per row instead of one per pixel; along a row ρ² is
 * quadratic in x, so W(x+1)/W(x) changes by the constant factor exp(−Minv_xx) from pixel to pixel), the
 * (y−y0) factors are applied once per row, and ρ⁴, which only the last pass reports, is computed once
 * after convergence. The changed rounding (~1e-15 relative) is far below the 1e-6 convergence threshold.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class AdaptiveMomentsFitter {

    private final AdaptiveMomentsParams params;

    public AdaptiveMomentsFitter(AdaptiveMomentsParams params) {
        this.params = params;
    }

    public AdaptiveMomentsParams params() {
        return params;
    }

    /** Measures with the weight starting at the image's true centre (a pixel corner for even sizes). */
    public AdaptiveMoments measure(Image image) {
        return measure(image, image.trueCenterX(), image.trueCenterY());
    }

    /**
     * Measures the image with the weight starting at (guessX, guessY) in the image's own coordinates.
     * Never throws for a failed measurement: the result says why it failed.
     */
    public AdaptiveMoments measure(Image image, double guessX, double guessY) {
        // HSM measures the smallest sub-image holding all non-zero pixels (its mask step).
        Bounds b = nonZeroBounds(image);
        if (b == null) {
            return AdaptiveMoments.failure("Masked image is all 0's.", 0);
        }
        double s0 = params.guessSigma();
        return iterate(image, b, guessX, guessY, s0 * s0, 0.0, s0 * s0);
    }

    private AdaptiveMoments iterate(Image image, Bounds bounds, double x0, double y0,
                                    double mxx, double mxy, double myy) {
        final double bound = params.boundCorrectWeight();
        final double x00 = x0;
        final double y00 = y0;
        double convergence = 1.0;
        double shiftScale0 = 0.0;
        int iterations = 0;
        double[] sums = new double[6];
        double[] last = new double[5];
        while (convergence > params.precision()) {
            last[0] = x0;
            last[1] = y0;
            last[2] = mxx;
            last[3] = mxy;
            last[4] = myy;
            String error = ellipticalMoments(image, bounds, x0, y0, mxx, mxy, myy, sums);
            if (error != null) {
                return AdaptiveMoments.failure(error, iterations);
            }
            double amp = sums[0];
            double twoPsi = Math.atan2(2 * mxy, mxx - myy);
            double semiA2 = 0.5 * ((mxx + myy) + (mxx - myy) * Math.cos(twoPsi)) + mxy * Math.sin(twoPsi);
            double semiB2 = mxx + myy - semiA2;
            if (semiB2 <= 0) {
                return AdaptiveMoments.failure("Error: non positive-definite weight in find_ellipmom_2.", iterations);
            }
            double shiftScale = Math.sqrt(semiB2);
            if (iterations == 0) {
                shiftScale0 = shiftScale;
            }
            double dx = clamp(2.0 * sums[1] / (amp * shiftScale), bound);
            double dy = clamp(2.0 * sums[2] / (amp * shiftScale), bound);
            double dxx = clamp(4.0 * (sums[3] / amp - 0.5 * mxx) / semiB2, bound);
            double dxy = clamp(4.0 * (sums[4] / amp - 0.5 * mxy) / semiB2, bound);
            double dyy = clamp(4.0 * (sums[5] / amp - 0.5 * myy) / semiB2, bound);

            convergence = Math.max(Math.abs(dx), Math.abs(dy));
            convergence = Math.max(Math.abs(dxx), convergence);
            convergence = Math.max(Math.abs(dxy), convergence);
            convergence = Math.max(Math.abs(dyy), convergence);
            if (shiftScale < shiftScale0) {
                convergence *= shiftScale0 / shiftScale;
            }

            x0 += dx * shiftScale;
            y0 += dy * shiftScale;
            mxx += dxx * semiB2;
            mxy += dxy * semiB2;
            myy += dyy * semiB2;
            iterations++;

            if (Math.abs(mxx) > params.maxMoment() || Math.abs(mxy) > params.maxMoment()
                    || Math.abs(myy) > params.maxMoment()
                    || Math.abs(x0 - x00) > params.maxShift() || Math.abs(y0 - y00) > params.maxShift()) {
                return AdaptiveMoments.failure("Error: adaptive moment failed", iterations);
            }
            // An undersampled source drives M towards zero; HSM reports it as a singular matrix.
            if (Math.abs(mxx) < 1e-8 || Math.abs(myy) < 1e-8 || mxx * myy - mxy * mxy < 1e-8) {
                return AdaptiveMoments.failure(
                        "Error: HSM collapsed to singular moment matrix. Object is too small.", iterations);
            }
            if (iterations > params.maxIterations()) {
                return AdaptiveMoments.failure("Error: too many iterations in adaptive moments", iterations);
            }
            if (Double.isNaN(convergence) || Double.isNaN(mxx) || Double.isNaN(myy) || Double.isNaN(mxy)
                    || Double.isNaN(x0) || Double.isNaN(y0)) {
                return AdaptiveMoments.failure("Error: NaN in calculation of adaptive moments", iterations);
            }
        }
        // HSM reports ρ4 of the last pass, made with the parameters before the last update.
        double rho4 = weightedRho4(image, bounds, last[0], last[1], last[2], last[3], last[4]) / sums[0];
        return new AdaptiveMoments(true, 2.0 * sums[0], x0, y0, mxx, mxy, myy, rho4, iterations, "");
    }

    private static double clamp(double v, double bound) {
        if (v > bound) {
            return bound;
        }
        return v < -bound ? -bound : v;
    }

    /**
     * One HSM moment pass ({@code find_ellipmom_1}) without ρ⁴: fills sums = {A, Bx, By, Cxx, Cxy, Cyy}.
     * Per row it accumulates Σ I W (x−x0)^k for k = 0, 1, 2 and folds the (y−y0) factors in afterwards.
     *
     * @return null on success, else HSM's error message
     */
    private String ellipticalMoments(Image image, Bounds b, double x0, double y0,
                                     double mxx, double mxy, double myy, double[] sums) {
        double detM = mxx * myy - mxy * mxy;
        if (detM <= 0 || mxx <= 0 || myy <= 0) {
            return "Error: non positive definite adaptive moments!";
        }
        WeightEllipse e = new WeightEllipse(x0, y0, mxx, mxy, myy, params.maxRho2(), b);
        if (e.iy1 > e.iy2) {
            return "Bounds don't make sense";
        }
        double a = 0;
        double bx = 0;
        double by = 0;
        double cxx = 0;
        double cxy = 0;
        double cyy = 0;
        double[] pix = image.pixels();
        int width = image.width();
        double decay = Math.exp(-e.minvXx);
        for (int y = e.iy1; y <= e.iy2; y++) {
            if (!e.row(y)) {
                return "Failure in finding min/max x for some y!";
            }
            int ix1 = e.ix1;
            int ix2 = e.ix2;
            if (ix1 > ix2) {
                continue;
            }
            double yy0 = e.yy0;
            double xx0 = ix1 - x0;
            double w = e.weight(xx0);
            double ratio = e.ratio(xx0);
            int row = (y - image.ymin()) * width - image.xmin();
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            int x = ix1;
            if (ix2 - ix1 >= 7) {
                // Four interleaved lanes (pixels x, x+1, x+2, x+3) shorten the serial multiply/add
                // chains fourfold: W(x+4) = W(x)·r(x)r(x+1)r(x+2)r(x+3), a factor that changes by
                // exp(−16 Minv_xx) per step; lane j's factor is lane 0's times exp(−4j Minv_xx).
                double w1 = w * ratio;
                double w2 = w1 * ratio * decay;
                double w3 = w2 * ratio * decay * decay;
                double d4 = decay * decay * decay * decay;
                double step0 = ratio * ratio * ratio * ratio * d4 * decay * decay;
                double step1 = step0 * d4;
                double step2 = step1 * d4;
                double step3 = step2 * d4;
                double d16 = d4 * d4 * d4 * d4;
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double b0 = 0;
                double b1 = 0;
                double b2 = 0;
                double c0 = 0;
                double c1 = 0;
                double c2 = 0;
                double e0 = 0;
                double e1 = 0;
                double e2 = 0;
                for (; x + 3 <= ix2; x += 4, xx0 += 4.0) {
                    int k = row + x;
                    double i0 = w * pix[k];
                    double i1 = w1 * pix[k + 1];
                    double i2 = w2 * pix[k + 2];
                    double i3 = w3 * pix[k + 3];
                    double u0 = i0 * xx0;
                    double u1 = i1 * (xx0 + 1.0);
                    double u2 = i2 * (xx0 + 2.0);
                    double u3 = i3 * (xx0 + 3.0);
                    a0 += i0;
                    a1 += u0;
                    a2 += u0 * xx0;
                    b0 += i1;
                    b1 += u1;
                    b2 += u1 * (xx0 + 1.0);
                    c0 += i2;
                    c1 += u2;
                    c2 += u2 * (xx0 + 2.0);
                    e0 += i3;
                    e1 += u3;
                    e2 += u3 * (xx0 + 3.0);
                    w *= step0;
                    w1 *= step1;
                    w2 *= step2;
                    w3 *= step3;
                    step0 *= d16;
                    step1 *= d16;
                    step2 *= d16;
                    step3 *= d16;
                    ratio *= d4;
                }
                s0 += (a0 + b0) + (c0 + e0);
                s1 += (a1 + b1) + (c1 + e1);
                s2 += (a2 + b2) + (c2 + e2);
            }
            for (; x <= ix2; x++, xx0 += 1.0) {
                double intensity = w * pix[row + x];
                double ix = intensity * xx0;
                s0 += intensity;
                s1 += ix;
                s2 += ix * xx0;
                w *= ratio;
                ratio *= decay;
            }
            a += s0;
            bx += s1;
            by += s0 * yy0;
            cxx += s2;
            cxy += s1 * yy0;
            cyy += s0 * yy0 * yy0;
        }
        sums[0] = a;
        sums[1] = bx;
        sums[2] = by;
        sums[3] = cxx;
        sums[4] = cxy;
        sums[5] = cyy;
        return null;
    }

    /** Σ I W ρ⁴ over the pixels of one HSM pass with the given weight (M already known to be valid). */
    private double weightedRho4(Image image, Bounds b, double x0, double y0, double mxx, double mxy, double myy) {
        WeightEllipse e = new WeightEllipse(x0, y0, mxx, mxy, myy, params.maxRho2(), b);
        double[] pix = image.pixels();
        int width = image.width();
        double decay = Math.exp(-e.minvXx);
        double rho4 = 0;
        for (int y = e.iy1; y <= e.iy2; y++) {
            if (!e.row(y) || e.ix1 > e.ix2) {
                continue;
            }
            int row = (y - image.ymin()) * width - image.xmin();
            double xx0 = e.ix1 - x0;
            double w = e.weight(xx0);
            double ratio = e.ratio(xx0);
            for (int x = e.ix1; x <= e.ix2; x++, xx0 += 1.0) {
                double rho2 = e.rho2(xx0);
                rho4 += w * pix[row + x] * rho2 * rho2;
                w *= ratio;
                ratio *= decay;
            }
        }
        return rho4;
    }

    /**
     * The weight ellipse of one pass, with HSM's arithmetic for M⁻¹ and for the pixel ranges where
     * ρ² &lt; ρ²_max: rows y0 ± sqrt(ρ²_max Myy), and in each row the roots of
     * Minv_xx t² + 2 Minv_xy (y−y0) t + Minv_yy (y−y0)² − ρ²_max = 0, rounded inwards.
     */
    private static final class WeightEllipse {
        final double x0;
        final double minvXx;
        final double twoMinvXy;
        final double minvYy;
        final double maxRho2;
        final double inv2MinvXx;
        final Bounds bounds;
        final double y0;
        final int iy1;
        final int iy2;
        /** Quantities of the row last given to {@link #row}. */
        int ix1;
        int ix2;
        double yy0;
        double twoMinvXyYy0;
        double minvYyYy0Sq;

        WeightEllipse(double x0, double y0, double mxx, double mxy, double myy, double maxRho2, Bounds b) {
            double detM = mxx * myy - mxy * mxy;
            this.x0 = x0;
            this.y0 = y0;
            this.minvXx = myy / detM;
            this.twoMinvXy = -mxy / detM * 2.0;
            this.minvYy = mxx / detM;
            this.inv2MinvXx = 0.5 / minvXx;
            this.maxRho2 = maxRho2;
            this.bounds = b;
            double yHalf = Math.sqrt(maxRho2 * myy);
            this.iy1 = Math.max((int) Math.ceil(y0 - yHalf), b.ymin);
            this.iy2 = Math.min((int) Math.floor(yHalf + y0), b.ymax);
        }

        /** Sets row y's limits (ix1 &gt; ix2 when empty); false when the row has no real root. */
        boolean row(int y) {
            yy0 = y - y0;
            twoMinvXyYy0 = twoMinvXy * yy0;
            minvYyYy0Sq = minvYy * yy0 * yy0;
            double disc = twoMinvXyYy0 * twoMinvXyYy0 - 4.0 * minvXx * (minvYyYy0Sq - maxRho2);
            if (disc < 0.0) {
                return false;
            }
            double sqrtDisc = Math.sqrt(disc);
            ix1 = Math.max((int) Math.ceil(inv2MinvXx * (-twoMinvXyYy0 - sqrtDisc) + x0), bounds.xmin);
            ix2 = Math.min((int) Math.floor(inv2MinvXx * (-twoMinvXyYy0 + sqrtDisc) + x0), bounds.xmax);
            return true;
        }

        /** ρ² at x − x0 = xx0 on the current row. */
        double rho2(double xx0) {
            return minvYyYy0Sq + twoMinvXyYy0 * xx0 + minvXx * xx0 * xx0;
        }

        /** W = exp(−½ρ²) at xx0 on the current row. */
        double weight(double xx0) {
            return Math.exp(-0.5 * rho2(xx0));
        }

        /** W(x+1)/W(x) = exp(−½(2 Minv_xx (x−x0) + Minv_xx + 2 Minv_xy (y−y0))); it changes by exp(−Minv_xx) per pixel. */
        double ratio(double xx0) {
            return Math.exp(-0.5 * (2.0 * minvXx * xx0 + minvXx + twoMinvXyYy0));
        }
    }

    /** Inclusive pixel bounds in the image's coordinates. */
    private record Bounds(int xmin, int xmax, int ymin, int ymax) { }

    /**
     * Bounding box of the non-zero pixels, scanning inwards from each edge, so that a noisy stamp costs
     * a few comparisons instead of a full pass.
     */
    private static Bounds nonZeroBounds(Image image) {
        double[] pix = image.pixels();
        int w = image.width();
        int h = image.height();
        int y0 = 0;
        while (y0 < h && rowIsZero(pix, w, y0, 0, w - 1)) {
            y0++;
        }
        if (y0 == h) {
            return null;
        }
        int y1 = h - 1;
        while (rowIsZero(pix, w, y1, 0, w - 1)) {
            y1--;
        }
        int x0 = 0;
        while (columnIsZero(pix, w, x0, y0, y1)) {
            x0++;
        }
        int x1 = w - 1;
        while (columnIsZero(pix, w, x1, y0, y1)) {
            x1--;
        }
        return new Bounds(x0 + image.xmin(), x1 + image.xmin(), y0 + image.ymin(), y1 + image.ymin());
    }

    private static boolean rowIsZero(double[] pix, int w, int j, int i0, int i1) {
        for (int i = i0; i <= i1; i++) {
            if (pix[j * w + i] != 0.0) {
                return false;
            }
        }
        return true;
    }

    private static boolean columnIsZero(double[] pix, int w, int i, int j0, int j1) {
        for (int j = j0; j <= j1; j++) {
            if (pix[j * w + i] != 0.0) {
                return false;
            }
        }
        return true;
    }
}
