package org.megalut.render;

/**
 * A per-drawer lookup of an axisymmetric transform F(k²) for the k-grid loop: F(k²) = A·u(s·k²),
 * with u tabulated on binary octaves ({@link OctaveTable}), so that a grid point costs a cubic instead
 * of a logarithm and a spline (or pow and exp).
 *
 * <p>Sérsic profiles use their table's own lookup in the dimensionless q² = (k·hlr)² (s = hlr²,
 * A = flux; {@link SersicKTable#lookup}): nothing is built per stamp for a table of fixed n, and a
 * table interpolated in n combines only the octaves the stamp needs from its node tables. Other
 * profiles (s = A = 1) are tabulated per stamp over the octaves of the stamp's k² range and kept
 * while the same profile comes back over the same octaves. Outside the table, and at k = 0, u is
 * evaluated directly.
 *
 * <p>Determinism: a point's value depends only on the stamp's own profile and range, never on
 * earlier stamps. A fixed table is the same whatever the stamp; a per-stamp table covers exactly
 * the octaves of the stamp's range (a wider one left by an earlier stamp would interpolate points
 * that a fresh one evaluates directly).
 *
 * <p>Mutable, reused between stamps; not thread-safe.
 */
final class RadialLookup {
    private static final int SHIFT = OctaveTable.SHIFT;

    // the bound table: coefficient array (shared with a Sérsic table, or buf), key of its first bin,
    // and the position of that bin's coefficients in the array
    private double[] coef = new double[0];
    private long base;
    private int bins;
    private int offset;
    private double argScale = 1;
    private double amplitude = 1;
    private Profile profile;
    private SersicKTable unit;     // the Sérsic table evaluated outside the lookup; null for others
    private final SersicUnitLookup sersic = new SersicUnitLookup();   // binds Sérsic lookups

    // this drawer's own table (per-stamp tables of other profiles) and what it holds
    private double[] buf = new double[0];
    private double[] nodeX = new double[0];
    private double[] nodeF = new double[0];
    private Object bufFor;
    private int bufEMin;
    private int bufEMax;

    /**
     * Binds the lookup to {@code radial} for k² in [k2min, k2max] (radians/arcsec)², k2min &gt; 0;
     * then {@link #fillRow} takes c·s and A·scale (see {@link #argScale()}, {@link #amplitude()}).
     */
    void prepare(Profile radial, double k2min, double k2max) {
        if (!(k2min > 0) || !(k2max >= k2min) || Double.isInfinite(k2max)) {
            throw new IllegalArgumentException("bad k² range [" + k2min + ", " + k2max + "]");
        }
        if (radial instanceof Sersic s && s.table().isSmooth()) {
            SersicKTable t = s.table();
            profile = radial;
            unit = t;
            argScale = s.halfLightRadius() * s.halfLightRadius();
            amplitude = s.flux();
            sersic.select(t);
            sersic.prepare(k2min * argScale, k2max * argScale);
            coef = sersic.coef;
            base = sersic.base;
            bins = sersic.bins;
            offset = sersic.offset;
            return;
        }
        profile = radial;
        unit = null;
        argScale = 1;
        amplitude = 1;
        int e0 = Math.getExponent(k2min);
        int e1 = Math.getExponent(k2max);
        if (!radial.equals(bufFor) || e0 != bufEMin || e1 != bufEMax) {
            int n = OctaveTable.bins(e0, e1);
            ensureBuffer(n);
            if (nodeX.length < n + 5) {
                nodeX = new double[n + 5];
                nodeF = new double[n + 5];
            }
            OctaveTable.tabulate(radial::radialKValue, e0, e1, buf, nodeX, nodeF);
            bufFor = radial;
            bufEMin = e0;
            bufEMax = e1;
        }
        bindBuffer(e0, e1);
    }

    private void ensureBuffer(int n) {
        if (buf.length < 4 * n) {
            buf = new double[4 * n];
        }
    }

    private void bindBuffer(int e0, int e1) {
        coef = buf;
        base = OctaveTable.key(e0);
        bins = OctaveTable.bins(e0, e1);
        offset = 0;
    }

    /** s: the lookup's argument is s·k². */
    double argScale() {
        return argScale;
    }

    /** A: F(k²) = A·u(s·k²). */
    double amplitude() {
        return amplitude;
    }

    /** Kept out of {@link #value} so that the fast path stays small enough to inline. */
    private double outside(double x) {
        return unit != null ? unit.value(x) : profile.radialKValue(x);
    }

    /**
     * Fills out[i] = scale·u(c·(a + i(b + c2·i))) for i = 0..count−1: one row of the half k-grid,
     * where the quadratic form is |Jᵀk|² along the row. A separate small method so that the JIT
     * compiles this loop on its own. The index runs as a double: with an int-to-double conversion per
     * point (cvtsi2sd, see {@link OctaveTable#position}) this loop took 14 ns per point in a
     * micro-benchmark, against 6.5 ns without.
     */
    void fillRow(double[] out, int count, double a, double b, double c2, double c, double scale) {
        double x = 0;
        for (int i = 0; i < count; i++, x += 1) {
            out[i] = scale * value(c * (a + x * (b + c2 * x)));
        }
    }

    /** As {@link #fillRow} but adds to out (further terms of a sum). */
    void addRow(double[] out, int count, double a, double b, double c2, double c, double scale) {
        double x = 0;
        for (int i = 0; i < count; i++, x += 1) {
            out[i] += scale * value(c * (a + x * (b + c2 * x)));
        }
    }

    /** u(x) of the bound table (x = s·k²). */
    double value(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long idx = (bits >>> SHIFT) - base;
        if (idx < 0 || idx >= bins) {
            return outside(x);
        }
        return OctaveTable.cubic(coef, 4 * (int) idx + offset, bits);
    }
}
