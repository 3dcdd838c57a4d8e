/**
 * Noise-aware neural networks (a Java re-implementation of Tenbilac, the network library behind MegaLUT), plain
 * Java without Spark.
 *
 * <h2>Data</h2>
 * {@link org.megalut.ml.Tensor3} holds inputs X[r][f][c], aux inputs A[r][l][c] and predictions Y[r][o][c]
 * (realization, row, case) in flat C-order arrays; {@link org.megalut.ml.Tensor2} holds targets T[l][c].
 * {@link org.megalut.ml.NetworkData} bundles them with the {@link org.megalut.ml.RealizationMask} (a realization is
 * masked when any of its features or aux values is NaN); {@link org.megalut.ml.NetworkData#normalised} applies a
 * {@link org.megalut.ml.Normer} ({@code sa1}, {@code -11}, {@code 01}, {@code std}) and zero-fills masked
 * realizations so no NaN reaches the arithmetic. {@link org.megalut.ml.LongTable} (one row per case and
 * realization, read from CSV by {@link org.megalut.ml.LongTableCsv}) builds these tensors from named columns.
 *
 * <h2>Networks and costs</h2>
 * {@link org.megalut.ml.Net} (shape {@link org.megalut.ml.Architecture}, activations
 * {@link org.megalut.ml.Activation}) evaluates dense layers y = act(W·x + b) on a flat parameter vector in
 * Tenbilac's order and back-propagates dCost/dY. Costs ({@link org.megalut.ml.Costs#byName}): {@code mse},
 * {@code msb} = mean_{l,c} (mean_r Y − T)², {@code mab}, {@code msbwsignorm} = mean_{l,c} (Σ_r Y·A / Σ_r Y − T)²,
 * {@code mabwsignorm}, {@code msbw}, {@code msbwnonorm}, {@code msbwsig}, {@code msbpw}, all with analytic
 * gradients. {@link org.megalut.ml.Objective} joins net, cost and data into a
 * {@link org.megalut.ml.DifferentiableFunction}.
 *
 * <h2>Optimisation and training</h2>
 * {@link org.megalut.ml.Bfgs} and {@link org.megalut.ml.Lbfgs} with a strong-Wolfe
 * {@link org.megalut.ml.WolfeLineSearch}. {@link org.megalut.ml.MemberTrainer} runs Tenbilac's loop (minibatch
 * loops, fresh optimiser per loop, validation cost per iteration); {@link org.megalut.ml.CommitteeTrainer} trains a
 * {@link org.megalut.ml.Committee} of members from a {@link org.megalut.ml.TrainingPlan} derived from the committee
 * seed ({@link org.megalut.ml.CommitteeStreams}), in parallel threads with results independent of the thread count, and
 * selects the best members ({@link org.megalut.ml.Selection}).
 *
 * <h2>Configuration and persistence</h2>
 * {@link org.megalut.ml.MlConfig} reads the HOCON network configs of {@code conf/ml/} (unknown keys are errors);
 * {@link org.megalut.ml.CommitteeIo} saves and loads committees as versioned JSON (format in
 * {@code committee-format.md} next to this package's resources).
 *
 * <h2>Typical use</h2>
 * <pre>{@code
 * MlConfig cfg = MlConfig.load(Path.of("conf/ml/sum55mass.conf"), Path.of("conf/ml/ada4g1.conf"));
 * Committee committee = CommitteeTrainer.train(cfg, LongTableCsv.read(Path.of("train-shear.csv")));
 * CommitteeIo.write(committee, Path.of("committee-g1.json"));
 * CommitteePrediction p = committee.predict(LongTableCsv.read(Path.of("obs.csv")));
 * }</pre>
 */
package org.megalut.ml;
