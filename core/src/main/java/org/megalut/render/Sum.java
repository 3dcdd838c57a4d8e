package org.megalut.render;

import java.util.List;

/**
 * Sum of profiles (e.g. bulge + disk): F = Σ F_i.
 *
 * <p>As in GalSim, stepK = min_i stepK_i (the largest component sets the period) and
 * maxK = max_i maxK_i (the sharpest component sets the band).
 */
public final class Sum extends Profile {
    private final Profile[] items;
    private final double stepK;
    private final double maxK;
    private final boolean symmetric;
    private final boolean analyticX;

    /**
     * @throws IllegalArgumentException if no profile is given
     */
    public Sum(List<? extends Profile> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a sum needs at least one profile");
        }
        this.items = items.toArray(new Profile[0]);
        double sk = Double.POSITIVE_INFINITY;
        double mk = 0;
        boolean sym = true;
        boolean ax = true;
        for (Profile p : this.items) {
            sk = Math.min(sk, p.stepK());
            mk = Math.max(mk, p.maxK());
            sym &= p.isPointSymmetric();
            ax &= p.hasXValue();
        }
        this.stepK = sk;
        this.maxK = mk;
        this.symmetric = sym;
        this.analyticX = ax;
    }

    /** Sum of the given profiles. */
    public static Sum of(Profile... items) {
        return new Sum(List.of(items));
    }

    public List<Profile> items() {
        return List.of(items);
    }

    @Override
    public double flux() {
        double f = 0;
        for (Profile p : items) {
            f += p.flux();
        }
        return f;
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
        return symmetric;
    }

    @Override
    public void kValue(double kx, double ky, FourierValue out) {
        double re = 0;
        double im = 0;
        for (Profile p : items) {
            p.kValue(kx, ky, out);
            re += out.re;
            im += out.im;
        }
        out.set(re, im);
    }

    @Override
    public boolean hasXValue() {
        return analyticX;
    }

    @Override
    public double xValue(double x, double y) {
        double v = 0;
        for (Profile p : items) {
            v += p.xValue(x, y);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Sum" + List.of(items);
    }
}
