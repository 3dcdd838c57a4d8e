package org.megalut.ml.network;

/**
 * One dense layer y = act(W·x + b), with W of shape (nn, ni), and where its parameters sit in the flat vector:
 * the nn biases from {@code offset}, then W row-major ([neuron, input]) from {@code offset + nn}.
 */
record Layer(int ni, int nn, Activation activation, int offset) {

    int parameterCount() {
        return nn * (ni + 1);
    }

    int biasIndex(int n) {
        return offset + n;
    }

    int weightIndex(int n, int i) {
        return offset + nn + n * ni + i;
    }
}
