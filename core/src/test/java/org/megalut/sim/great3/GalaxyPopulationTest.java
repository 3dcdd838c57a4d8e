package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.megalut.random.RandomStreams;

/** The population reproduces the summary statistics it documents. */
class GalaxyPopulationTest {

    @Test
    void summaryStatistics() {
        GalaxyPopulation pop = GalaxyPopulation.great3Like();
        UniformRandomProvider rng = RandomStreams.stream(5, 1);
        int n = 20000;
        double[] hlr = new double[n];
        double[] g = new double[n];
        double[] sersicN = new double[n];
        int ns = 0;
        int bd = 0;
        double minFlux = Double.MAX_VALUE;
        double maxFlux = 0;
        for (int i = 0; i < n; i++) {
            GalaxyParams p = pop.draw(rng);
            hlr[i] = p.meanHlr();
            double q = p.singleSersic() ? p.bulgeQ() : p.diskQ();
            g[i] = (1 - q) / (1 + q);
            if (p.singleSersic()) {
                sersicN[ns++] = p.bulgeN();
            } else {
                bd++;
                assertTrue(p.bulgeFraction() >= 0.1 && p.bulgeFraction() <= 0.9);
            }
            minFlux = Math.min(minFlux, p.flux());
            maxFlux = Math.max(maxFlux, p.flux());
        }
        assertEquals(0.36, bd / (double) n, 0.015);
        assertEquals(0.25, median(hlr), 0.01);
        assertEquals(0.289, median(g), 0.01);
        double[] sn = Arrays.copyOf(sersicN, ns);
        assertEquals(1.06, median(sn), 0.04);
        // I in [20, 23.5]: flux between 10^(-0.4·(23.5−25.94)) and 10^(-0.4·(20−25.94)).
        double faintest = Math.pow(10, -0.4 * (23.5 - 25.94));
        double brightest = Math.pow(10, -0.4 * (20 - 25.94));
        assertTrue(minFlux >= faintest && minFlux < 1.05 * faintest, "min flux " + minFlux);
        assertTrue(maxFlux <= brightest && maxFlux > 0.8 * brightest, "max flux " + maxFlux);
    }

    @Test
    void rotationTurnsBothComponents() {
        GalaxyParams p = new GalaxyParams(10, 0.4, 4, 0.1, 0.8, 0.3, 0.2, 0.5, 0.25);
        GalaxyParams r = p.rotated(Math.PI / 2);
        assertEquals(0.3 + Math.PI / 2, r.bulgeBeta(), 1e-15);
        assertEquals(0.25 + Math.PI / 2, r.diskBeta(), 1e-15);
        assertEquals(p.meanHlr(), r.meanHlr(), 0);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
