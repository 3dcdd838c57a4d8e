package org.megalut.ml.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.megalut.ml.data.Tensor3;

class NetTest {

    @Test
    void parameterCounts() {
        assertEquals(61, new Architecture(4, List.of(5, 5), 1, Activation.TANH, Activation.IDEN).parameterCount());
        assertEquals(31, new Architecture(4, List.of(3, 3), 1, Activation.TANH, Activation.SIGI).parameterCount());
        assertEquals(16, new Architecture(1, List.of(5), 1, Activation.TANH, Activation.IDEN).parameterCount());
        assertEquals(66, new Architecture(5, List.of(5, 5), 1, Activation.TANH, Activation.IDEN).parameterCount());
    }

    @Test
    void identityInitialisationWithoutNoiseUsesTenbilacLayout() {
        Net net = new Net(new Architecture(4, List.of(5, 5), 1, Activation.TANH, Activation.IDEN));
        double[] p = net.initialParameters(true, 0.0, 0.0, RandomSource.SPLIT_MIX_64.create(1));
        // [b_o(1), W_o(1x5), b_h1(5), W_h1(5x5), b_h0(5), W_h0(5x4)]
        double[] expected = new double[61];
        expected[1] = 1.0;
        for (int n = 0; n < 5; n++) {
            expected[6 + 5 + n * 5 + n] = 1.0;
        }
        for (int n = 0; n < 4; n++) {
            expected[36 + 5 + n * 4 + n] = 1.0;
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(p));
    }

    @Test
    void initialNoiseHasTheConfiguredScale() {
        Net net = new Net(new Architecture(30, List.of(30, 30), 30, Activation.TANH, Activation.IDEN));
        double[] p = net.initialParameters(false, 0.1, 0.1, RandomSource.SPLIT_MIX_64.create(5));
        double ss = 0;
        for (double v : p) {
            ss += v * v;
        }
        assertEquals(0.1, Math.sqrt(ss / p.length), 0.005);
    }

    @Test
    void forwardPassOfHandComputedNet() {
        // 2-1-1: hidden h = tanh(w0 x0 + w1 x1 + b), output y = sigi(v h + c).
        Net net = new Net(new Architecture(2, List.of(1), 1, Activation.TANH, Activation.SIGI));
        // Layout: [c, v, b, w0, w1]
        double[] p = {0.1, 2.0, -0.2, 0.5, -1.5};
        Tensor3 x = new Tensor3(1, 2, 2, new double[] {0.3, -1.0, 0.7, 0.4});
        Tensor3 y = net.predict(p, x);
        for (int c = 0; c < 2; c++) {
            double h = Math.tanh(0.5 * x.get(0, 0, c) - 1.5 * x.get(0, 1, c) - 0.2);
            assertEquals(1 / (1 + Math.exp(-4 * (2.0 * h + 0.1))), y.get(0, 0, c), 1e-15);
        }
    }

    @Test
    void fastTanhAgreesWithMathTanh() {
        double worstAbs = 0;
        double worstRel = 0;
        for (int i = -200000; i <= 200000; i++) {
            double x = i * 1e-4 + 1.234e-7;
            double t = Math.tanh(x);
            double f = Activation.tanh(x);
            worstAbs = Math.max(worstAbs, Math.abs(f - t));
            worstRel = Math.max(worstRel, Math.abs(f - t) / Math.abs(t));
        }
        assertTrue(worstAbs <= 2.3e-16, "abs " + worstAbs);
        assertTrue(worstRel <= 1e-14, "rel " + worstRel);
        assertEquals(1.0, Activation.tanh(400), 0);
        assertEquals(-1.0, Activation.tanh(-400), 0);
        assertEquals(-0.0, Activation.tanh(-0.0), 0);
    }

    @Test
    void activations() {
        assertEquals(Math.tanh(0.3), Activation.TANH.value(0.3), 1e-16);
        assertEquals(1 / (1 + Math.exp(-0.3)), Activation.SIG.value(0.3), 1e-16);
        assertEquals(1 / (1 + Math.exp(-1.2)), Activation.SIGI.value(0.3), 1e-16);
        assertEquals(2 / (1 + Math.exp(-0.3)) - 1, Activation.SIGE.value(0.3), 1e-16);
        assertEquals(0.0, Activation.RELU.value(-0.3), 0);
        assertEquals(6.0, Activation.RELU6.value(7), 0);
        assertEquals(Activation.SIGI, Activation.byName("sigi"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.byName("soft"));
        assertEquals(true, e.getMessage().contains("tanh"));
    }

    @Test
    void activationDerivativesMatchFiniteDifferences() {
        for (Activation a : Activation.values()) {
            for (double x : new double[] {-0.7, 0.2, 1.3}) {
                double h = 1e-6;
                double fd = (a.value(x + h) - a.value(x - h)) / (2 * h);
                double[] d = {1.0};
                a.multiplyByDerivative(new double[] {a.value(x)}, d, 0, 1);
                assertEquals(fd, d[0], 1e-8, a + " at " + x);
            }
        }
    }
}
