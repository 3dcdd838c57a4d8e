package org.megalut.ml.committee;

import org.megalut.ml.cost.CostFunction;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.network.Net;
import org.megalut.ml.network.NetBuffers;
import org.megalut.ml.optimiser.DifferentiableFunction;

/**
 * The training cost of a net on a fixed prepared dataset as a function of the flat parameter vector, with the
 * analytic gradient by back-propagation. Owns its buffers: one instance per thread.
 */
public final class Objective implements DifferentiableFunction {
    private final Net net;
    private final CostFunction cost;
    private final NetworkData data;
    private final NetBuffers buffers;

    /**
     * @param data a prepared dataset (see {@link NetworkData#normalised}) with targets
     * @throws IllegalArgumentException if the inputs contain non-finite values
     */
    public Objective(Net net, CostFunction cost, NetworkData data) {
        for (double v : data.inputs().data()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("objective inputs contain NaN/Inf: prepare the dataset with "
                        + "NetworkData.normalised(...) so masked realizations are zero-filled");
            }
        }
        this.net = net;
        this.cost = cost;
        this.data = data;
        this.buffers = net.buffers(data.realizations(), data.cases());
        if (data.targets() == null) {
            throw new IllegalArgumentException("objective dataset has no targets");
        }
    }

    @Override
    public int dimension() {
        return net.parameterCount();
    }

    @Override
    public double value(double[] params) {
        net.forward(params, data.inputs(), buffers);
        return cost.evaluate(buffers.output(), data, null);
    }

    @Override
    public double valueAndGradient(double[] params, double[] gradient) {
        net.forward(params, data.inputs(), buffers);
        double f = cost.evaluate(buffers.output(), data, buffers.outputGradient());
        net.backward(params, data.inputs(), buffers, gradient);
        return f;
    }
}
