/**
 * Unconstrained minimisation of a {@link org.megalut.ml.optimiser.DifferentiableFunction}:
 * {@link org.megalut.ml.optimiser.Bfgs} and {@link org.megalut.ml.optimiser.Lbfgs} with a strong-Wolfe
 * {@link org.megalut.ml.optimiser.WolfeLineSearch}, chosen by {@link org.megalut.ml.optimiser.OptimizerKind}.
 * Knows nothing of networks.
 */
package org.megalut.ml.optimiser;
