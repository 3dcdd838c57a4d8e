package org.megalut.ml.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.megalut.ml.committee.Member;
import org.megalut.ml.committee.MemberTrainer;
import org.megalut.ml.data.CaseSplit;
import org.megalut.ml.data.MinibatchSource;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.NormType;
import org.megalut.ml.data.Normer;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;
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
 * One sum33wmass weight member on one thread: 4-3-3-1 tanh/sigi, msbwsignorm, the train-weight shape of
 * 200 cases (shears) × 1000 realizations (galaxies), 160/40 split, 10 loops × 50 BFGS iterations on 40-case
 * minibatches. Synthetic features; the aux input is a noisy point estimate whose noise grows as the first feature
 * falls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class WeightMemberTrainingBenchmark {
    private MemberTrainer trainer;
    private NetworkData train;
    private NetworkData val;
    private double[] init;

    @Setup
    public void setup() {
        int cases = 200;
        int reas = 1000;
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(9);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        Tensor3 x = new Tensor3(reas, 4, cases);
        Tensor3 aux = new Tensor3(reas, 1, cases);
        Tensor2 t = new Tensor2(1, cases);
        for (int c = 0; c < cases; c++) {
            double s = 0.1 * (2 * rng.nextDouble() - 1);
            t.set(0, c, s);
            for (int r = 0; r < reas; r++) {
                double q = rng.nextDouble();
                x.set(r, 0, c, 10 + 90 * q);
                x.set(r, 1, c, rng.nextDouble() - 0.5);
                x.set(r, 2, c, 1 + 2 * rng.nextDouble());
                x.set(r, 3, c, 2 + rng.nextDouble());
                aux.set(r, 0, c, s + (0.01 + 0.3 * (1 - q) * (1 - q)) * g.sample());
            }
        }
        NetworkData raw = NetworkData.of(x, t, aux);
        NetworkData prepared = raw.normalised(Normer.fit(NormType.SA1, raw.inputs()), null);
        CaseSplit split = CaseSplit.random(cases, 0.2, RandomSource.SPLIT_MIX_64.create(1));
        train = prepared.selectCases(split.train());
        val = prepared.selectCases(split.validation());
        Net net = new Net(new Architecture(4, List.of(3, 3), 1, Activation.TANH, Activation.SIGI));
        init = net.initialParameters(true, 0.1, 0.1, RandomSource.SPLIT_MIX_64.create(2));
        trainer = new MemberTrainer(net, "msbwsignorm", OptimizerKind.BFGS, 10, 50, 1e-10);
    }

    @Benchmark
    public Member trainOneMember() {
        return trainer.train(0, init, train, val,
                MinibatchSource.random(train.cases(), 0.25, RandomSource.SPLIT_MIX_64.create(4)));
    }
}
