package org.megalut.ml.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.megalut.ml.data.LongTable;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.Normer;
import org.megalut.ml.network.Net;

/**
 * Trains a committee as Tenbilac does: fit the input (and target) normer on all training data, split the cases once
 * into training and validation (shared by all members), train each member with {@link MemberTrainer} from its own
 * initialisation and minibatches, then select the best members. Members run on {@code training.threads} threads;
 * everything random is fixed by the {@link TrainingPlan}, so the result does not depend on the thread count.
 */
public final class CommitteeTrainer {
    private CommitteeTrainer() {
    }

    /** Trains on a long table with the config's feature, target and aux columns. */
    public static Committee train(MlConfig config, LongTable table) {
        MlConfig.Data d = config.data();
        return train(config, table.tensors(d.features(), d.targets(), d.aux()).data());
    }

    /** Trains on a raw dataset (NaN = masked) with the plan derived from the config's seed. */
    public static Committee train(MlConfig config, NetworkData raw) {
        return train(config, raw, TrainingPlan.random(config, raw.cases()));
    }

    /** Trains on a raw dataset with an explicit plan (split, initial parameters, minibatches). */
    public static Committee train(MlConfig config, NetworkData raw, TrainingPlan plan) {
        check(config, raw);
        MlConfig.Normalisation norm = config.normalisation();
        Normer inputNormer = norm.inputs() == null ? null : Normer.fit(norm.inputs(), raw.inputs());
        Normer targetNormer = norm.targets() == null ? null : Normer.fit(norm.targets(), raw.targets());
        return train(config, raw, plan, inputNormer, targetNormer);
    }

    /**
     * Continues the training of another committee on new data (MegaLUT's pretraining: a weight committee
     * of one subfield as the start of its neighbours'). The start's normers are kept, so the inputs are
     * scaled as the start's networks expect, and member i starts from the start's trained member i; the
     * split and minibatches are this config's plan for the new data.
     *
     * @throws IllegalArgumentException when the start has another architecture or member count
     */
    public static Committee trainFrom(Committee start, MlConfig config, LongTable table) {
        MlConfig.Data d = config.data();
        NetworkData raw = table.tensors(d.features(), d.targets(), d.aux()).data();
        check(config, raw);
        if (!start.architecture().equals(config.architecture())) {
            throw new IllegalArgumentException("the pretrained committee has architecture " + start.architecture()
                    + ", the configuration asks for " + config.architecture());
        }
        TrainingPlan fresh = TrainingPlan.random(config, raw.cases());
        if (start.members().size() != fresh.initialParameters().size()) {
            throw new IllegalArgumentException("the pretrained committee has " + start.members().size()
                    + " members, the configuration asks for " + fresh.initialParameters().size());
        }
        List<double[]> inits = start.members().stream().map(Member::parameters).toList();
        return train(config, raw, new TrainingPlan(fresh.split(), inits, fresh.minibatches()), start.inputNormer(),
                start.targetNormer());
    }

    /**
     * Continues the training of a committee on its own training table with a fresh iteration budget
     * (Tenbilac's takeover): {@link #trainFrom} the committee itself, its continuations recorded with
     * this one's {@code mbloops} and {@code maxiter} appended.
     */
    public static Committee continueTraining(Committee committee, MlConfig config, LongTable table) {
        Committee next = trainFrom(committee, config, table);
        List<Committee.Continuation> done = new ArrayList<>(committee.continuations());
        done.add(new Committee.Continuation(config.training().mbloops(), config.training().maxiter()));
        return new Committee(next.config(), next.inputNormer(), next.targetNormer(), next.members(), next.selected(),
                done);
    }

    private static void check(MlConfig config, NetworkData raw) {
        if (raw.targets() == null) {
            throw new IllegalArgumentException("training data has no targets");
        }
        if (raw.features() != config.architecture().inputs()) {
            throw new IllegalArgumentException("config expects " + config.architecture().inputs() + " features, "
                    + "the data has " + raw.features());
        }
    }

    private static Committee train(MlConfig config, NetworkData raw, TrainingPlan plan, Normer inputNormer,
                                   Normer targetNormer) {
        NetworkData prepared = raw.normalised(inputNormer, targetNormer);
        NetworkData train = prepared.selectCases(plan.split().train());
        NetworkData val = plan.split().validation().length == 0 ? null
                : prepared.selectCases(plan.split().validation());
        MlConfig.Training t = config.training();
        MemberTrainer trainer = new MemberTrainer(new Net(config.architecture()), t.cost(), t.algorithm(),
                t.mbloops(), t.maxiter(), t.gtol());
        int n = plan.initialParameters().size();
        List<Member> members = new ArrayList<>();
        int threads = Math.min(t.threads(), n);
        if (threads <= 1) {
            // In the caller's thread: a Spark task's CPU metrics then include the training.
            for (int i = 0; i < n; i++) {
                members.add(trainer.train(i, plan.initialParameters().get(i), train, val, plan.minibatches().get(i)));
            }
            return Committee.withSelection(config, inputNormer, targetNormer, members);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "ml-member");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<Member>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> trainer.train(index, plan.initialParameters().get(index), train, val,
                        plan.minibatches().get(index))));
            }
            for (int i = 0; i < n; i++) {
                members.add(futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("committee training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training of a committee member failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Committee.withSelection(config, inputNormer, targetNormer, members);
    }
}
