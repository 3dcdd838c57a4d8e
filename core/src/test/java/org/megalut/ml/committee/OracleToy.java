package org.megalut.ml.committee;

import java.nio.file.Path;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.NormType;
import org.megalut.ml.data.Normer;

/** The Tenbilac toy reference set, prepared as Tenbilac did ("-11" normers on d and on θ). */
final class OracleToy {
    final Path dir;
    final NetworkData raw;
    final Normer inputNormer;
    final Normer targetNormer;
    final NetworkData train;
    final NetworkData val;

    OracleToy() {
        dir = Oracle.tenbilac().resolve("toy");
        raw = NetworkData.of(Oracle.npy(dir.resolve("d_train.npy")).tensor3(),
                Oracle.npy(dir.resolve("theta.npy")).tensor2(), null);
        inputNormer = Normer.fit(NormType.MINUS_ONE_ONE, raw.inputs());
        targetNormer = Normer.fit(NormType.MINUS_ONE_ONE, raw.targets());
        NetworkData data = raw.normalised(inputNormer, targetNormer);
        train = data.selectCases(Oracle.npy(dir.resolve("split_train_idx.npy")).ints());
        val = data.selectCases(Oracle.npy(dir.resolve("split_val_idx.npy")).ints());
    }

    double[] params(String cost, String stage) {
        return Oracle.npy(dir.resolve(cost).resolve(stage + "_params.npy")).values();
    }
}
