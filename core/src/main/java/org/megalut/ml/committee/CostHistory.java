package org.megalut.ml.committee;

import java.util.Arrays;

/**
 * The cost record of a member's training, one entry per optimiser iteration: minibatch loop, iteration within the
 * loop (1-based), training cost on the loop's minibatch and validation cost on the whole validation split (NaN
 * when there is no validation split). Immutable.
 */
public final class CostHistory {
    private final int[] loop;
    private final int[] iteration;
    private final double[] trainCost;
    private final double[] valCost;

    public CostHistory(int[] loop, int[] iteration, double[] trainCost, double[] valCost) {
        int n = loop.length;
        if (iteration.length != n || trainCost.length != n || valCost.length != n) {
            throw new IllegalArgumentException("cost history columns differ in length: " + n + ", "
                    + iteration.length + ", " + trainCost.length + ", " + valCost.length);
        }
        this.loop = loop.clone();
        this.iteration = iteration.clone();
        this.trainCost = trainCost.clone();
        this.valCost = valCost.clone();
    }

    public int size() {
        return loop.length;
    }

    public int[] loop() {
        return loop.clone();
    }

    public int[] iteration() {
        return iteration.clone();
    }

    public double[] trainCost() {
        return trainCost.clone();
    }

    public double[] valCost() {
        return valCost.clone();
    }

    /** The last training (minibatch) cost, NaN if empty. */
    public double lastTrainCost() {
        return size() == 0 ? Double.NaN : trainCost[size() - 1];
    }

    /** The last validation cost, NaN if empty. */
    public double lastValCost() {
        return size() == 0 ? Double.NaN : valCost[size() - 1];
    }

    /** Accumulates entries during training. */
    static final class Builder {
        private int n;
        private int[] loop = new int[64];
        private int[] iteration = new int[64];
        private double[] trainCost = new double[64];
        private double[] valCost = new double[64];

        void add(int l, int it, double train, double val) {
            if (n == loop.length) {
                int cap = 2 * n;
                loop = Arrays.copyOf(loop, cap);
                iteration = Arrays.copyOf(iteration, cap);
                trainCost = Arrays.copyOf(trainCost, cap);
                valCost = Arrays.copyOf(valCost, cap);
            }
            loop[n] = l;
            iteration[n] = it;
            trainCost[n] = train;
            valCost[n] = val;
            n++;
        }

        CostHistory build() {
            return new CostHistory(Arrays.copyOf(loop, n), Arrays.copyOf(iteration, n),
                    Arrays.copyOf(trainCost, n), Arrays.copyOf(valCost, n));
        }
    }
}
