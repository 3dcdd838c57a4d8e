package org.megalut.sim.great3;

import org.megalut.render.SersicKTable;
import org.megalut.render.SersicTables;

/**
 * The Fourier transform per unit flux of a Sérsic profile, T(s²) with s = k·hlr, tabulated for one
 * candidate on a short uniform grid in ln s and read by cubic (Catmull–Rom) interpolation.
 *
 * <p>Why not {@code Sersic.interpolated(n)}: building that table costs ~100 µs per new n (Newton solves
 * for b(n) and the folding radius), more than the whole continuum estimate. Here T is combined from the
 * shipped n-grid node tables with the 4-point Lagrange weights in n that {@link SersicTables#interpolated}
 * applies to their node values (a spline is linear in its data, so both agree up to the small-k series
 * and the tail fit, ~1e-7). Only ~100 nodes are needed: ln s spans the candidate's k-grid, at step
 * {@value #DX} (interpolation error ~1e-6 of the flux).
 *
 * <p>Not thread-safe (reused buffer).
 */
final class SersicLookup {
    private static final double DX = 0.05;
    private static final int N_NODES = (int) Math.round((SersicKTable.N_MAX - SersicKTable.N_MIN) / SersicTables.N_STEP) + 1;

    private final SersicKTable[] tables = new SersicKTable[4];
    private final double[] weights = new double[4];
    private int terms;
    private double x0;
    private double[] v = new double[0];

    /**
     * Selects the tables of index n: the exact one when n is a grid node or is 1 or 4 (the bulge + disk
     * components, whose exact tables are cached), else the four Lagrange nodes around n.
     */
    void index(double n) {
        double u = (n - SersicKTable.N_MIN) / SersicTables.N_STEP;
        int j = (int) Math.round(u);
        if (n == 1 || n == 4) {
            tables[0] = SersicTables.exact(n);
            weights[0] = 1;
            terms = 1;
        } else if (Math.abs(u - j) < 1e-9) {
            tables[0] = SersicTables.interpolated(n);
            weights[0] = 1;
            terms = 1;
        } else {
            int j0 = Math.max(0, Math.min(N_NODES - 4, (int) Math.floor(u) - 1));
            for (int a = 0; a < 4; a++) {
                double w = 1;
                for (int c = 0; c < 4; c++) {
                    if (c != a) {
                        w *= (u - (j0 + c)) / (double) (a - c);
                    }
                }
                weights[a] = w;
                tables[a] = SersicTables.interpolated(SersicKTable.N_MIN + (j0 + a) * SersicTables.N_STEP);
            }
            terms = 4;
        }
    }

    /** maxK·hlr of the selected index (the largest over its tables): |T| &lt; 1e-3 beyond. */
    double maxKHlr() {
        double m = 0;
        for (int a = 0; a < terms; a++) {
            m = Math.max(m, tables[a].maxKr0() * tables[a].hlrOverR0());
        }
        return m;
    }

    /** Tabulates T for s in [sLo, sHi] (0 &lt; sLo &lt; sHi); {@link #value} is valid there and at 0. */
    void tabulate(double sLo, double sHi) {
        x0 = Math.log(sLo) - DX;
        int count = (int) Math.floor((Math.log(sHi) - x0) / DX) + 3;
        if (v.length < count) {
            v = new double[count];
        }
        for (int i = 0; i < count; i++) {
            double s2 = Math.exp(2 * (x0 + i * DX));
            double t = 0;
            for (int a = 0; a < terms; a++) {
                t += weights[a] * tables[a].value(s2);
            }
            v[i] = t;
        }
    }

    /** T at s² (T(0) = 1). */
    double value(double s2) {
        if (s2 == 0) {
            return 1;
        }
        double t = (0.5 * Math.log(s2) - x0) / DX;
        double ti = Math.floor(t);   // t > 0; the double avoids an int-to-double conversion
        int i = (int) ti;
        double f = t - ti;
        double p0 = v[i - 1];
        double p1 = v[i];
        double p2 = v[i + 1];
        double p3 = v[i + 2];
        // Catmull–Rom: p1 + ½f(p2 − p0 + f(2p0 − 5p1 + 4p2 − p3 + f(3(p1 − p2) + p3 − p0)))
        return p1 + 0.5 * f * (p2 - p0 + f * (2 * p0 - 5 * p1 + 4 * p2 - p3 + f * (3 * (p1 - p2) + p3 - p0)));
    }
}
