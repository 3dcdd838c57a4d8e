package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.megalut.ml.cost.Costs;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.Normer;
import org.megalut.ml.network.Activation;
import org.megalut.ml.network.Architecture;
import org.megalut.ml.network.Net;

/** Exact forward-pass checks against Tenbilac: normers, costs at stored parameters, committee predictions. */
@Tag("oracle")
class ForwardOracleTest {
    static final Architecture TOY = new Architecture(1, List.of(5), 1, Activation.TANH, Activation.IDEN);

    private double worst;

    private void assertRel(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
        worst = Math.max(worst, Math.abs(actual - expected) / Math.abs(expected));
    }

    @Test
    void shearNormerAndCostsMatchVerifyJson() {
        OracleShear shear = new OracleShear();
        JsonNode b = Oracle.json(shear.dir.resolve("shear_results.json")).get("input_normer").get("b");
        for (int i = 0; i < 4; i++) {
            assertEquals(b.get(i).asDouble(), shear.normer.b()[i], 0.0, "sa1 b[" + i + "]");
        }
        Net net = new Net(OracleShear.ARCH);
        assertEquals(61, net.parameterCount());
        JsonNode members = Oracle.json(Oracle.tenbilac().resolve("verify.json")).get("shear").get("members");
        for (JsonNode m : members) {
            int i = m.get("member").asInt();
            for (String stage : new String[] {"init", "final"}) {
                double[] p = shear.params(i, stage);
                assertRel(m.get(stage + "_cost_train").asDouble(),
                        new Objective(net, Costs.byName("msb"), shear.train).value(p), 1e-10, stage + " train " + i);
                assertRel(m.get(stage + "_cost_val").asDouble(),
                        new Objective(net, Costs.byName("msb"), shear.val).value(p), 1e-10, stage + " val " + i);
            }
        }
        System.out.printf("shear msb at stored init/final params (32 values): worst relative deviation %.2e%n", worst);
    }

    @Test
    void toyCostsMatchVerifyJson() {
        OracleToy toy = new OracleToy();
        Normer xn = toy.inputNormer;
        Normer tn = toy.targetNormer;
        assertEquals(0.5853409794236256, xn.a()[0], 0.0);
        assertEquals(2.0271019176752323, xn.b()[0], 0.0);
        assertEquals(0.25, tn.a()[0], 0.0);
        assertEquals(1.75, tn.b()[0], 0.0);
        NetworkData train = toy.train;
        NetworkData val = toy.val;
        Net net = new Net(TOY);
        JsonNode verify = Oracle.json(Oracle.tenbilac().resolve("verify.json")).get("toy");
        for (String cost : new String[] {"msb", "mse"}) {
            for (String stage : new String[] {"init", "final"}) {
                double[] p = toy.params(cost, stage);
                assertRel(verify.get(cost).get(stage + "_cost_train").asDouble(),
                        new Objective(net, Costs.byName(cost), train).value(p), 1e-10, cost + " " + stage);
                assertRel(verify.get(cost).get(stage + "_cost_val").asDouble(),
                        new Objective(net, Costs.byName(cost), val).value(p), 1e-10, cost + " " + stage);
            }
        }
        System.out.printf("toy msb/mse at stored init/final params (8 values): worst relative deviation %.2e%n", worst);
    }
}
