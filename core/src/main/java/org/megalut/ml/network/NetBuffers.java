package org.megalut.ml.network;

import org.megalut.ml.data.Tensor3;

/**
 * Work space for one forward/backward pass of a {@link Net} on a fixed number of realizations and cases: the
 * outputs of every layer (layout (r, neuron, c), as {@link Tensor3}) and the back-propagated deltas. Reused
 * across evaluations to avoid allocation in the optimiser loop; not thread-safe.
 */
public final class NetBuffers {
    final int realizations;
    final int cases;
    /** outputs[k] holds the activations of layer k. */
    final double[][] outputs;
    /** deltas[k] holds dCost/d(pre-activation) of layer k; the last also serves as dCost/dY on entry. */
    final double[][] deltas;

    NetBuffers(Net net, int realizations, int cases) {
        this.realizations = realizations;
        this.cases = cases;
        int nl = net.layers().size();
        outputs = new double[nl][];
        deltas = new double[nl][];
        for (int k = 0; k < nl; k++) {
            int size = realizations * net.layers().get(k).nn() * cases;
            outputs[k] = new double[size];
            deltas[k] = new double[size];
        }
    }

    /** The network output of the last forward pass, (r, output, c); shares the buffer. */
    public Tensor3 output() {
        double[] out = outputs[outputs.length - 1];
        return new Tensor3(realizations, out.length / (realizations * cases), cases, out);
    }

    /** dCost/dY, layout (r, output, c): costs write here before {@link Net#backward}. */
    public double[] outputGradient() {
        return deltas[deltas.length - 1];
    }
}
