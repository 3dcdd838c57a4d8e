/**
 * Simulated images for training and testing: {@code sim.great3} generates GREAT3-format branches,
 * {@code sim.megalut} the MegaLUT training datasets. Both draw their stamps with {@code render} and add pixel
 * noise with {@link org.megalut.sim.GaussianNoise}, from a stream keyed by the stamp's identity
 * (docs/conventions.md, "Keyed randomness").
 */
package org.megalut.sim;
