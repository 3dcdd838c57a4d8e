package org.megalut.ml.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
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
    @Test
    void passesEqualAnElementByElementEvaluationBitForBit() {
        // Two outputs and 7 realizations (not a multiple of the four summed side by side) exercise the
        // layout changes and the remainder; the reference adds in Tenbilac's order, one value at a time.
        Net net = new Net(new Architecture(3, List.of(4, 3), 2, Activation.TANH, Activation.SIGI));
        double[] p = net.initialParameters(false, 0.8, 0.3, RandomSource.SPLIT_MIX_64.create(11));
        int nr = 7;
        int nc = 5;
        Tensor3 x = new Tensor3(nr, 3, nc);
        Tensor3 dy = new Tensor3(nr, 2, nc);
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(12);
        for (int k = 0; k < x.data().length; k++) {
            x.data()[k] = 4 * rng.nextDouble() - 2;
        }
        for (int k = 0; k < dy.data().length; k++) {
            dy.data()[k] = rng.nextDouble() - 0.5;
        }
        x.data()[4] = 1e-3;
        NetBuffers buffers = net.buffers(nr, nc);
        net.forward(p, x, buffers);
        System.arraycopy(dy.data(), 0, buffers.outputGradient(), 0, dy.data().length);
        double[] grad = new double[p.length];
        net.backward(p, x, buffers, grad);

        List<Layer> layers = net.layers();
        double[][][][] act = new double[layers.size() + 1][][][];
        act[0] = new double[nr][nc][];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                act[0][r][c] = new double[3];
                for (int f = 0; f < 3; f++) {
                    act[0][r][c][f] = x.get(r, f, c);
                }
            }
        }
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            act[k + 1] = new double[nr][nc][l.nn()];
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < nc; c++) {
                    for (int n = 0; n < l.nn(); n++) {
                        double z = p[l.weightIndex(n, 0)] * act[k][r][c][0];
                        for (int i = 1; i < l.ni(); i++) {
                            z += p[l.weightIndex(n, i)] * act[k][r][c][i];
                        }
                        act[k + 1][r][c][n] = l.activation().value(z + p[l.biasIndex(n)]);
                    }
                }
            }
        }
        Tensor3 y = buffers.output();
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                for (int o = 0; o < 2; o++) {
                    assertEquals(act[layers.size()][r][c][o], y.get(r, o, c), 0.0);
                }
            }
        }
        double[] expected = new double[p.length];
        double[][][] delta = new double[nr][nc][];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                delta[r][c] = new double[] {dy.get(r, 0, c), dy.get(r, 1, c)};
            }
        }
        for (int k = layers.size() - 1; k >= 0; k--) {
            Layer l = layers.get(k);
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < nc; c++) {
                    l.activation().multiplyByDerivative(act[k + 1][r][c], delta[r][c], 0, l.nn());
                }
            }
            for (int n = 0; n < l.nn(); n++) {
                for (int r = 0; r < nr; r++) {
                    double sb = 0.0;
                    for (int c = 0; c < nc; c++) {
                        sb += delta[r][c][n];
                    }
                    expected[l.biasIndex(n)] += sb;
                    for (int i = 0; i < l.ni(); i++) {
                        double sw = 0.0;
                        for (int c = 0; c < nc; c++) {
                            sw += delta[r][c][n] * act[k][r][c][i];
                        }
                        expected[l.weightIndex(n, i)] += sw;
                    }
                }
            }
            double[][][] previous = new double[nr][nc][l.ni()];
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < nc; c++) {
                    for (int n = 0; n < l.nn(); n++) {
                        for (int i = 0; i < l.ni(); i++) {
                            previous[r][c][i] += p[l.weightIndex(n, i)] * delta[r][c][n];
                        }
                    }
                }
            }
            delta = previous;
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(grad));
    }
}
