package org.megalut.ml.optimiser;

import java.util.Arrays;

/**
 * BFGS with a dense inverse-Hessian approximation, starting from H = I, with the standard update
 * H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(yᵀs) (Nocedal &amp; Wright eq. 6.17), and a strong-Wolfe
 * line search. O(n²) memory and time per iteration; right for the small nets here (n ≈ 30–70).
 */
public final class Bfgs extends QuasiNewton {

    /** With the default {@link WolfeLineSearch} (c1 = 1e-4, c2 = 0.9). */
    public Bfgs(int maxIterations, double gtol) {
        this(maxIterations, gtol, new WolfeLineSearch());
    }

    public Bfgs(int maxIterations, double gtol, WolfeLineSearch lineSearch) {
        super(maxIterations, gtol, lineSearch);
    }

    @Override
    InverseHessian newInverseHessian(int n) {
        return new Dense(n);
    }

    /** H stored row-major, n × n, symmetric. */
    private static final class Dense implements InverseHessian {
        private final int n;
        private final double[] h;
        private final double[] hy;

        Dense(int n) {
            this.n = n;
            this.h = new double[n * n];
            this.hy = new double[n];
            reset();
        }

        @Override
        public void reset() {
            Arrays.fill(h, 0.0);
            for (int i = 0; i < n; i++) {
                h[i * n + i] = 1.0;
            }
        }

        @Override
        public void direction(double[] g, double[] p) {
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int j = 0; j < n; j++) {
                    sum += h[i * n + j] * g[j];
                }
                p[i] = -sum;
            }
        }

        @Override
        public void update(double[] s, double[] y) {
            double rho = 1.0 / WolfeLineSearch.dot(y, s);
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int j = 0; j < n; j++) {
                    sum += h[i * n + j] * y[j];
                }
                hy[i] = sum;
            }
            double yhy = WolfeLineSearch.dot(y, hy);
            // Expanded form of the product update, using the symmetry of H: yᵀH = (Hy)ᵀ.
            double coef = rho * rho * yhy + rho;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + coef * s[i] * s[j];
                }
            }
        }
    }
}
