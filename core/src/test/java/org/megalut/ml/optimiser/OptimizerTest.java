package org.megalut.ml.optimiser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizerTest {

    /** f = 100 (x2 − x1²)² + (1 − x1)², minimum 0 at (1, 1). */
    static final DifferentiableFunction ROSENBROCK = new DifferentiableFunction() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double value(double[] x) {
            return valueAndGradient(x, new double[2]);
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double a = x[1] - x[0] * x[0];
            double b = 1 - x[0];
            g[0] = -400 * a * x[0] - 2 * b;
            g[1] = 200 * a;
            return 100 * a * a + b * b;
        }
    };

    /** f = ½ xᵀAx − bᵀx with A = diag(1..n) + 0.1 (off-diagonal), minimiser A⁻¹b. */
    static DifferentiableFunction quadratic(int n) {
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                return valueAndGradient(x, new double[n]);
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += (i == j ? i + 1.0 : 0.1) * x[j];
                    }
                    g[i] = ax - 1.0;
                    f += 0.5 * x[i] * ax - x[i];
                }
                return f;
            }
        };
    }

    static Stream<Optimizer> optimizers() {
        return Stream.of(new Bfgs(500, 1e-9), new Lbfgs(500, 1e-9));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void rosenbrock(Optimizer opt) {
        List<Double> values = new ArrayList<>();
        OptimizationResult res = opt.minimize(ROSENBROCK, new double[] {-1.2, 1.0},
                (k, x, v) -> values.add(v));
        assertEquals(OptimizationResult.Stop.CONVERGED, res.stop());
        assertArrayEquals(new double[] {1, 1}, res.x(), 1e-8);
        assertTrue(res.iterations() < 100, "iterations " + res.iterations());
        assertEquals(res.iterations(), values.size());
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i) <= values.get(i - 1), "monotone decrease (sufficient-decrease condition)");
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void quadratic(Optimizer opt) {
        int n = 8;
        OptimizationResult res = opt.minimize(quadratic(n), new double[n], null);
        assertEquals(OptimizationResult.Stop.CONVERGED, res.stop());
        // A x = 1 at the minimum: check the residual rather than solving.
        double[] g = new double[n];
        quadratic(n).valueAndGradient(res.x(), g);
        assertTrue(QuasiNewton.normInf(g) <= 1e-9);
        assertTrue(res.iterations() <= 3 * n, "iterations " + res.iterations());
    }

    @Test
    void maxIterationsIsHonoured() {
        OptimizationResult res = new Bfgs(5, 1e-12).minimize(ROSENBROCK, new double[] {-1.2, 1.0}, null);
        assertEquals(OptimizationResult.Stop.MAX_ITERATIONS, res.stop());
        assertEquals(5, res.iterations());
    }

    @Test
    void lineSearchSatisfiesStrongWolfe() {
        WolfeLineSearch ls = new WolfeLineSearch(1e-4, 0.9);
        double[] x = {-1.2, 1.0};
        double[] g = new double[2];
        double f = ROSENBROCK.valueAndGradient(x, g);
        double[] p = {-g[0], -g[1]};
        WolfeLineSearch.Result r = ls.search(ROSENBROCK, x, f, g, p, 1.0);
        assertTrue(r.success());
        double slope0 = g[0] * p[0] + g[1] * p[1];
        WolfeLineSearch.Step s = r.step();
        assertTrue(s.value() <= f + 1e-4 * s.alpha() * slope0);
        assertTrue(Math.abs(s.slope()) <= 0.9 * Math.abs(slope0));
    }
}
