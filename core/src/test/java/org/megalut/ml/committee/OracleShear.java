package org.megalut.ml.committee;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.megalut.ml.data.CaseSplit;
import org.megalut.ml.data.MinibatchSource;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.NormType;
import org.megalut.ml.data.Normer;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;
import org.megalut.ml.network.Activation;
import org.megalut.ml.network.Architecture;

/** The Tenbilac shear reference set, loaded and prepared as Tenbilac did (sa1 on the whole training input). */
final class OracleShear {
    static final Architecture ARCH = new Architecture(4, List.of(5, 5), 1, Activation.TANH, Activation.IDEN);

    final Path dir;
    final NetworkData raw;
    final Normer normer;
    final CaseSplit split;
    final NetworkData train;
    final NetworkData val;

    OracleShear() {
        dir = Oracle.tenbilac().resolve("shear");
        raw = NetworkData.of(Oracle.npy(dir.resolve("train_inputs.npy")).tensor3(),
                Oracle.npy(dir.resolve("train_targets.npy")).tensor2(), null);
        normer = Normer.fit(NormType.SA1, raw.inputs());
        split = new CaseSplit(Oracle.npy(dir.resolve("split_train_idx.npy")).ints(),
                Oracle.npy(dir.resolve("split_val_idx.npy")).ints());
        NetworkData prepared = raw.normalised(normer, null);
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
            List<String> lines = Files.readAllLines(member(member).resolve("iterations.csv"));
            return Double.parseDouble(lines.get(iter).split(",")[3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NetworkData testSet() {
        return NetworkData.of(Oracle.npy(dir.resolve("test_inputs.npy")).tensor3(),
                Oracle.npy(dir.resolve("test_targets.npy")).tensor2(), null);
    }

    /** The sum55mass + ada4g1 configuration of the reference run. */
    static MlConfig config() {
        return MlConfig.load(MlConfigTest.CONF.resolve("sum55mass.conf"), MlConfigTest.CONF.resolve("ada4g1.conf"));
    }

    /** The reference configuration with {@code loops} minibatch loops and {@code threads} threads. */
    static MlConfig config(int loops, int threads) {
        return MlConfig.fromConfig(ConfigFactory.parseString(
                "training { mbloops = " + loops + ", threads = " + threads + " }").withFallback(config().toConfig()));
    }

    /** A Tenbilac-style plan: the stored split, stored initial parameters and the first {@code loops} minibatches. */
    TrainingPlan plan(int members, int loops) {
        List<double[]> inits = new ArrayList<>();
        List<MinibatchSource> batches = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            inits.add(params(i, "init"));
            batches.add(minibatches(i, loops));
        }
        return new TrainingPlan(split, inits, batches);
    }

    /** Test-set MSB and the OLS fit mean_r(prediction) = (1 + m)·tru + c over cases; {msb, m, c}. */
    static double[] testMetrics(Tensor3 pred, Tensor2 truth) {
        int nc = pred.cases();
        double[] mean = new double[nc];
        for (int c = 0; c < nc; c++) {
            for (int r = 0; r < pred.realizations(); r++) {
                mean[c] += pred.get(r, 0, c) / pred.realizations();
            }
        }
        double msb = 0;
        double sx = 0;
        double sy = 0;
        for (int c = 0; c < nc; c++) {
            msb += Math.pow(mean[c] - truth.get(0, c), 2) / nc;
            sx += truth.get(0, c);
            sy += mean[c];
        }
        double mx = sx / nc;
        double my = sy / nc;
        double sxy = 0;
        double sxx = 0;
        for (int c = 0; c < nc; c++) {
            sxy += (truth.get(0, c) - mx) * (mean[c] - my);
            sxx += (truth.get(0, c) - mx) * (truth.get(0, c) - mx);
        }
        double slope = sxy / sxx;
        return new double[] {msb, slope - 1, my - slope * mx};
    }
}
