package org.megalut.render;

/**
 * The unit-flux Sérsic transform T(q²), q = k·hlr, of an index given as a weighted sum of exact
 * tables (an n-grid node, or the four Lagrange nodes around n), read without a logarithm: the tables'
 * shared octave lookups ({@link SersicKTable#lookup}) combined over the octaves of a range of q²,
 * evaluated by the bits of q² ({@link OctaveTable}). Outside the lookup range T is evaluated directly.
 * The drawer binds its Sérsic lookups through it ({@link RadialLookup}); the branch generator's k-space
 * selection screen uses it for T at many points of a candidate without building its profile.
 *
 * <p>Mutable, reused between galaxies; not thread-safe.
 */
public final class SersicUnitLookup {
    private static final int SHIFT = OctaveTable.SHIFT;

    private final SersicKTable[] tables = new SersicKTable[4];
    private final double[] weights = new double[4];
    private int terms;
    private double[] buf = new double[0];
    // the octaves buf holds for the current selection (none: e0 > e1)
    private int bufE0 = 1;
    private int bufE1 = 0;

    // the bound table, read by RadialLookup: coefficients, key of the first bin, bin count, position
    // of the first bin's coefficients
    double[] coef = new double[0];
    long base;
    int bins;
    int offset;

    /**
     * Selects T = Σ_{a &lt; count} w[a]·T_{t[a]} (count ≤ 4; untruncated tables of exact n, e.g.
     * {@link SersicTables#exact} or {@link SersicTables#node}).
     *
     * @throws IllegalArgumentException for more than four tables or a table without a lookup
     */
    public void select(SersicKTable[] t, double[] w, int count) {
        if (count < 1 || count > tables.length) {
            throw new IllegalArgumentException("1 to 4 tables, got " + count);
        }
        boolean same = count == terms;
        for (int a = 0; a < count; a++) {
            if (t[a].isCombination() || !t[a].isSmooth()) {
                throw new IllegalArgumentException("tables must be untruncated and of exact n, got n = " + t[a].n());
            }
            same &= tables[a] == t[a] && weights[a] == w[a];
            tables[a] = t[a];
            weights[a] = w[a];
        }
        terms = count;
        bins = 0;
        if (!same) {
            bufE0 = 1;
            bufE1 = 0;
        }
    }

    /** Selects an untruncated table: itself if of exact n, else the node tables it interpolates. */
    void select(SersicKTable t) {
        if (t.isCombination()) {
            select(t.sources(), t.weights(), t.sources().length);
        } else {
            select(new SersicKTable[] {t}, ONE, 1);
        }
    }

    private static final double[] ONE = {1};

    /**
     * Prepares the lookup for q² in [q2min, q2max] (0 &lt; q2min ≤ q2max); {@link #value} holds
     * anywhere. A single exact table binds its own full lookup; a combination is combined over the
     * range's octaves, unless the same selection already holds them.
     */
    public void prepare(double q2min, double q2max) {
        if (!(q2min > 0) || !(q2max >= q2min) || Double.isInfinite(q2max)) {
            throw new IllegalArgumentException("bad q² range [" + q2min + ", " + q2max + "]");
        }
        if (terms == 1 && weights[0] == 1) {
            coef = tables[0].lookup();
            base = OctaveTable.key(SersicKTable.LOOKUP_E_MIN);
            bins = OctaveTable.bins(SersicKTable.LOOKUP_E_MIN, SersicKTable.LOOKUP_E_MAX);
            offset = 0;
            return;
        }
        int e0 = Math.max(Math.getExponent(q2min), SersicKTable.LOOKUP_E_MIN);
        int e1 = Math.min(Math.getExponent(q2max), SersicKTable.LOOKUP_E_MAX);
        if (e1 < e0) {
            bins = 0;
            return;
        }
        if (e0 != bufE0 || e1 != bufE1) {
            if (buf.length < SersicKTable.lookupLength()) {
                buf = new double[SersicKTable.lookupLength()];
            }
            SersicKTable.combineLookups(tables, weights, terms, e0, e1, buf);
            bufE0 = e0;
            bufE1 = e1;
        }
        coef = buf;
        base = OctaveTable.key(e0);
        bins = OctaveTable.bins(e0, e1);
        offset = SersicKTable.lookupOffset(e0);
    }

    /** T(q²) of the selected index (T(0) = 1). */
    public double value(double q2) {
        long bits = Double.doubleToRawLongBits(q2);
        long idx = (bits >>> SHIFT) - base;
        if (idx < 0 || idx >= bins) {
            return direct(q2);
        }
        return OctaveTable.cubic(coef, 4 * (int) idx + offset, bits);
    }

    /** Kept out of {@link #value} so that the fast path stays small enough to inline. */
    private double direct(double q2) {
        double v = 0;
        for (int a = 0; a < terms; a++) {
            v += weights[a] * tables[a].value(q2);
        }
        return v;
    }
}
