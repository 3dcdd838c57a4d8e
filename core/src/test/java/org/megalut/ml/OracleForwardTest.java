package org.megalut.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact forward-pass checks against Tenbilac: normers, costs at stored parameters, committee predictions. */
class OracleForwardTest {
    static final Architecture SHEAR = new Architecture(4, List.of(5, 5), 1, Activation.TANH, Activation.IDEN);
    static final Architecture TOY = new Architecture(1, List.of(5), 1, Activation.TANH, Activation.IDEN);

    private double worst;

    private void assertRel(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
        worst = Math.max(worst, Math.abs(actual - expected) / Math.abs(expected));
    }

    @Test
    void shearNormerAndCostsMatchVerifyJson() {
        Path dir = Oracle.tenbilac();
        Path shear = dir.resolve("shear");
        MlData raw = MlData.of(Oracle.npy(shear.resolve("train_inputs.npy")).tensor3(),
                Oracle.npy(shear.resolve("train_targets.npy")).tensor2(), null);
        Normer normer = Normer.fit(NormType.SA1, raw.inputs());
        JsonNode b = Oracle.json(shear.resolve("shear_results.json")).get("input_normer").get("b");
        for (int i = 0; i < 4; i++) {
            assertEquals(b.get(i).asDouble(), normer.b()[i], 0.0, "sa1 b[" + i + "]");
        }
        MlData data = raw.normalised(normer, null);
        MlData train = data.selectCases(Oracle.npy(shear.resolve("split_train_idx.npy")).ints());
        MlData val = data.selectCases(Oracle.npy(shear.resolve("split_val_idx.npy")).ints());
        Net net = new Net(SHEAR);
        assertEquals(61, net.parameterCount());
        JsonNode members = Oracle.json(dir.resolve("verify.json")).get("shear").get("members");
        for (JsonNode m : members) {
            int i = m.get("member").asInt();
            Path md = shear.resolve("members").resolve("member_" + i);
            for (String stage : new String[] {"init", "final"}) {
                double[] p = Oracle.npy(md.resolve(stage + "_params.npy")).values();
                assertRel(m.get(stage + "_cost_train").asDouble(),
                        new Objective(net, Costs.byName("msb"), train).value(p), 1e-10, stage + " train " + i);
                assertRel(m.get(stage + "_cost_val").asDouble(),
                        new Objective(net, Costs.byName("msb"), val).value(p), 1e-10, stage + " val " + i);
            }
        }
        System.out.printf("shear msb at stored init/final params (32 values): worst relative deviation %.2e%n", worst);
    }

    @Test
    void toyCostsMatchVerifyJson() {
        Path toy = Oracle.tenbilac().resolve("toy");
        MlData raw = MlData.of(Oracle.npy(toy.resolve("d_train.npy")).tensor3(),
                Oracle.npy(toy.resolve("theta.npy")).tensor2(), null);
        Normer xn = Normer.fit(NormType.MINUS_ONE_ONE, raw.inputs());
        Normer tn = Normer.fit(NormType.MINUS_ONE_ONE, raw.targets());
        assertEquals(0.5853409794236256, xn.a()[0], 0.0);
        assertEquals(2.0271019176752323, xn.b()[0], 0.0);
        assertEquals(0.25, tn.a()[0], 0.0);
        assertEquals(1.75, tn.b()[0], 0.0);
        MlData data = raw.normalised(xn, tn);
        MlData train = data.selectCases(Oracle.npy(toy.resolve("split_train_idx.npy")).ints());
        MlData val = data.selectCases(Oracle.npy(toy.resolve("split_val_idx.npy")).ints());
        Net net = new Net(TOY);
        JsonNode verify = Oracle.json(Oracle.tenbilac().resolve("verify.json")).get("toy");
        for (String cost : new String[] {"msb", "mse"}) {
            for (String stage : new String[] {"init", "final"}) {
                double[] p = Oracle.npy(toy.resolve(cost).resolve(stage + "_params.npy")).values();
                assertRel(verify.get(cost).get(stage + "_cost_train").asDouble(),
                        new Objective(net, Costs.byName(cost), train).value(p), 1e-10, cost + " " + stage);
                assertRel(verify.get(cost).get(stage + "_cost_val").asDouble(),
                        new Objective(net, Costs.byName(cost), val).value(p), 1e-10, cost + " " + stage);
            }
        }
        System.out.printf("toy msb/mse at stored init/final params (8 values): worst relative deviation %.2e%n", worst);
    }
}
