/**
 * The dense network: {@link org.megalut.ml.network.Net} evaluates y = act(W·x + b) layer by layer on a flat
 * parameter vector in Tenbilac's order and back-propagates dCost/dY, with its shape in
 * {@link org.megalut.ml.network.Architecture} and reusable work arrays in {@link org.megalut.ml.network.NetBuffers}.
 */
package org.megalut.ml.network;
