package org.megalut.sim.great3;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A probability density that is linear between nodes (x_i, p_i) and zero outside [x₀, x_n] (GalSim's
 * linear LookupTable fed to a DistDeviate, as GREAT3 drew the seeing), sampled by inverting its
 * piecewise-quadratic cumulative distribution.
 */
public final class PiecewiseLinearPdf implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] x;
    private final double[] p;
    private final double[] cdf;

    /**
     * @param x strictly increasing abscissae
     * @param p non-negative density values (any normalisation)
     */
    public PiecewiseLinearPdf(double[] x, double[] p) {
        if (x.length != p.length || x.length < 2) {
            throw new IllegalArgumentException("need matching x and p with at least two nodes");
        }
        for (int i = 0; i < x.length; i++) {
            if (p[i] < 0 || !Double.isFinite(p[i]) || (i > 0 && !(x[i] > x[i - 1]))) {
                throw new IllegalArgumentException("x must increase and p be non-negative: x = "
                        + Arrays.toString(x) + ", p = " + Arrays.toString(p));
            }
        }
        this.x = x.clone();
        this.p = p.clone();
        this.cdf = new double[x.length];
        for (int i = 1; i < x.length; i++) {
            cdf[i] = cdf[i - 1] + 0.5 * (p[i] + p[i - 1]) * (x[i] - x[i - 1]);
        }
        if (!(cdf[x.length - 1] > 0)) {
            throw new IllegalArgumentException("the density integrates to zero: p = " + Arrays.toString(p));
        }
    }

    /** Normalised density at t. */
    public double density(double t) {
        if (t < x[0] || t > x[x.length - 1]) {
            return 0.0;
        }
        int i = segment(t);
        double f = (t - x[i]) / (x[i + 1] - x[i]);
        return (p[i] + f * (p[i + 1] - p[i])) / cdf[x.length - 1];
    }

    /** Cumulative probability of t. */
    public double cumulative(double t) {
        if (t <= x[0]) {
            return 0.0;
        }
        if (t >= x[x.length - 1]) {
            return 1.0;
        }
        int i = segment(t);
        double d = t - x[i];
        double slope = (p[i + 1] - p[i]) / (x[i + 1] - x[i]);
        return (cdf[i] + p[i] * d + 0.5 * slope * d * d) / cdf[x.length - 1];
    }

    /** One draw. */
    public double sample(UniformRandomProvider rng) {
        double target = rng.nextDouble() * cdf[x.length - 1];
        int i = 0;
        while (i < x.length - 2 && cdf[i + 1] < target) {
            i++;
        }
        double rem = target - cdf[i];
        double w = x[i + 1] - x[i];
        double slope = (p[i + 1] - p[i]) / w;
        // Solve p_i d + ½ slope d² = rem for d in [0, w].
        double d;
        if (Math.abs(slope) < 1e-14 * Math.max(1.0, p[i])) {
            d = rem / p[i];
        } else {
            d = (-p[i] + Math.sqrt(Math.max(0.0, p[i] * p[i] + 2.0 * slope * rem))) / slope;
        }
        return x[i] + Math.max(0.0, Math.min(w, d));
    }

    private int segment(double t) {
        int i = Arrays.binarySearch(x, t);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.min(i, x.length - 2);
    }
}
