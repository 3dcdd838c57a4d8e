package org.megalut.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.megalut.eval.ShearValidation;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CommitteeTrainer;
import org.megalut.ml.committee.MlConfig;
import org.megalut.ml.committee.Predictions;
import org.megalut.ml.data.LongTable;

class CommitteeFiguresTest {

    /** 40 cases × 20 realizations: an observed ellipticity obs = 0.8 g + noise, a quality q, the truth. */
    static LongTable table() {
        Random rng = new Random(3);
        LongTable.Builder b = LongTable.builder(List.of("obs", "q", "tru"));
        for (int c = 0; c < 40; c++) {
            double g = 0.1 * (2 * rng.nextDouble() - 1);
            for (int r = 0; r < 20; r++) {
                double q = rng.nextDouble();
                b.add(c, r, 0.8 * g + (0.01 + 0.1 * (1 - q)) * rng.nextGaussian(), q, g);
            }
        }
        return b.build();
    }

    @Test
    void pointEstimateCommitteeFigures() throws Exception {
        Committee c = CommitteeTrainer.train(MlConfig.parse("""
                data { features = [obs, q], targets = [tru], predictions = [pre] }
                network { hidden = [3] }
                training { cost = msb, members = 3, seed = 1, mbloops = 2, maxiter = 10, mbfrac = 0.5 }
                selection { bestn = 2 }
                """), table());
        assertTrue(PlotTest.colours(CommitteeFigures.costs(c, "costs").png(900, 400), 900, 400) > 10);
        assertTrue(PlotTest.colours(CommitteeFigures.selfPrediction(c, table(), "self").png(900, 400), 900, 400) > 10);
    }

    @Test
    void weightCommitteeFiguresAndValidation() throws Exception {
        Committee c = CommitteeTrainer.train(MlConfig.parse("""
                data { features = [q], targets = [tru], aux = [obs], predictions = [w] }
                network { hidden = [3, 3], output-activation = sigi }
                training { cost = msbwsignorm, members = 2, seed = 5, mbfrac = 1, mbloops = 2, maxiter = 20 }
                selection { bestn = 1 }
                """), table());
        assertTrue(PlotTest.colours(CommitteeFigures.selfPrediction(c, table(), "weights").png(900, 400), 900, 400) > 10);
        LongTable t = Predictions.append(table(), c);
        List<ShearValidation.Result> v = ShearValidation.validate(t, List.of(
                new ShearValidation.Component("g1", "obs", "w", "tru"), new ShearValidation.Component("g2", "obs", null, "tru")));
        assertTrue(PlotTest.colours(BiasFigures.validation("validation", v).png(900, 700), 900, 700) > 10);
    }
}
