package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.megalut.ml.network.Net;
import org.megalut.ml.optimiser.OptimizerKind;

/** Training from Tenbilac's stored start on its stored minibatches reaches comparable costs. */
@Tag("oracle")
class TrainingOracleTest {

    @Test
    void shortTrainingOfMember0ReachesTenbilacLevel() {
        OracleShear o = new OracleShear();
        int loops = 5;
        Net net = new Net(OracleShear.ARCH);
        long t0 = System.nanoTime();
        Member m = new MemberTrainer(net, "msb", OptimizerKind.BFGS, loops, 100, 1e-8)
                .train(0, o.params(0, "init"), o.train, o.val, o.minibatches(0, loops));
        double secs = (System.nanoTime() - t0) / 1e9;
        int iters = m.history().size();
        double ours = m.history().lastValCost();
        double theirs = o.tenbilacValCost(0, loops * 100);
        System.out.printf("member 0, %d loops: %d iterations, %d evaluations, %.2f s; val msb ours %.4e, "
                + "Tenbilac after %d iterations %.4e%n", loops, iters, m.evaluations(), secs, ours, loops * 100, theirs);
        assertTrue(ours < 1.5 * theirs, "validation cost " + ours + " vs Tenbilac " + theirs);
    }
}
