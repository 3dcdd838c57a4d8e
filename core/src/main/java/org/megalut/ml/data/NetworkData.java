package org.megalut.ml.data;

import java.util.Objects;

/**
 * Inputs X[r][f][c], optional targets T[l][c] and optional aux inputs A[r][l][c], with the realization
 * mask derived from them.
 *
 * <p>A <em>raw</em> dataset marks missing values as NaN: a realization is masked when any of its features or
 * aux values is not finite. {@link #normalised(Normer, Normer)} turns it into the <em>prepared</em> form the
 * networks consume: inputs normalised and every masked realization's inputs and aux values replaced by 0, so
 * no NaN ever reaches the arithmetic (masked entries are then skipped by the costs and hidden in predictions).
 * Targets must always be finite.
 */
public final class NetworkData {
    private final Tensor3 inputs;
    private final Tensor2 targets;
    private final Tensor3 aux;
    private final RealizationMask mask;

    private NetworkData(Tensor3 inputs, Tensor2 targets, Tensor3 aux, RealizationMask mask) {
        this.inputs = inputs;
        this.targets = targets;
        this.aux = aux;
        this.mask = mask;
    }

    /**
     * A raw dataset; the mask is computed from non-finite inputs and aux values.
     *
     * @param targets may be null (prediction)
     * @param aux may be null (costs without aux inputs)
     * @throws IllegalArgumentException on shape mismatches or non-finite targets
     */
    public static NetworkData of(Tensor3 inputs, Tensor2 targets, Tensor3 aux) {
        Objects.requireNonNull(inputs, "inputs");
        int nr = inputs.realizations();
        int nc = inputs.cases();
        if (targets != null) {
            if (targets.cases() != nc) {
                throw new IllegalArgumentException("targets have " + targets.cases() + " cases, inputs " + nc);
            }
            double[] t = targets.data();
            for (int i = 0; i < t.length; i++) {
                if (!Double.isFinite(t[i])) {
                    throw new IllegalArgumentException("target (label " + i / nc + ", case " + i % nc
                            + ") is not finite: targets must not be masked");
                }
            }
        }
        if (aux != null && (aux.realizations() != nr || aux.cases() != nc)) {
            throw new IllegalArgumentException("aux inputs have shape " + aux.realizations() + "x" + aux.rows() + "x"
                    + aux.cases() + ", inputs " + nr + "x" + inputs.rows() + "x" + nc);
        }
        boolean[] masked = new boolean[nr * nc];
        markNonFinite(inputs, masked);
        if (aux != null) {
            markNonFinite(aux, masked);
        }
        return new NetworkData(inputs, targets, aux, new RealizationMask(nr, nc, masked));
    }

    private static void markNonFinite(Tensor3 t, boolean[] masked) {
        int nc = t.cases();
        double[] d = t.data();
        for (int r = 0; r < t.realizations(); r++) {
            for (int i = 0; i < t.rows(); i++) {
                int base = t.index(r, i, 0);
                for (int c = 0; c < nc; c++) {
                    if (!Double.isFinite(d[base + c])) {
                        masked[r * nc + c] = true;
                    }
                }
            }
        }
    }

    /**
     * The prepared dataset: inputs normalised with {@code inputNormer} (null: unchanged), targets with
     * {@code targetNormer} (null: unchanged), masked realizations zero-filled. Aux inputs are not normalised
     * (as in Tenbilac).
     */
    public NetworkData normalised(Normer inputNormer, Normer targetNormer) {
        Tensor3 x = inputNormer == null ? inputs.copy() : inputNormer.normalise(inputs);
        zeroMasked(x);
        Tensor3 a = null;
        if (aux != null) {
            a = aux.copy();
            zeroMasked(a);
        }
        Tensor2 t = targets == null || targetNormer == null ? targets : targetNormer.normalise(targets);
        return new NetworkData(x, t, a, mask);
    }

    private void zeroMasked(Tensor3 t) {
        int nc = t.cases();
        double[] d = t.data();
        for (int r = 0; r < t.realizations(); r++) {
            for (int i = 0; i < t.rows(); i++) {
                int base = t.index(r, i, 0);
                for (int c = 0; c < nc; c++) {
                    if (mask.isMasked(r, c)) {
                        d[base + c] = 0.0;
                    }
                }
            }
        }
    }

    /** The dataset restricted to the given cases (in that order). */
    public NetworkData selectCases(int[] caseIndices) {
        return new NetworkData(inputs.selectCases(caseIndices),
                targets == null ? null : targets.selectCases(caseIndices),
                aux == null ? null : aux.selectCases(caseIndices),
                mask.selectCases(caseIndices));
    }

    public Tensor3 inputs() {
        return inputs;
    }

    /** Targets, or null. */
    public Tensor2 targets() {
        return targets;
    }

    /** Aux inputs, or null. */
    public Tensor3 aux() {
        return aux;
    }

    public RealizationMask mask() {
        return mask;
    }

    public int realizations() {
        return inputs.realizations();
    }

    public int features() {
        return inputs.rows();
    }

    public int cases() {
        return inputs.cases();
    }
}
