package org.megalut.ml.committee;

import java.util.ArrayList;
import java.util.List;
import org.megalut.ml.data.CaseSplit;
import org.megalut.ml.data.MinibatchSource;
import org.megalut.ml.network.Net;

/**
 * Everything random about a committee training, fixed in advance: the train/validation split, each member's
 * initial parameters and each member's minibatches. {@link #random} derives them from the committee seed;
 * tests replay a reference run by building one explicitly. A plan from {@link #random} is single-use: its minibatch
 * sources draw sequentially, so build a new plan for each training.
 */
public record TrainingPlan(CaseSplit split, List<double[]> initialParameters, List<MinibatchSource> minibatches) {

    public TrainingPlan {
        if (initialParameters.size() != minibatches.size()) {
            throw new IllegalArgumentException(initialParameters.size() + " initial parameter vectors for "
                    + minibatches.size() + " minibatch sources");
        }
        initialParameters = List.copyOf(initialParameters);
        minibatches = List.copyOf(minibatches);
    }

    /**
     * The plan of {@code config} for a dataset of {@code cases} cases: the split from the stream
     * ({@code seed}, −1, SPLIT), member i's initialisation from (seed, i, INIT) and its minibatches from
     * (seed, i, MINIBATCH); see {@link CommitteeStreams}.
     */
    public static TrainingPlan random(MlConfig config, int cases) {
        MlConfig.Training t = config.training();
        CaseSplit split = CaseSplit.random(cases, t.valfrac(), CommitteeStreams.stream(t.seed(), -1, CommitteeStreams.Purpose.SPLIT));
        Net net = new Net(config.architecture());
        MlConfig.Network nw = config.network();
        List<double[]> inits = new ArrayList<>();
        List<MinibatchSource> batches = new ArrayList<>();
        for (int i = 0; i < t.members(); i++) {
            inits.add(net.initialParameters(nw.startIdentity(), nw.initNoiseW(), nw.initNoiseB(),
                    CommitteeStreams.stream(t.seed(), i, CommitteeStreams.Purpose.INIT)));
            batches.add(MinibatchSource.random(split.train().length, t.mbfrac(),
                    CommitteeStreams.stream(t.seed(), i, CommitteeStreams.Purpose.MINIBATCH)));
        }
        return new TrainingPlan(split, inits, batches);
    }
}
