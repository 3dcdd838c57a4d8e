package org.megalut.ml.committee;

import org.megalut.ml.cost.Costs;
import org.megalut.ml.data.MinibatchSource;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.network.Net;
import org.megalut.ml.optimiser.OptimizationResult;
import org.megalut.ml.optimiser.OptimizerKind;

/**
 * Tenbilac's training loop for one member. For each of {@code mbloops} loops: take the loop's minibatch of
 * training cases, run a fresh optimiser (new inverse-Hessian estimate, at most maxiter iterations, gtol on
 * ‖∇f‖_∞) on the minibatch cost starting from the current parameters, and after every iteration record the
 * minibatch cost and the cost on the whole validation split. The final parameters are those of the last
 * iteration (no best-validation checkpoint), as in Tenbilac.
 *
 * <p>Each call creates its own buffers and cost instances, so one trainer may serve several threads.
 */
public final class MemberTrainer {
    private final Net net;
    private final String costName;
    private final OptimizerKind optimizer;
    private final int mbloops;
    private final int maxIterations;
    private final double gtol;

    public MemberTrainer(Net net, String costName, OptimizerKind optimizer, int mbloops, int maxIterations,
                         double gtol) {
        // Fail on a bad name here rather than inside a worker thread; instances are created per loop.
        Costs.byName(costName);
        if (mbloops <= 0) {
            throw new IllegalArgumentException("mbloops must be positive, got " + mbloops);
        }
        this.net = net;
        this.costName = costName;
        this.optimizer = optimizer;
        this.mbloops = mbloops;
        this.maxIterations = maxIterations;
        this.gtol = gtol;
    }

    /**
     * Trains one member.
     *
     * @param train prepared training cases (the split's training part, in split order)
     * @param validation prepared validation cases, or null
     * @param minibatches the positions (into {@code train}) of each loop's minibatch
     */
    public Member train(int index, double[] initialParameters, NetworkData train, NetworkData validation,
                        MinibatchSource minibatches) {
        if (initialParameters.length != net.parameterCount()) {
            throw new IllegalArgumentException("member " + index + ": " + initialParameters.length
                    + " initial parameters for a net with " + net.parameterCount());
        }
        Objective valObjective = validation == null || validation.cases() == 0 ? null
                : new Objective(net, Costs.byName(costName), validation);
        CostHistory.Builder history = new CostHistory.Builder();
        double[] params = initialParameters.clone();
        long evaluations = 0;
        for (int loop = 0; loop < mbloops; loop++) {
            NetworkData batch = train.selectCases(minibatches.positions(loop));
            Objective objective = new Objective(net, Costs.byName(costName), batch);
            int l = loop;
            OptimizationResult res = optimizer.create(maxIterations, gtol).minimize(objective, params,
                    (k, x, f) -> history.add(l, k, f, valObjective == null ? Double.NaN : valObjective.value(x)));
            params = res.x();
            evaluations += res.evaluations();
        }
        return new Member(index, initialParameters, params, history.build(), evaluations);
    }
}
