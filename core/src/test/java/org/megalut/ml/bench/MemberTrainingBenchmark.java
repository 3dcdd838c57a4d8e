package org.megalut.ml.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.simple.RandomSource;
import org.megalut.ml.committee.Member;
import org.megalut.ml.committee.MemberTrainer;
import org.megalut.ml.data.CaseSplit;
import org.megalut.ml.data.MinibatchSource;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.NormType;
import org.megalut.ml.data.Normer;
import org.megalut.ml.network.Activation;
import org.megalut.ml.network.Architecture;
import org.megalut.ml.network.Net;
import org.megalut.ml.optimiser.OptimizerKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sum55mass member trained end to end on one thread: 1000 cases × 10 realizations, 800/200 split,
 * 40 loops × 100 BFGS iterations on 200-case minibatches, validation cost after every iteration. Tenbilac's
 * reference (shear/single_member_timing.json): 245 s wall, 244.5 s CPU for member 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MemberTrainingBenchmark {
    private MemberTrainer trainer;
    private NetworkData train;
    private NetworkData val;
    private double[] init;
    private int nTrain;

    @Setup
    public void setup() {
        NetworkData raw = CostGradientBenchmark.ShearLikeData.create(1000, 10, 17);
        NetworkData prepared = raw.normalised(Normer.fit(NormType.SA1, raw.inputs()), null);
        CaseSplit split = CaseSplit.random(1000, 0.2, RandomSource.SPLIT_MIX_64.create(1));
        train = prepared.selectCases(split.train());
        val = prepared.selectCases(split.validation());
        nTrain = train.cases();
        Net net = new Net(new Architecture(4, List.of(5, 5), 1, Activation.TANH, Activation.IDEN));
        init = net.initialParameters(true, 0.1, 0.1, RandomSource.SPLIT_MIX_64.create(2));
        trainer = new MemberTrainer(net, "msb", OptimizerKind.BFGS, 40, 100, 1e-8);
    }

    @Benchmark
    public Member trainOneMember() {
        return trainer.train(0, init, train, val,
                MinibatchSource.random(nTrain, 0.25, RandomSource.SPLIT_MIX_64.create(4)));
    }
}
