package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
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
import org.megalut.random.RandomStreams;

/**
 * The toy problem of the Tenbilac paper, at test size: θ on [0.25, 2], observations
 * d = sqrt(1 + θ²) + 0.1·N(0, 1) over many noise realizations. A net trained with the mean square bias
 * predicts θ without bias on average over the noise; one trained with the mean square error, which
 * regresses towards the mean of θ at given d, is visibly biased at the ends of the range.
 */
class ToyNoiseBiasTest {
    private static final int CASES = 120;
    private static final int REALIZATIONS = 100;

    private static NetworkData toy(long seed, int realizations) {
        Tensor3 d = new Tensor3(realizations, 1, CASES);
        Tensor2 theta = new Tensor2(1, CASES);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(RandomStreams.stream(seed));
        for (int c = 0; c < CASES; c++) {
            double t = 0.25 + 1.75 * c / (CASES - 1);
            theta.set(0, c, t);
            for (int r = 0; r < realizations; r++) {
                d.set(r, 0, c, Math.sqrt(1 + t * t) + 0.1 * gauss.sample());
            }
        }
        return NetworkData.of(d, theta, null);
    }

    /** RMS over cases of (mean prediction over realizations − θ) on fresh noise. */
    private static double rmsBias(String cost) {
        NetworkData raw = toy(1, REALIZATIONS);
        Normer xn = Normer.fit(NormType.MINUS_ONE_ONE, raw.inputs());
        Normer tn = Normer.fit(NormType.MINUS_ONE_ONE, raw.targets());
        NetworkData train = raw.normalised(xn, tn);
        Net net = new Net(new Architecture(1, List.of(5), 1, Activation.TANH, Activation.IDEN));
        UniformRandomProvider rng = RandomStreams.stream(7, RandomStreams.label(cost));
        double[] init = net.initialParameters(true, 0.1, 0.1, rng);
        int[] all = new int[CASES];
        for (int i = 0; i < CASES; i++) {
            all[i] = i;
        }
        Member m = new MemberTrainer(net, cost, OptimizerKind.BFGS, 1, 300, 1e-10)
                .train(0, init, train, null, MinibatchSource.replay(new int[][] {all}));
        // Many test realizations, so the test's own noise does not mask the estimator's bias.
        NetworkData test = toy(2, 2000);
        Tensor3 pred = tn.denormalise(net.predict(m.parameters(), test.normalised(xn, null).inputs()));
        double sum = 0;
        for (int c = 0; c < CASES; c++) {
            double mean = 0;
            for (int r = 0; r < pred.realizations(); r++) {
                mean += pred.get(r, 0, c) / pred.realizations();
            }
            sum += Math.pow(mean - test.targets().get(0, c), 2);
        }
        return Math.sqrt(sum / CASES);
    }

    @Test
    void msbIsUnbiasedWhereMseIsNot() {
        double msb = rmsBias("msb");
        double mse = rmsBias("mse");
        // Tenbilac's full-size toy gives 0.008 (MSB) against 0.054 (MSE).
        System.out.printf("toy rms bias of the mean prediction: MSB %.4f, MSE %.4f%n", msb, mse);
        assertTrue(msb < 0.015, "MSB-trained rms bias " + msb);
        assertTrue(mse > 2.5 * msb && mse > 0.03, "MSE-trained rms bias " + mse + " vs MSB " + msb);
    }
}
