package org.megalut.render;

import java.util.stream.IntStream;
import org.megalut.util.LruCache;

/**
 * Sources of {@link SersicKTable}s: exact per-n tables in an LRU cache, and a fast path that
 * interpolates in n between tables on a fixed n grid.
 *
 * <p><b>Exact</b> ({@link #exact}): one quadrature-built table per distinct n (a quadrature far too
 * slow to repeat per stamp), kept in an LRU cache of {@value #CACHE_SIZE} entries, like GalSim's.
 *
 * <p><b>Interpolated</b> ({@link #interpolated}): the pipeline draws a different n for nearly every
 * stamp, so a per-n quadrature is too slow. Tables are built lazily at the nodes
 * n_j = 0.3 + 0.05·j (j = 0..118) and combined with 4-point (cubic) Lagrange weights in n; since a
 * spline is linear in its data, the result is the spline through the interpolated node values. b(n)
 * and R_fold(n) are interpolated the same way and then refined by Newton steps, so sizes (stepK,
 * maxK, r0) are exact. Accuracy of the transform versus the exact table, max |ΔF| per unit flux
 * (measured, {@code SersicTablesTest}): 2e-6 at n = 0.52, below 1e-7 for n ≥ 1, but 1.3e-5 at
 * n = 0.31 where F varies fastest with n. An interpolated table needs no quadrature once its four
 * nodes exist (the last {@value #INTERPOLATED_CACHE_SIZE} are cached). A node costs one exact build,
 * and the grid has over a hundred, so the nodes ship precomputed
 * ({@link SersicNodeFile}: the same bits on every machine) and are loaded once per JVM (a file
 * read); without that resource they are built lazily, and {@link #prepare} builds them up
 * front in parallel.
 *
 * <p>Thread-safe.
 */
public final class SersicTables {
    /** Entries of the exact-table LRU cache. */
    public static final int CACHE_SIZE = 100;
    /** Spacing of the n grid of the interpolated path. */
    public static final double N_STEP = 0.05;
    private static final int N_NODES = (int) Math.round((SersicKTable.N_MAX - SersicKTable.N_MIN) / N_STEP) + 1;

    /** Exact tables are keyed, like GalSim's cache, by (n, trunc/r0) with 0 for untruncated. */
    private record Key(double n, double truncR0) {
    }

    private static final LruCache<Key, SersicKTable> EXACT = new LruCache<>(CACHE_SIZE);
    /** Entries of the interpolated-table LRU cache (a galaxy is usually drawn several times). */
    public static final int INTERPOLATED_CACHE_SIZE = 256;
    private static final LruCache<Double, SersicKTable> INTERPOLATED = new LruCache<>(INTERPOLATED_CACHE_SIZE);
    private static final SersicKTable[] NODES = new SersicKTable[N_NODES];
    private static final Object[] NODE_LOCKS = new Object[N_NODES];

    static {
        for (int j = 0; j < N_NODES; j++) {
            NODE_LOCKS[j] = new Object();
        }
        // Shipped node tables (SersicNodeFile) spare each JVM the quadratures and are the same bits everywhere.
        SersicKTable[] shipped = SersicNodeFile.load(N_NODES, SersicKTable.N_MIN, N_STEP);
        if (shipped != null) {
            System.arraycopy(shipped, 0, NODES, 0, N_NODES);
        }
    }

    private SersicTables() {
    }

    /** The exact table for index n (cached, LRU). */
    public static SersicKTable exact(double n) {
        return exact(n, 0);
    }

