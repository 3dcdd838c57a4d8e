package org.megalut.spark.variable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.megalut.eval.variable.LatticeBlocks;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.PairSums;
import org.megalut.eval.variable.ShearCorrelation;
import org.megalut.eval.variable.ShearGalaxy;

/**
 * The exact shear correlation functions of several fields with the pair sums spread over Spark tasks:
 * each field is split into square lattice blocks ({@link LatticeBlocks}) and one task sums the pairs
 * of one (field, block i, block j ≤ i) ({@link LatticeShearCorrelator#autoSums} or
 * {@link LatticeShearCorrelator#crossSums}). Every pair of a field lies in exactly one block pair, so the
 * result is the core computation's up to rounding.
 *
 * <p>Determinism: the per-task sums are collected and added on the driver in (field, i, j) order, so the
 * result does not depend on the number of partitions or executors. The blocks go to the executors in one
 * broadcast, as flat arrays (ix, iy, g1, g2, w per galaxy).
 *
 * <p>Cost: with B blocks per field, B(B + 1)/2 tasks per field, each O(b² log b) for blocks of b lattice
 * points per side (b ≥ L/√B); the total exceeds one whole-field FFT by about B/4 times, the price of
 * spreading a field over many executors.
 */
public final class BlockPairCorrelation {
    private static final int FIELDS_PER_GALAXY_ROW = 5;

    private BlockPairCorrelation() { }

    /**
     * ξ± of each field, in the order given. Failed galaxies are left out, as
     * {@link LatticeShearCorrelator#correlate}.
     *
     * @param blockSide block side in lattice points (GREAT3: e.g. 175 gives 4 × 4 blocks of a 700-point field)
     * @param slices    number of Spark partitions of the tasks
     */
    public static List<ShearCorrelation> correlate(JavaSparkContext jsc, List<List<ShearGalaxy>> fields,
                                                   LatticeShearCorrelator correlator, int blockSide, int slices) {
        HashMap<Long, double[]> blocks = new HashMap<>();
        List<long[]> tasks = new ArrayList<>();
        List<LatticeShearCorrelator.ShapeSums> shapes = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            List<ShearGalaxy> used = LatticeShearCorrelator.passing(fields.get(f));
            shapes.add(LatticeShearCorrelator.ShapeSums.of(used));
            List<List<ShearGalaxy>> fb = LatticeBlocks.split(used, blockSide);
            for (int i = 0; i < fb.size(); i++) {
                blocks.put(key(f, i), encode(fb.get(i)));
                for (int j = i; j < fb.size(); j++) {
                    tasks.add(new long[] {f, i, j});
                }
            }
        }
        Broadcast<HashMap<Long, double[]>> shared = jsc.broadcast(blocks);
        int nBins = correlator.bins().count();
        List<double[]> results;
        try {
            results = jsc.parallelize(tasks, Math.max(1, Math.min(slices, tasks.size()))).map(t -> {
                HashMap<Long, double[]> b = shared.value();
                List<ShearGalaxy> first = decode(b.get(key((int) t[0], (int) t[1])));
                PairSums s = t[1] == t[2] ? correlator.autoSums(first)
                        : correlator.crossSums(first, decode(b.get(key((int) t[0], (int) t[2]))));
                return flatten(t, s);
            }).collect();
        } finally {
            shared.destroy();
        }
        List<double[]> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1])
                .thenComparingDouble(r -> r[2]));
        List<PairSums> sums = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            sums.add(PairSums.empty(nBins));
        }
        for (double[] r : ordered) {
            int f = (int) r[0];
            sums.set(f, sums.get(f).plus(unflatten(r, nBins)));
        }
        List<ShearCorrelation> out = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            out.add(correlator.finish(sums.get(f), shapes.get(f)));
        }
        return out;
    }

    private static long key(int field, int block) {
        return ((long) field << 32) | block;
    }

    private static double[] encode(List<ShearGalaxy> galaxies) {
        double[] a = new double[FIELDS_PER_GALAXY_ROW * galaxies.size()];
        int at = 0;
        for (ShearGalaxy g : galaxies) {
            a[at++] = g.ix();
            a[at++] = g.iy();
            a[at++] = g.g1();
            a[at++] = g.g2();
            a[at++] = g.weight();
        }
        return a;
    }

    private static List<ShearGalaxy> decode(double[] a) {
        List<ShearGalaxy> out = new ArrayList<>(a.length / FIELDS_PER_GALAXY_ROW);
        for (int at = 0; at < a.length; at += FIELDS_PER_GALAXY_ROW) {
            out.add(new ShearGalaxy((int) a[at], (int) a[at + 1], a[at + 2], a[at + 3], a[at + 4]));
        }
        return out;
    }

    /** (field, i, j), then the six per-bin arrays of the sums one after the other. */
    private static double[] flatten(long[] task, PairSums s) {
        int n = s.bins();
        double[] r = new double[3 + 6 * n];
        r[0] = task[0];
        r[1] = task[1];
        r[2] = task[2];
        double[][] parts = {s.plus(), s.minus(), s.cross(), s.weight(), s.logR()};
        for (int p = 0; p < parts.length; p++) {
            System.arraycopy(parts[p], 0, r, 3 + p * n, n);
        }
        long[] pairs = s.pairs();
        for (int k = 0; k < n; k++) {
            r[3 + 5 * n + k] = pairs[k];
        }
        return r;
    }

    private static PairSums unflatten(double[] r, int n) {
        double[][] parts = new double[5][n];
        for (int p = 0; p < 5; p++) {
            System.arraycopy(r, 3 + p * n, parts[p], 0, n);
        }
        long[] pairs = new long[n];
        for (int k = 0; k < n; k++) {
            pairs[k] = (long) r[3 + 5 * n + k];
        }
        return new PairSums(parts[0], parts[1], parts[2], parts[3], parts[4], pairs);
    }
}
