/**
 * Noise-aware neural networks (a Java re-implementation of Tenbilac, the network library behind MegaLUT), plain
 * Java without Spark.
 *
 * <h2>Packages</h2>
 * {@link org.megalut.ml.data} (tensors, tables, normers, case selection), {@link org.megalut.ml.network} (the
 * dense network), {@link org.megalut.ml.cost} (cost functions and their gradients), {@link org.megalut.ml.optimiser}
 * (quasi-Newton minimisers) and {@link org.megalut.ml.committee} (configuration, training, selection, prediction
 * and persistence of committees). Dependencies point one way: network and cost use data; committee uses all the
 * others; optimiser uses none of them.
 *
 * <h2>Data</h2>
 * {@link org.megalut.ml.data.Tensor3} holds inputs X[r][f][c], aux inputs A[r][l][c] and predictions Y[r][o][c]
 * (realization, row, case) in flat C-order arrays; {@link org.megalut.ml.data.Tensor2} holds targets T[l][c].
 * {@link org.megalut.ml.data.NetworkData} bundles them with the {@link org.megalut.ml.data.RealizationMask} (a
 * realization is masked when any of its features or aux values is NaN);
 * {@link org.megalut.ml.data.NetworkData#normalised} applies a {@link org.megalut.ml.data.Normer} ({@code sa1},
 * {@code -11}, {@code 01}, {@code std}) and zero-fills masked realizations so no NaN reaches the arithmetic.
 * {@link org.megalut.ml.data.LongTable} (one row per case and realization, read from CSV by
 * {@link org.megalut.ml.data.LongTableCsv}) builds these tensors from named columns.
 *
 * <h2>Networks and costs</h2>
 * {@link org.megalut.ml.network.Net} (shape {@link org.megalut.ml.network.Architecture}, activations
 * {@link org.megalut.ml.network.Activation}) evaluates dense layers y = act(W·x + b) on a flat parameter vector in
 * Tenbilac's order and back-propagates dCost/dY. Costs ({@link org.megalut.ml.cost.Costs#byName}): {@code mse},
 * {@code msb} = mean_{l,c} (mean_r Y − T)², {@code mab}, {@code msbwsignorm} = mean_{l,c} (Σ_r Y·A / Σ_r Y − T)²,
 * {@code mabwsignorm}, {@code msbw}, {@code msbwnonorm}, {@code msbwsig}, {@code msbpw}, all with analytic
 * gradients. {@link org.megalut.ml.committee.Objective} joins net, cost and data into a
 * {@link org.megalut.ml.optimiser.DifferentiableFunction}.
 *
 * <h2>Optimisation and training</h2>
 * {@link org.megalut.ml.optimiser.Bfgs} and {@link org.megalut.ml.optimiser.Lbfgs} with a strong-Wolfe
 * {@link org.megalut.ml.optimiser.WolfeLineSearch}. {@link org.megalut.ml.committee.MemberTrainer} runs Tenbilac's
 * loop (minibatch loops, fresh optimiser per loop, validation cost per iteration);
 * {@link org.megalut.ml.committee.CommitteeTrainer} trains a {@link org.megalut.ml.committee.Committee} of members
 * from a {@link org.megalut.ml.committee.TrainingPlan} derived from the committee seed
 * ({@link org.megalut.ml.committee.CommitteeStreams}), in parallel threads with results independent of the thread
 * count, and selects the best members ({@link org.megalut.ml.committee.Selection}).
 *
 * <h2>Configuration and persistence</h2>
 * {@link org.megalut.ml.committee.MlConfig} reads the HOCON network configs of {@code conf/ml/} (unknown keys are
 * errors); {@link org.megalut.ml.committee.CommitteeIo} saves and loads committees as versioned JSON (format in
 * {@code committee-format.md} among the committee package's resources).
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
