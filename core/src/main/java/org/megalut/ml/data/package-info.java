/**
 * What the networks read: {@link org.megalut.ml.data.Tensor3} and {@link org.megalut.ml.data.Tensor2} in flat
 * C order, bundled with their {@link org.megalut.ml.data.RealizationMask} as
 * {@link org.megalut.ml.data.NetworkData}; {@link org.megalut.ml.data.Normer}s; the one-row-per-realization
 * {@link org.megalut.ml.data.LongTable} and its CSV form; and the choice of cases for validation and minibatches
 * ({@link org.megalut.ml.data.CaseSplit}, {@link org.megalut.ml.data.MinibatchSource},
 * {@link org.megalut.ml.data.CaseFilter}). Uses no other package of {@code org.megalut.ml}.
 */
package org.megalut.ml.data;
