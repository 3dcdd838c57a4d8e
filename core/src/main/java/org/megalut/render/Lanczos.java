package org.megalut.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GalSim's Lanczos(n, conserve_dc) interpolant: K(t) = sinc(t)·sinc(t/n) for |t| &lt; n, else 0,
 * with sinc(u) = sin(πu)/(πu). Immutable; instances are cached per (n, conserve_dc).
 *
 * <p><b>Fourier transform.</b> K is the product of sinc(t) and sinc(t/n), so û is the convolution of
 * a unit box with a box of width 1/n and height n, in closed form with the sine integral:
 * F(u) = [(v₊+1)Si(π(v₊+1)) − (v₊−1)Si(π(v₊−1)) + (v₋−1)Si(π(v₋−1)) − (v₋+1)Si(π(v₋+1))]/(2π),
 * v± = n(2u ± 1) (the window |t| &lt; n makes F(0) = 1 − 2Σ_{m≥1} F(m) slightly below 1).
 *
 * <p><b>conserve_dc</b> (default in GalSim): by Poisson summation Σ_j K(t − j) = Σ_m F(m)e^{2πimt}
 * = 1 − 2Σ_{m≥1} K_m(1 − cos 2πmt) with K_m = F(m) (at t = 0 the sum is K(0) = 1).
 * GalSim divides K by this sum truncated at m = 5, so that a constant image interpolates to a
 * constant, and transforms the division by its second-order series:
 * û(u) = C0 F(u) + Σ_{j=1..5} C_j (F(u + j) + F(u − j)) with
 * C0 = 1 + 2(K1(1 + 3K1 + K2 + K3) + K2 + K3 + K4 + K5), C1 = −K1(1 + 4K1 + K2 + 2K3),
 * C2 = K1(K1 − 2K2 + K3) − K2, C3 = K1(K1 − 2K3) − K3, C4 = K1K3 − K4, C5 = −K5.
 *
 * <p><b>Ranges and table</b> (as GalSim): xrange = n. û is tabulated at steps
 * Δu = (ka/200)^{1/4}/n from 0 until u exceeds both 1.1 and u_max + 1/n, where u_max is the last node
 * with |û| &gt; kvalue_accuracy = urange; a natural cubic spline (through the nodes mirrored to u &lt; 0,
 * û being even) interpolates, and û = 0 beyond u_max.
 */
public final class Lanczos implements Interpolant {
    private static final Map<Long, Lanczos> CACHE = new ConcurrentHashMap<>();
    private static final int MIRROR = 8;

    private final int n;
    private final boolean conserveDc;
    private final double[] k = new double[6];
    private final double[] c = new double[6];
    private final double uMax;
    private final UniformSpline table;

    private Lanczos(int n, boolean conserveDc) {
        this.n = n;
        this.conserveDc = conserveDc;
        for (int m = 1; m <= 5; m++) {
            k[m] = rawTransform(m);
        }
        c[0] = 1 + 2 * (k[1] * (1 + 3 * k[1] + k[2] + k[3]) + k[2] + k[3] + k[4] + k[5]);
        c[1] = -k[1] * (1 + 4 * k[1] + k[2] + 2 * k[3]);
        c[2] = k[1] * (k[1] - 2 * k[2] + k[3]) - k[2];
        c[3] = k[1] * (k[1] - 2 * k[3]) - k[3];
        c[4] = k[1] * k[3] - k[4];
        c[5] = -k[5];
        double ka = GSParams.DEFAULT.kvalueAccuracy();
        double step = Math.pow(ka / 200, 0.25) / n;
        List<Double> vals = new ArrayList<>();
        double last = 0;
        for (int i = 0; ; i++) {
            double u = i * step;
            if (!(u - last < 1.0 / n || u < 1.1)) {
                break;
            }
            double v = exactTransform(u);
            vals.add(v);
            if (Math.abs(v) > ka) {
                last = u;
            }
        }
        this.uMax = last;
        int m = vals.size();
        double[] y = new double[m + MIRROR];
        for (int i = 0; i < m; i++) {
            y[MIRROR + i] = vals.get(i);
        }
        for (int i = 1; i <= MIRROR; i++) {
            y[MIRROR - i] = vals.get(i);
        }
        this.table = new UniformSpline(-MIRROR * step, step, y);
    }

    /**
     * The Lanczos interpolant of order n.
     *
     * @param n          order, 1..10 (support |t| &lt; n samples)
     * @param conserveDc whether to apply GalSim's flux-conserving correction (GalSim's default: true)
     * @throws IllegalArgumentException for n outside 1..10
     */
    public static Lanczos of(int n, boolean conserveDc) {
        if (n < 1 || n > 10) {
            throw new IllegalArgumentException("Lanczos order must be in 1..10, got " + n);
        }
        return CACHE.computeIfAbsent(2L * n + (conserveDc ? 1 : 0), key -> new Lanczos(n, conserveDc));
    }

    public int n() { return n; }
    public boolean conserveDc() { return conserveDc; }

    /** F(u), the transform of the uncorrected kernel sinc(t)·sinc(t/n). */
    double rawTransform(double u) {
        double vp = n * (2 * u + 1);
        double vm = n * (2 * u - 1);
        double r = (vm - 1) * SineIntegral.si(Math.PI * (vm - 1)) - (vm + 1) * SineIntegral.si(Math.PI * (vm + 1))
                - (vp - 1) * SineIntegral.si(Math.PI * (vp - 1)) + (vp + 1) * SineIntegral.si(Math.PI * (vp + 1));
        return r / (2 * Math.PI);
    }

    /** û(u) from the sine integrals (not the table). */
    double exactTransform(double u) {
        double v = rawTransform(u);
        if (conserveDc) {
            v *= c[0];
            for (int j = 1; j <= 5; j++) {
                v += c[j] * (rawTransform(u + j) + rawTransform(u - j));
            }
        }
        return v;
    }

    @Override
    public double xval(double t) {
        t = Math.abs(t);
        if (t >= n) {
            return 0;
        }
        double pt = Math.PI * t;
        double v = Pixel.sinxOverX(pt) * Pixel.sinxOverX(pt / n);
        if (conserveDc) {
            double factor = 1;
            for (int m = 1; m <= 5; m++) {
                factor -= 2 * k[m] * (1 - Math.cos(2 * m * pt));
            }
            v /= factor;
        }
        return v;
    }

    @Override
    public double uval(double u) {
        u = Math.abs(u);
        return u > uMax ? 0 : table.value(u);
    }

    @Override
    public int xrange() {
        return n;
    }

    @Override
    public double urange() {
        return uMax;
    }

    @Override
    public String toString() {
        return "lanczos" + n + (conserveDc ? "" : "(conserve_dc=false)");
    }
}
