/**
 * Committees of networks: the configuration ({@link org.megalut.ml.committee.MlConfig}), the training objective
 * ({@link org.megalut.ml.committee.Objective}), training of members and of whole committees
 * ({@link org.megalut.ml.committee.MemberTrainer}, {@link org.megalut.ml.committee.CommitteeTrainer}), selection and
 * combination of the best members, prediction, and the versioned JSON files of
 * {@link org.megalut.ml.committee.CommitteeIo} (format in {@code committee-format.md} among this package's
 * resources).
 */
package org.megalut.ml.committee;
