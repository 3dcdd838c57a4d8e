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

    // the bound table's argument range [tableLow, tableHigh), and the row scratch of fillRow/addRow
    private double tableLow;
    private double tableHigh;
    private double[] args = new double[0];
    private double[] index = new double[0];

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
            bindRange();
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
        bindRange();
    }

    /** The arguments the bound table covers: its first bin's start to its last bin's end. */
    private void bindRange() {
        tableLow = Double.longBitsToDouble(base << SHIFT);
        tableHigh = Double.longBitsToDouble((base + bins) << SHIFT);
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
     * where the quadratic form is |Jᵀk|² along the row.
     *
     * <p>Two passes: the arguments first (a loop that C2 vectorises), then the table reads. When the
     * row's arguments provably lie inside the bound table, as on every row but the few through the
     * k-origin's neighbourhood, the reads skip the range test; that branch, even perfectly predicted,
     * makes the one-pass loop markedly slower than the two passes, and two passes with the test kept
     * are no faster than one.
     */
    void fillRow(double[] out, int count, double a, double b, double c2, double c, double scale) {
        arguments(count, a, b, c2, c);
        double[] x = args;
        if (insideTable(count, a, b, c2, c)) {
            for (int i = 0; i < count; i++) {
                out[i] = scale * inside(x[i]);
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[i] = scale * value(x[i]);
            }
        }
    }

    /** As {@link #fillRow} but adds to out (further terms of a sum). */
    void addRow(double[] out, int count, double a, double b, double c2, double c, double scale) {
        arguments(count, a, b, c2, c);
        double[] x = args;
        if (insideTable(count, a, b, c2, c)) {
            for (int i = 0; i < count; i++) {
                out[i] += scale * inside(x[i]);
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[i] += scale * value(x[i]);
            }
        }
    }

    /**
     * args[i] = c·(a + i(b + c2·i)). The index runs from a table of doubles: an int-to-double
     * conversion per point (cvtsi2sd, see {@link OctaveTable#position}) chains the iterations together.
     */
    private void arguments(int count, double a, double b, double c2, double c) {
        if (index.length < count) {
            index = new double[count];
            for (int i = 0; i < count; i++) {
                index[i] = i;
            }
            args = new double[count];
        }
        double[] x = index;
        double[] out = args;
        for (int i = 0; i < count; i++) {
            out[i] = c * (a + x[i] * (b + c2 * x[i]));
        }
    }

    /**
     * Whether c·(a + i(b + c2·i)) lies inside the bound table for every i in [0, count − 1], with a
     * relative margin of 1e-6 that covers the rounding of the computed arguments (their relative error
     * is a few ε times the condition number of the quadratic form, the axis ratio squared).
     * A convex quadratic: the minimum is at the clamped vertex, the maximum at an end.
     */
    private boolean insideTable(int count, double a, double b, double c2, double c) {
        if (!(c2 > 0)) {
            return false;
        }
        double last = count - 1;
        double v = Math.max(0, Math.min(last, -b / (2 * c2)));
        double min = c * (a + v * (b + c2 * v));
        double max = Math.max(c * a, c * (a + last * (b + c2 * last)));
        return min >= tableLow * (1 + 1e-6) && max <= tableHigh * (1 - 1e-6);
    }

    /** u(x) for x known to lie in the bound table (see {@link #insideTable}). */
    private double inside(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return OctaveTable.cubic(coef, 4 * (int) ((bits >>> SHIFT) - base) + offset, bits);
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
