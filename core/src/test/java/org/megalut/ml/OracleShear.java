package org.megalut.ml;

import java.nio.file.Path;
import java.util.List;

/** The Tenbilac shear reference set, loaded and prepared as Tenbilac did (sa1 on the whole training input). */
final class OracleShear {
    static final Architecture ARCH = new Architecture(4, List.of(5, 5), 1, Activation.TANH, Activation.IDEN);

    final Path dir;
    final Dataset raw;
    final Normer normer;
    final Split split;
    final Dataset train;
    final Dataset val;

    OracleShear() {
        dir = Oracle.tenbilac().resolve("shear");
        raw = Dataset.of(Oracle.npy(dir.resolve("train_inputs.npy")).tensor3(),
                Oracle.npy(dir.resolve("train_targets.npy")).tensor2(), null);
        normer = Normer.fit(NormType.SA1, raw.inputs());
        split = new Split(Oracle.npy(dir.resolve("split_train_idx.npy")).ints(),
                Oracle.npy(dir.resolve("split_val_idx.npy")).ints());
        Dataset prepared = raw.normalised(normer, null);
        train = prepared.selectCases(split.train());
        val = prepared.selectCases(split.validation());
    }

    Path member(int i) {
        return dir.resolve("members").resolve("member_" + i);
    }

    double[] params(int member, String stage) {
        return Oracle.npy(member(member).resolve(stage + "_params.npy")).values();
    }

    /** The stored minibatch positions of the first {@code loops} loops. */
    MinibatchSource minibatches(int member, int loops) {
        Npy idx = Oracle.npy(member(member).resolve("minibatch_idx.npy"));
        int[][] rows = new int[loops][];
        for (int k = 0; k < loops; k++) {
            rows[k] = idx.row(k);
        }
        return MinibatchSource.replay(rows);
    }

    /** Tenbilac's logged validation cost after iteration {@code iter} (1-based, cumulative over loops). */
    double tenbilacValCost(int member, int iter) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(member(member).resolve("iterations.csv"));
            return Double.parseDouble(lines.get(iter).split(",")[3]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Dataset testSet() {
        return Dataset.of(Oracle.npy(dir.resolve("test_inputs.npy")).tensor3(),
                Oracle.npy(dir.resolve("test_targets.npy")).tensor2(), null);
    }
}
