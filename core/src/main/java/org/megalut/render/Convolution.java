package org.megalut.render;

import java.util.List;

/**
 * Convolution of profiles: F = Π F_i (flux = Π flux_i).
 *
 * <p>GalSim's rules (docs/rendering.md, "Convolution"): maxK = min_i maxK_i and
 * 1/stepK² = Σ_i 1/stepK_i², so nesting convolutions gives the same result as one flat convolution.
 */
public final class Convolution extends Profile {
    private final Profile[] items;
    private final double stepK;
    private final double maxK;
    private final boolean symmetric;

    /**
     * @throws IllegalArgumentException if no profile is given
     */
    public Convolution(List<? extends Profile> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a convolution needs at least one profile");
        }
        this.items = items.toArray(new Profile[0]);
        double invStep2 = 0;
        double mk = Double.POSITIVE_INFINITY;
        boolean sym = true;
        for (Profile p : this.items) {
            invStep2 += 1 / (p.stepK() * p.stepK());
            mk = Math.min(mk, p.maxK());
            sym &= p.isPointSymmetric();
        }
        this.stepK = 1 / Math.sqrt(invStep2);
        this.maxK = mk;
        this.symmetric = sym;
    }

    /** Convolution of the given profiles. */
    public static Convolution of(Profile... items) {
        return new Convolution(List.of(items));
    }

    /** The convolved profiles, in order. */
    public List<Profile> items() {
        return List.of(items);
    }

    @Override
    public double flux() {
        double f = 1;
        for (Profile p : items) {
            f *= p.flux();
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
        items[0].kValue(kx, ky, out);
        double re = out.re;
        double im = out.im;
        for (int i = 1; i < items.length; i++) {
            items[i].kValue(kx, ky, out);
            double r = re * out.re - im * out.im;
            im = re * out.im + im * out.re;
            re = r;
        }
        out.set(re, im);
    }

    @Override
    public String toString() {
        return "Convolution" + List.of(items);
    }
}
