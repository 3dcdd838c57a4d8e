package org.megalut.ml.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.megalut.ml.committee.Objective;
import org.megalut.ml.cost.Costs;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.NormType;
import org.megalut.ml.data.Normer;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;
import org.megalut.ml.network.Activation;
import org.megalut.ml.network.Architecture;
import org.megalut.ml.network.Net;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost (and cost + analytic gradient) of the GREAT3 shear net, 4-5-5-1 tanh/iden with MSB, on shear-like data of
 * {@code cases} cases × 10 realizations (1000 = a whole train-shear set, 200 = one sum55mass minibatch).
 * Tenbilac's reference: 0.95 ms CPU per cost call on 200 cases × 10 realizations, value only, plus 61 more calls for
 * its forward-difference gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class CostGradientBenchmark {
    @Param({"1000", "200"})
    public int cases;

    private Objective objective;
    private double[] params;
    private double[] gradient;

    @Setup
    public void setup() {
        NetworkData raw = ShearLikeData.create(cases, 10, 17);
        Normer normer = Normer.fit(NormType.SA1, raw.inputs());
        Net net = new Net(new Architecture(4, List.of(5, 5), 1, Activation.TANH, Activation.IDEN));
        objective = new Objective(net, Costs.byName("msb"), raw.normalised(normer, null));
        params = net.initialParameters(true, 0.1, 0.1, RandomSource.SPLIT_MIX_64.create(3));
        gradient = new double[params.length];
    }

    @Benchmark
    public double msbValue() {
        return objective.value(params);
    }

    @Benchmark
    public double msbValueAndGradient() {
        return objective.valueAndGradient(params, gradient);
    }

    /** Synthetic stand-in for the train-shear features (g1, sigma, flux, rho4) with per-realization noise. */
    static final class ShearLikeData {
        private ShearLikeData() {
        }

        static NetworkData create(int cases, int realizations, long seed) {
            UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            Tensor3 x = new Tensor3(realizations, 4, cases);
            Tensor2 t = new Tensor2(1, cases);
            for (int c = 0; c < cases; c++) {
                double g1 = 0.3 * (2 * rng.nextDouble() - 1);
                double sigma = 1.5 + 1.5 * rng.nextDouble();
                double flux = 10 + 90 * rng.nextDouble();
                double snr = flux / 3;
                t.set(0, c, g1);
                for (int r = 0; r < realizations; r++) {
                    x.set(r, 0, c, 0.38 * g1 + 0.016 + g.sample() / snr);
                    x.set(r, 1, c, sigma * (1 + 0.5 * g.sample() / snr));
                    x.set(r, 2, c, flux * (1 + g.sample() / snr));
                    x.set(r, 3, c, 2.2 + 1.5 * g.sample() / snr);
                }
            }
            return NetworkData.of(x, t, null);
        }
    }
}
