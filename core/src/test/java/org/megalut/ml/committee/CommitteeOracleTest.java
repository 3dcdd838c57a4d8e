package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.megalut.ml.cost.Costs;
import org.megalut.ml.data.Tensor3;
import org.megalut.ml.network.Net;

/** The shear committee against Tenbilac: gradient at the stored start, stored-parameter predictions, training. */
@Tag("oracle")
class CommitteeOracleTest {

    @Test
    void msbGradientAtInitialParametersMatchesFiniteDifferences() {
        OracleShear o = new OracleShear();
        Net net = new Net(OracleShear.ARCH);
        Objective f = new Objective(net, Costs.byName("msb"), o.train);
        double overall = 0;
        for (int member = 0; member < 8; member++) {
            double[] p = o.params(member, "init");
            double[] g = new double[p.length];
            f.valueAndGradient(p, g);
            double gmax = Arrays.stream(g).map(Math::abs).max().orElse(0);
            double worst = 0;
            for (int i = 0; i < p.length; i++) {
                double h = 1e-6;
                double[] pp = p.clone();
                double[] pm = p.clone();
                pp[i] += h;
                pm[i] -= h;
                double fd = (f.value(pp) - f.value(pm)) / (2 * h);
                double err = Math.abs(fd - g[i]) / Math.max(Math.abs(g[i]), 1e-3 * gmax);
                worst = Math.max(worst, err);
            }
            assertTrue(worst < 1e-6, "member " + member + ": worst relative gradient error " + worst);
            overall = Math.max(overall, worst);
        }
        System.out.printf("msb gradient at the 8 stored initial parameter vectors: worst relative error vs "
                + "central differences %.2e%n", overall);
    }

    @Test
    void storedCommitteeReproducesTenbilacTestPredictions() {
        OracleShear o = new OracleShear();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // Only the last validation cost matters for selection: Tenbilac's final val cost of each member.
            double val = o.tenbilacValCost(i, 4000);
            CostHistory h = new CostHistory(new int[] {39}, new int[] {100}, new double[] {Double.NaN},
                    new double[] {val});
            members.add(new Member(i, o.params(i, "init"), o.params(i, "final"), h, 0));
        }
        Committee c = Committee.withSelection(OracleShear.config(), o.normer, null, members);
        assertEquals(List.of(2, 1, 5, 4), c.selected());
        Tensor3 pred = c.predict(o.testSet());
        Npy expected = Oracle.npy(o.dir.resolve("test_pred.npy"));
        double maxDiff = 0;
        for (int i = 0; i < expected.values().length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(expected.values()[i] - pred.data()[i]));
        }
        System.out.printf("stored Tenbilac committee, test predictions: max |diff| = %.3e%n", maxDiff);
        assertTrue(maxDiff < 1e-12, "max |diff| " + maxDiff);
        double[] met = OracleShear.testMetrics(pred, o.testSet().targets());
        assertEquals(6.81e-4, met[0], 0.01e-4);
        assertEquals(-0.0537, met[1], 1e-4);
    }

    @Test
    void shortCommitteeTrainingFromTenbilacStartsGivesComparableTestMsb() {
        OracleShear o = new OracleShear();
        int loops = 4;
        MlConfig cfg = OracleShear.config(loops, 2);
        long t0 = System.nanoTime();
        Committee c = CommitteeTrainer.train(cfg, o.raw, o.plan(8, loops));
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(o.normer, c.inputNormer());
        double[] met = OracleShear.testMetrics(c.predict(o.testSet()), o.testSet().targets());
        double selVal = c.selected().stream().mapToDouble(i -> c.members().get(i).history().lastValCost())
                .average().orElseThrow();
        System.out.printf("8 members x %d loops (%.1f s wall): selected %s, mean selected val msb %.3e; "
                + "test msb %.3e, m %.4f, c %.5f (Tenbilac after 40 loops: val 1.792e-3, test 6.81e-4, "
                + "m -0.0537, c -0.0013)%n", loops, secs, c.selected(), selVal, met[0], met[1], met[2]);
        assertTrue(met[0] < 3 * 6.81e-4, "test msb " + met[0]);
        assertTrue(selVal < 3 * 1.792e-3, "selected val msb " + selVal);
    }
}
