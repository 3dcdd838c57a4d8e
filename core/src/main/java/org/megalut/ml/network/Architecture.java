package org.megalut.ml.network;

import java.util.List;
import java.util.Objects;

/**
 * The shape of a dense feed-forward net: {@code inputs} features, hidden layer sizes, {@code outputs} outputs,
 * the hidden-layer activation and the output-layer activation.
 *
 * <p>Parameter count Σ_layers nn·(ni + 1), e.g. 4-5-5-1: 5·5 + 5·6 + 1·6 = 61.
 */
public record Architecture(int inputs, List<Integer> hidden, int outputs, Activation activation,
                           Activation outputActivation) {

    public Architecture {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("a net needs at least one input and one output, got "
                    + inputs + " inputs, " + outputs + " outputs");
        }
        hidden = List.copyOf(hidden);
        for (int h : hidden) {
            if (h <= 0) {
                throw new IllegalArgumentException("hidden layer sizes must be positive, got " + hidden);
            }
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(outputActivation, "outputActivation");
    }

    /** Σ nn·(ni + 1) over the layers. */
    public int parameterCount() {
        int n = 0;
        int ni = inputs;
        for (int nn : hidden) {
            n += nn * (ni + 1);
            ni = nn;
        }
        return n + outputs * (ni + 1);
    }

    /** E.g. "4-5-5-1 tanh/iden". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(inputs);
        hidden.forEach(h -> sb.append('-').append(h));
        return sb.append('-').append(outputs).append(' ').append(activation.tenbilacName()).append('/')
                .append(outputActivation.tenbilacName()).toString();
    }
}
