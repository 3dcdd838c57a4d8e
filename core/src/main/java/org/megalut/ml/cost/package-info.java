/**
 * Cost functions of the predictions Y against the targets T, each with its analytic gradient dCost/dY:
 * {@link org.megalut.ml.cost.Costs#byName} names them as Tenbilac does ({@code mse}, {@code msb},
 * {@code msbwsignorm}, …); a bias cost penalises E − T, where {@link org.megalut.ml.cost.BiasEstimator} forms the
 * per-case estimate E from the unmasked realizations. Independent of the network that produces Y.
 */
package org.megalut.ml.cost;
