package org.megalut.ml.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.megalut.ml.data.Tensor3;

/**
 * A dense feed-forward net: hidden layers y = act(W·x + b) with the hidden activation, then an output layer with
 * the output activation. The net itself is stateless; its parameters are a flat vector in Tenbilac's order
 * (Net.get_params_ref): layers in reverse order, output layer first; within a layer the nn biases, then W
 * row-major (nn × ni). For 4-5-5-1: [b_o(1), W_o(1×5), b_h1(5), W_h1(5×5), b_h0(5), W_h0(5×4)]. Vectors stored
 * by Tenbilac therefore load directly.
 *
 * <p>Inputs and outputs have Tenbilac's (realization, feature|output, case) layout. Immutable and thread-safe;
 * the per-call state lives in {@link NetBuffers}.
 */
public final class Net {
    private final Architecture architecture;
    private final List<Layer> layers;

    public Net(Architecture architecture) {
        this.architecture = architecture;
        List<Integer> sizes = new ArrayList<>(architecture.hidden());
        sizes.add(architecture.outputs());
        // Offsets are assigned from the output layer backwards, which is Tenbilac's storage order.
        int[] offsets = new int[sizes.size()];
        int offset = 0;
        for (int k = sizes.size() - 1; k >= 0; k--) {
            int ni = k == 0 ? architecture.inputs() : sizes.get(k - 1);
            offsets[k] = offset;
            offset += sizes.get(k) * (ni + 1);
        }
        List<Layer> ls = new ArrayList<>();
        for (int k = 0; k < sizes.size(); k++) {
            int ni = k == 0 ? architecture.inputs() : sizes.get(k - 1);
            Activation act = k == sizes.size() - 1 ? architecture.outputActivation() : architecture.activation();
            ls.add(new Layer(ni, sizes.get(k), act, offsets[k]));
        }
        this.layers = List.copyOf(ls);
    }

    public Architecture architecture() {
        return architecture;
    }

    List<Layer> layers() {
        return layers;
    }

    /** Σ nn·(ni + 1). */
    public int parameterCount() {
        return architecture.parameterCount();
    }

    /**
     * Tenbilac's initialisation: every W and b set to 0, then (if {@code startIdentity}) W[n][n] = 1 for
     * n &lt; min(ni, nn) in every layer, then N(0, wScale²) noise added to every weight and N(0, bScale²) to every
     * bias. With identity start the first input is passed (through the tanh's) to the first output.
     */
    public double[] initialParameters(boolean startIdentity, double wScale, double bScale,
                                      UniformRandomProvider rng) {
        double[] p = new double[parameterCount()];
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (Layer layer : layers) {
            if (startIdentity) {
                for (int n = 0; n < Math.min(layer.ni(), layer.nn()); n++) {
                    p[layer.weightIndex(n, n)] = 1.0;
                }
            }
            for (int n = 0; n < layer.nn(); n++) {
                p[layer.biasIndex(n)] += bScale * gauss.sample();
                for (int i = 0; i < layer.ni(); i++) {
                    p[layer.weightIndex(n, i)] += wScale * gauss.sample();
                }
            }
        }
        return p;
    }

    /** Buffers for passes over {@code realizations} × {@code cases}. */
    public NetBuffers buffers(int realizations, int cases) {
        return new NetBuffers(this, realizations, cases);
    }

    /**
     * The forward pass; the result (r, output, c) is {@code buffers.output()}.
     *
     * @param inputs prepared (finite) inputs with {@code architecture.inputs()} features
     */
    public void forward(double[] params, Tensor3 inputs, NetBuffers buffers) {
        checkShapes(params, inputs, buffers);
        int nr = inputs.realizations();
        int nc = inputs.cases();
        double[] in = inputs.data();
        for (int k = 0; k < layers.size(); k++) {
            Layer layer = layers.get(k);
            double[] out = buffers.outputs[k];
            int ni = layer.ni();
            for (int r = 0; r < nr; r++) {
                for (int n = 0; n < layer.nn(); n++) {
                    int o = (r * layer.nn() + n) * nc;
                    // Σ_i W[n][i]·x_i first, then + b[n], the order of Tenbilac's dot(W, x) + b.
                    double w0 = params[layer.weightIndex(n, 0)];
                    int s0 = r * ni * nc;
                    for (int c = 0; c < nc; c++) {
                        out[o + c] = w0 * in[s0 + c];
                    }
                    for (int i = 1; i < ni; i++) {
                        double w = params[layer.weightIndex(n, i)];
                        int s = (r * ni + i) * nc;
                        for (int c = 0; c < nc; c++) {
                            out[o + c] += w * in[s + c];
                        }
                    }
                    double b = params[layer.biasIndex(n)];
                    for (int c = 0; c < nc; c++) {
                        out[o + c] += b;
                    }
                }
            }
            layer.activation().applyInPlace(out, 0, out.length);
            in = out;
        }
    }

