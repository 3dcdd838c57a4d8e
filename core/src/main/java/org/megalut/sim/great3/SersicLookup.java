package org.megalut.sim.great3;

import org.megalut.render.SersicKTable;
import org.megalut.render.SersicTables;
import org.megalut.render.SersicUnitLookup;

/**
 * The Fourier transform per unit flux of a Sérsic profile, T(s²) with s = k·hlr, for one candidate:
 * the n-grid node tables with the 4-point Lagrange weights in n that {@link SersicTables#interpolated}
 * applies to their node values, read through their shared octave lookups ({@link SersicUnitLookup}).
 *
 * <p>Why not {@code Sersic.interpolated(n)}: building that table costs Newton solves for b(n) and the
 * folding radius per new n, which the continuum estimate does not need. Combining the nodes' lookups
 * over the candidate's octaves of s² is one multiply-add per node and coefficient, and a point then
 * costs a cubic read off the bits of s² (no logarithm): the two agree with the interpolated table's values to the lookups'
 * interpolation error (~1e-9 of the flux).
 *
 * <p>Not thread-safe (reused buffer).
 */
final class SersicLookup {
    private final SersicKTable[] tables = new SersicKTable[4];
    private final double[] weights = new double[4];
    private final SersicUnitLookup lookup = new SersicUnitLookup();
    private int terms;

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
            tables[0] = SersicTables.node(j);
            weights[0] = 1;
            terms = 1;
        } else {
            int j0 = SersicTables.lagrangeNodes(n, weights);
            for (int a = 0; a < 4; a++) {
                tables[a] = SersicTables.node(j0 + a);
            }
            terms = 4;
        }
        lookup.select(tables, weights, terms);
    }

    /** maxK·hlr of the selected index (the largest over its tables): |T| &lt; 1e-3 beyond. */
    double maxKHlr() {
        double m = 0;
        for (int a = 0; a < terms; a++) {
            m = Math.max(m, tables[a].maxKr0() * tables[a].hlrOverR0());
        }
        return m;
    }

    /** Prepares T for s in [sLo, sHi] (0 &lt; sLo &lt; sHi); {@link #value} is fastest there. */
    void tabulate(double sLo, double sHi) {
        lookup.prepare(sLo * sLo, sHi * sHi);
    }

    /** T at s² (T(0) = 1). */
    double value(double s2) {
        return lookup.value(s2);
    }
}
