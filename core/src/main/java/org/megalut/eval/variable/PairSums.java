package org.megalut.eval.variable;

import java.io.Serializable;

/**
 * Unnormalised per-bin pair sums of a set of galaxy pairs: additive over disjoint sets of pairs, so the
 * sums of a field may be computed in parts (block pairs) and added. Per bin k, over the pairs (a, b) in
 * it, with the shears in the pair's tangential/cross frame:
 *
 * @param plus    Σ w_a w_b (g_t,a g_t,b + g_×,a g_×,b)
 * @param minus   Σ w_a w_b (g_t,a g_t,b − g_×,a g_×,b)
 * @param cross   Σ w_a w_b (g_t,a g_×,b + g_×,a g_t,b)
 * @param weight  Σ w_a w_b
 * @param logR    Σ w_a w_b ln r (r in degrees)
 * @param pairs   number of pairs
 */
public record PairSums(double[] plus, double[] minus, double[] cross, double[] weight, double[] logR, long[] pairs)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public PairSums {
        int n = plus.length;
        if (minus.length != n || cross.length != n || weight.length != n || logR.length != n || pairs.length != n) {
            throw new IllegalArgumentException("every per-bin array needs " + n + " entries");
        }
        plus = plus.clone();
        minus = minus.clone();
        cross = cross.clone();
        weight = weight.clone();
        logR = logR.clone();
        pairs = pairs.clone();
    }

    /** No pairs in any of n bins. */
    public static PairSums empty(int n) {
        return new PairSums(new double[n], new double[n], new double[n], new double[n], new double[n], new long[n]);
    }

    /** The number of bins. */
    public int bins() {
        return plus.length;
    }

    /** The sums over both sets of pairs (which must be disjoint). */
    public PairSums plus(PairSums o) {
        if (o.bins() != bins()) {
            throw new IllegalArgumentException("cannot add pair sums of " + bins() + " and " + o.bins() + " bins");
        }
        PairSums s = empty(bins());
        for (int k = 0; k < bins(); k++) {
            s.plus[k] = plus[k] + o.plus[k];
            s.minus[k] = minus[k] + o.minus[k];
            s.cross[k] = cross[k] + o.cross[k];
            s.weight[k] = weight[k] + o.weight[k];
            s.logR[k] = logR[k] + o.logR[k];
            s.pairs[k] = pairs[k] + o.pairs[k];
        }
        return s;
    }

    @Override public double[] plus() {
        return plus.clone();
    }

    @Override public double[] minus() {
        return minus.clone();
    }

    @Override public double[] cross() {
        return cross.clone();
    }

    @Override public double[] weight() {
        return weight.clone();
    }

    @Override public double[] logR() {
        return logR.clone();
    }

    @Override public long[] pairs() {
        return pairs.clone();
    }
}
