package org.megalut.ml.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.megalut.ml.data.LongTable;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.Normer;
import org.megalut.ml.data.RealizationMask;
import org.megalut.ml.data.TableTensors;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;
import org.megalut.ml.network.Architecture;
import org.megalut.ml.network.Net;
import org.megalut.ml.network.NetBuffers;

/**
 * A trained committee: its configuration, the normers fitted on the training data, every member and the
 * selection. Prediction normalises the inputs with the stored input normer, runs each selected member, de-normalises
 * with the target normer (if any) and combines the members per (realization, output, case) with the configured
 * {@link MemberCombination}; what the inputs mask stays masked (NaN). Immutable and thread-safe.
 */
public final class Committee {
    private final MlConfig config;
    private final Normer inputNormer;
    private final Normer targetNormer;
    private final List<Member> members;
    private final List<Integer> selected;
    private final List<Continuation> continuations;
    private final Net net;

    /**
     * One continued training of a committee's members from their saved parameters (Tenbilac's takeover),
     * with the iteration budget it had.
     *
     * @param mbloops minibatch loops of that training
     * @param maxiter optimiser iterations per minibatch loop
     */
    public record Continuation(int mbloops, int maxiter) {
        public Continuation {
            if (mbloops < 1 || maxiter < 1) {
                throw new IllegalArgumentException("a continuation has mbloops, maxiter >= 1, found " + mbloops
                        + ", " + maxiter);
            }
        }
    }

    /**
     * @param inputNormer null if inputs are not normalised
     * @param targetNormer null if targets are not normalised
     * @param selected indices into {@code members} of the predicting members
     */
    public Committee(MlConfig config, Normer inputNormer, Normer targetNormer, List<Member> members,
                     List<Integer> selected) {
        this(config, inputNormer, targetNormer, members, selected, List.of());
    }

    /**
     * @param continuations the continued trainings that led to these members, oldest first (none for a
     *                      committee trained from its initialisation)
     */
    public Committee(MlConfig config, Normer inputNormer, Normer targetNormer, List<Member> members,
                     List<Integer> selected, List<Continuation> continuations) {
        this.continuations = List.copyOf(continuations);
        this.config = Objects.requireNonNull(config, "config");
        this.net = new Net(config.architecture());
        if ((inputNormer == null) != (config.normalisation().inputs() == null)
                || (targetNormer == null) != (config.normalisation().targets() == null)) {
            throw new IllegalArgumentException("normers do not match the config's normalisation "
                    + config.normalisation());
        }
        this.inputNormer = inputNormer;
        this.targetNormer = targetNormer;
        this.members = List.copyOf(members);
        this.selected = List.copyOf(selected);
        for (Member m : members) {
            if (m.parameters().length != net.parameterCount()) {
                throw new IllegalArgumentException("member " + m.index() + " has " + m.parameters().length
                        + " parameters, the net " + config.architecture() + " needs " + net.parameterCount());
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no member selected");
        }
        for (int s : selected) {
            if (s < 0 || s >= members.size()) {
                throw new IllegalArgumentException("selected member " + s + " out of range 0.." + (members.size() - 1));
            }
        }
    }

    /** A committee with the selection of {@code config.selection()} applied to {@code members}. */
    public static Committee withSelection(MlConfig config, Normer inputNormer, Normer targetNormer,
                                          List<Member> members) {
        return new Committee(config, inputNormer, targetNormer, members, config.selection().select(members));
    }

    public MlConfig config() {
        return config;
    }

    /** The continued trainings that led to these members, oldest first; empty when trained once. */
    public List<Continuation> continuations() {
        return continuations;
    }

    public Architecture architecture() {
        return config.architecture();
    }

    /** The input normer, or null. */
    public Normer inputNormer() {
        return inputNormer;
    }

    /** The target normer, or null. */
    public Normer targetNormer() {
        return targetNormer;
    }

    public List<Member> members() {
        return members;
    }

    /** Indices into {@link #members()} of the predicting members, best first. */
    public List<Integer> selected() {
        return selected;
    }

    /**
     * Predictions (realization, output, case) for a raw dataset (features in the config's order, NaN = masked);
     * masked realizations give NaN.
     */
    public Tensor3 predict(NetworkData raw) {
        if (raw.features() != net.architecture().inputs()) {
            throw new IllegalArgumentException("committee expects " + net.architecture().inputs()
                    + " features, got " + raw.features());
        }
        NetworkData prepared = raw.normalised(inputNormer, null);
        List<Tensor3> outs = new ArrayList<>();
        NetBuffers buffers = net.buffers(raw.realizations(), raw.cases());
        for (int s : selected) {
            net.forward(members.get(s).parameters(), prepared.inputs(), buffers);
            Tensor3 y = buffers.output();
            outs.add(targetNormer == null ? y.copy() : targetNormer.denormalise(y));
        }
        Tensor3 result = new Tensor3(raw.realizations(), net.architecture().outputs(), raw.cases());
        double[] v = new double[outs.size()];
        RealizationMask mask = raw.mask();
        MemberCombination combine = config.selection().combine();
        for (int r = 0; r < result.realizations(); r++) {
            for (int o = 0; o < result.rows(); o++) {
                for (int c = 0; c < result.cases(); c++) {
                    if (mask.isMasked(r, c)) {
                        result.set(r, o, c, Double.NaN);
                        continue;
                    }
                    int idx = result.index(r, o, c);
                    for (int k = 0; k < v.length; k++) {
                        v[k] = outs.get(k).data()[idx];
                    }
                    result.data()[idx] = combine.combine(v, v.length);
                }
            }
        }
        return result;
    }

    /**
     * Predictions for a long table holding the config's feature columns: per (case, realization) and per-case
     * means over the unmasked realizations, under the config's prediction column names.
     */
    public CommitteePrediction predict(LongTable table) {
        TableTensors tt = table.tensors(config.data().features(), List.of(), List.of());
        Tensor3 y = predict(tt.data());
        RealizationMask mask = tt.data().mask();
        Tensor2 means = new Tensor2(y.rows(), y.cases());
        for (int o = 0; o < y.rows(); o++) {
            for (int c = 0; c < y.cases(); c++) {
                double s = 0.0;
                for (int r = 0; r < y.realizations(); r++) {
                    if (!mask.isMasked(r, c)) {
                        s += y.get(r, o, c);
                    }
                }
                int n = mask.unmaskedCount(c);
                means.set(o, c, n == 0 ? Double.NaN : s / n);
            }
        }
        return new CommitteePrediction(config.data().predictions(), tt.caseIds(), tt.realizationIds(), tt.present(),
                y, means);
    }
}
