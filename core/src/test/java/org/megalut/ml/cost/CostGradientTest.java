package org.megalut.ml.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.megalut.ml.committee.Objective;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.network.Activation;
import org.megalut.ml.network.Architecture;
import org.megalut.ml.network.Net;

/** Every cost's analytic gradient against central finite differences, with masked realizations. */
class CostGradientTest {

    static List<String> costs() {
        return Costs.NAMES;
    }

    @ParameterizedTest
    @MethodSource("costs")
    void analyticGradientMatchesFiniteDifferences(String costName) {
        CostFunction cost = Costs.byName(costName);
        // Normalised weighted means need positive weights: a sigmoid output, as in the weight nets.
        Activation out = switch (costName) {
            case "msbwsignorm", "mabwsignorm" -> Activation.SIGI;
            case "msbpw" -> Activation.TANH;
            default -> Activation.IDEN;
        };
        Net net = new Net(new Architecture(3, List.of(4, 3), 2, Activation.TANH, out));
        NetworkData data = TestData.random(7, 6, 3, 2, 9, 0.25);
        assertTrue(data.mask().any());
        assertEquals(0, data.mask().unmaskedCount(8), "the last case is fully masked");
        if (costName.equals("msbpw")) {
            // Σ a must stay away from 0: shift the aux inputs positive.
            double[] a = data.aux().data();
            for (int i = 0; i < a.length; i++) {
                a[i] += 1.0;
            }
        }
        double[] p = net.initialParameters(true, 0.5, 0.5, RandomSource.SPLIT_MIX_64.create(3));
        Objective obj = new Objective(net, cost, data);
        double[] g = new double[p.length];
        double f = obj.valueAndGradient(p, g);
        assertEquals(f, obj.value(p), 0.0);
        double gmax = Arrays.stream(g).map(Math::abs).max().orElse(0);
        assertTrue(gmax > 1e-6, "gradient is not trivially zero");
        for (int i = 0; i < p.length; i++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(p[i]));
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[i] += h;
            pm[i] -= h;
            double fd = (obj.value(pp) - obj.value(pm)) / (2 * h);
            double scale = Math.max(Math.abs(g[i]), 1e-2 * gmax);
            assertEquals(g[i], fd, 1e-6 * scale, costName + " parameter " + i);
        }
    }
}