    /**
     * Back-propagation after {@link #forward}: on entry {@code buffers.outputGradient()} holds dCost/dY; on exit
     * {@code grad} holds dCost/dθ in the flat parameter order. The output-gradient buffer is overwritten.
     */
    public void backward(double[] params, Tensor3 inputs, NetBuffers buffers, double[] grad) {
        checkShapes(params, inputs, buffers);
        if (grad.length != params.length) {
            throw new IllegalArgumentException("gradient has " + grad.length + " values, expected " + params.length);
        }
        Arrays.fill(grad, 0.0);
        int nr = inputs.realizations();
        int nc = inputs.cases();
        for (int k = layers.size() - 1; k >= 0; k--) {
            Layer layer = layers.get(k);
            int ni = layer.ni();
            double[] y = buffers.outputs[k];
            double[] d = buffers.deltas[k];
            double[] in = k == 0 ? inputs.data() : buffers.outputs[k - 1];
            // d ← dC/dY ⊙ act'(z): the gradient with respect to the pre-activation z = W·x + b.
            layer.activation().multiplyByDerivative(y, d, 0, d.length);
            for (int r = 0; r < nr; r++) {
                for (int n = 0; n < layer.nn(); n++) {
                    int o = (r * layer.nn() + n) * nc;
                    double sb = 0.0;
                    for (int c = 0; c < nc; c++) {
                        sb += d[o + c];
                    }
                    grad[layer.biasIndex(n)] += sb;
                    for (int i = 0; i < ni; i++) {
                        int s = (r * ni + i) * nc;
                        double sw = 0.0;
                        for (int c = 0; c < nc; c++) {
                            sw += d[o + c] * in[s + c];
                        }
                        grad[layer.weightIndex(n, i)] += sw;
                    }
                }
            }
            if (k > 0) {
                // dC/dx_i = Σ_n W[n][i]·d_n is dC/dY of the previous layer.
                double[] dPrev = buffers.deltas[k - 1];
                Arrays.fill(dPrev, 0.0);
                for (int r = 0; r < nr; r++) {
                    for (int n = 0; n < layer.nn(); n++) {
                        int o = (r * layer.nn() + n) * nc;
                        for (int i = 0; i < ni; i++) {
                            double w = params[layer.weightIndex(n, i)];
                            int s = (r * ni + i) * nc;
                            for (int c = 0; c < nc; c++) {
                                dPrev[s + c] += w * d[o + c];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Convenience: a freshly allocated prediction (r, output, c). */
    public Tensor3 predict(double[] params, Tensor3 inputs) {
        NetBuffers buffers = buffers(inputs.realizations(), inputs.cases());
        forward(params, inputs, buffers);
        return buffers.output().copy();
    }

    private void checkShapes(double[] params, Tensor3 inputs, NetBuffers buffers) {
        if (params.length != parameterCount()) {
            throw new IllegalArgumentException("net " + architecture + " has " + parameterCount()
                    + " parameters, got " + params.length);
        }
        if (inputs.rows() != architecture.inputs()) {
            throw new IllegalArgumentException("net " + architecture + " expects " + architecture.inputs()
                    + " features, got " + inputs.rows());
        }
        if (buffers.realizations != inputs.realizations() || buffers.cases != inputs.cases()) {
            throw new IllegalArgumentException("buffers are for " + buffers.realizations + "x" + buffers.cases
                    + ", inputs are " + inputs.realizations() + "x" + inputs.cases());
        }
    }
}