    /**
     * The exact table for index n truncated at {@code truncR0} = trunc/r0 (0 for no truncation),
     * cached in the same LRU as {@link #exact(double)}. A truncated table costs one quadrature build
     * (a few tenths of a second), so a truncated Sérsic has no interpolated fast path: draw few
     * distinct (n, trunc/r0).
     */
    public static SersicKTable exact(double n, double truncR0) {
        SersicKTable.checkN(n);
        if (!(truncR0 >= 0)) {
            throw new IllegalArgumentException("Sersic truncation must be >= 0 (0 = none), got trunc/r0 = " + truncR0);
        }
        // A build takes up to seconds; other threads must meanwhile reach other tables.
        return EXACT.getComputedUnlocked(new Key(n, truncR0),
                k -> truncR0 == 0 ? SersicKTable.compute(n) : SersicKTable.computeTruncated(n, truncR0));
    }

    /** Number of nodes of the n grid. */
    static int nodeCount() {
        return N_NODES;
    }

    /**
     * The four grid nodes around n and their cubic Lagrange weights, as {@link #interpolated} combines
     * the node tables: writes the weights into w[0..3] and returns the first node's index j0 (nodes
     * j0..j0+3, see {@link #node}).
     */
    public static int lagrangeNodes(double n, double[] w) {
        double u = (n - SersicKTable.N_MIN) / N_STEP;
        int j0 = Math.max(0, Math.min(N_NODES - 4, (int) Math.floor(u) - 1));
        for (int a = 0; a < 4; a++) {
            double wa = 1;
            for (int c = 0; c < 4; c++) {
                if (c != a) {
                    wa *= (u - (j0 + c)) / (double) (a - c);
                }
            }
            w[a] = wa;
        }
        return j0;
    }

    /** The exact table at grid node j (n = 0.3 + 0.05·j): shipped, or built on first use. */
    public static SersicKTable node(int j) {
        SersicKTable t = NODES[j];
        if (t == null) {
            synchronized (NODE_LOCKS[j]) {
                t = NODES[j];
                if (t == null) {
                    t = SersicKTable.compute(nodeN(j));
                    NODES[j] = t;
                }
            }
        }
        return t;
    }

    static double nodeN(int j) {
        return SersicKTable.N_MIN + j * N_STEP;
    }

    /**
     * Builds, in parallel on the common fork-join pool, every grid node that
     * {@link #interpolated} needs for n in [nMin, nMax]: call once per JVM (e.g. per executor) before
     * drawing, so that no stamp pays for a node build.
     */
    public static void prepare(double nMin, double nMax) {
        SersicKTable.checkN(nMin);
        SersicKTable.checkN(nMax);
        int lo = Math.max(0, (int) Math.floor((nMin - SersicKTable.N_MIN) / N_STEP) - 1);
        int hi = Math.min(N_NODES - 1, (int) Math.ceil((nMax - SersicKTable.N_MIN) / N_STEP) + 2);
        IntStream.rangeClosed(lo, hi).parallel().forEach(SersicTables::node);
    }

    /**
     * A table for index n interpolated from the n grid (fast path); the last
     * {@value #INTERPOLATED_CACHE_SIZE} distinct n are cached.
     */
    public static SersicKTable interpolated(double n) {
        SersicKTable.checkN(n);
        return INTERPOLATED.getComputedUnlocked(n, SersicTables::buildInterpolated);
    }

    private static SersicKTable buildInterpolated(double n) {
        double u = (n - SersicKTable.N_MIN) / N_STEP;
        int j = (int) Math.round(u);
        if (Math.abs(u - j) < 1e-9) {
            return node(j);
        }
        double[] w = new double[4];
        int j0 = lagrangeNodes(n, w);
        double b = 0;
        double zFold = 0;
        SersicKTable[] sources = new SersicKTable[4];
        for (int a = 0; a < 4; a++) {
            SersicKTable t = node(j0 + a);
            sources[a] = t;
            b += w[a] * t.b();
            zFold += w[a] * Math.pow(t.foldRadius(), 1 / t.n());
        }
        b = SersicKTable.solveB(n, b);
        double fold = SersicKTable.solveFoldRadius(n, zFold);
        return new SersicKTable(n, b, fold, sources, w);
    }
}
