package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.megalut.ml.cost.Costs;
import org.megalut.ml.data.MinibatchSource;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.Normer;
import org.megalut.ml.data.Tensor3;
import org.megalut.ml.network.Net;
import org.megalut.ml.optimiser.OptimizerKind;

/**
 * The full-size comparison with Tenbilac (disabled by default; run with {@code -Dmegalut.ml.fullOracle=true}):
 * the toy MSB/MSE runs (200 BFGS iterations on 500 cases × 1000 realizations) and the 8-member shear committee
 * (40 loops × 100 iterations) from Tenbilac's stored starts and minibatches, with per-member CPU time, then a
 * committee trained entirely from our own seeds.
 */
@Tag("oracle")
@EnabledIfSystemProperty(named = "megalut.ml.fullOracle", matches = "true")
class FullRunOracleTest {

    @Test
    void toyRuns() {
        OracleToy toy = new OracleToy();
        NetworkData raw = toy.raw;
        Normer xn = toy.inputNormer;
        Normer tn = toy.targetNormer;
        NetworkData train = toy.train;
        NetworkData val = toy.val;
        NetworkData test = NetworkData.of(Oracle.npy(toy.dir.resolve("d_test.npy")).tensor3(), raw.targets(), null)
                .normalised(xn, null);
        Net net = new Net(ForwardOracleTest.TOY);
        int[] all = new int[train.cases()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (String cost : new String[] {"msb", "mse"}) {
            double[] init = toy.params(cost, "init");
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            long cpu0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Member m = new MemberTrainer(net, cost, OptimizerKind.BFGS, 1, 200, 1e-8)
                    .train(0, init, train, val, MinibatchSource.replay(new int[][] {all}));
            double cpu = (bean.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            double trainCost = new Objective(net, Costs.byName(cost), train).value(m.parameters());
            Tensor3 pred = tn.denormalise(net.predict(m.parameters(), test.inputs()));
            double rms = 0;
            for (int c = 0; c < pred.cases(); c++) {
                double mean = 0;
                for (int r = 0; r < pred.realizations(); r++) {
                    mean += pred.get(r, 0, c) / pred.realizations();
                }
                rms += Math.pow(mean - raw.targets().get(0, c), 2) / pred.cases();
            }
            System.out.printf("toy %s: %d iterations, %d evaluations, CPU %.2f s, wall %.2f s, final train %.4e, "
                    + "val %.4e, test rms bias %.4f%n", cost, m.history().size(), m.evaluations(), cpu, wall,
                    trainCost, m.history().lastValCost(), Math.sqrt(rms));
        }
    }

    @Test
    void shearCommitteeFromTenbilacStarts() {
        OracleShear o = new OracleShear();
        Net net = new Net(OracleShear.ARCH);
        MemberTrainer trainer = new MemberTrainer(net, "msb", OptimizerKind.BFGS, 40, 100, 1e-8);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        List<Member> members = new ArrayList<>();
        double cpuSum = 0;
        for (int i = 0; i < 8; i++) {
            long cpu0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Member m = trainer.train(i, o.params(i, "init"), o.train, o.val, o.minibatches(i, 40));
            double cpu = (bean.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            cpuSum += cpu;
            members.add(m);
            double fullTrain = new Objective(net, Costs.byName("msb"), o.train).value(m.parameters());
            System.out.printf("member %d: %d iterations, %d evaluations, CPU %.2f s, wall %.2f s, final val msb "
                    + "%.4e (Tenbilac %.4e), full-train msb %.4e%n", i, m.history().size(), m.evaluations(), cpu,
                    wall, m.history().lastValCost(), o.tenbilacValCost(i, 4000), fullTrain);
        }
        Committee c = Committee.withSelection(OracleShear.config(), o.normer, null, members);
        double selVal = c.selected().stream().mapToDouble(i -> members.get(i).history().lastValCost())
                .average().orElseThrow();
        double[] met = OracleShear.testMetrics(c.predict(o.testSet()), o.testSet().targets());
        System.out.printf("committee from Tenbilac starts: CPU %.1f s for 8 members; selected %s, mean val msb "
                + "%.4e (Tenbilac 1.792e-3); test msb %.4e (6.81e-4), m %.4f (-0.0537), c %.5f (-0.0013)%n",
                cpuSum, c.selected(), selVal, met[0], met[1], met[2]);
        assertTrue(met[0] < 2 * 6.81e-4);
    }

    @Test
    void shearCommitteeFromOwnSeeds() {
        OracleShear o = new OracleShear();
        MlConfig cfg = OracleShear.config(40, 2);
        long t0 = System.nanoTime();
        Committee c = CommitteeTrainer.train(cfg, o.raw);
        double wall = (System.nanoTime() - t0) / 1e9;
        double selVal = c.selected().stream().mapToDouble(i -> c.members().get(i).history().lastValCost())
                .average().orElseThrow();
        double[] met = OracleShear.testMetrics(c.predict(o.testSet()), o.testSet().targets());
        StringBuilder vals = new StringBuilder();
        c.members().forEach(m -> vals.append(String.format(" %.3e", m.history().lastValCost())));
        System.out.printf("committee from own seeds (own split), 2 threads: wall %.1f s; member val msb%s; "
                + "selected %s, mean val %.4e; test msb %.4e, m %.4f, c %.5f%n", wall, vals, c.selected(), selVal,
                met[0], met[1], met[2]);
        assertTrue(met[0] < 2 * 6.81e-4);
    }
}
