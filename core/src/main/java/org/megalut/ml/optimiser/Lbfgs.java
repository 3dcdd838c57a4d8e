package org.megalut.ml.optimiser;

/**
 * Limited-memory BFGS: H is represented by the last m pairs (s, y) and applied with the two-loop recursion
 * (Nocedal &amp; Wright Algorithm 7.4), with initial matrix H0 = γI, γ = sᵀy/yᵀy of the newest pair (eq. 7.20).
 * O(m·n) per iteration.
 */
public final class Lbfgs extends QuasiNewton {
    private final int memory;

    /** Memory 10, default {@link WolfeLineSearch}. */
    public Lbfgs(int maxIterations, double gtol) {
        this(maxIterations, gtol, 10, new WolfeLineSearch());
    }

    public Lbfgs(int maxIterations, double gtol, int memory, WolfeLineSearch lineSearch) {
        super(maxIterations, gtol, lineSearch);
        if (memory <= 0) {
            throw new IllegalArgumentException("L-BFGS memory must be positive, got " + memory);
        }
        this.memory = memory;
    }

    @Override
    InverseHessian newInverseHessian(int n) {
        return new History(n, memory);
    }

    /** A ring buffer of the last m pairs. */
    private static final class History implements InverseHessian {
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] alpha;
        private int size;
        private int newest = -1;

        History(int n, int m) {
            s = new double[m][n];
            y = new double[m][n];
            rho = new double[m];
            alpha = new double[m];
        }

        @Override
        public void reset() {
            size = 0;
            newest = -1;
        }

        @Override
        public void direction(double[] g, double[] p) {
            int m = s.length;
            double[] q = p;
            for (int i = 0; i < q.length; i++) {
                q[i] = g[i];
            }
            for (int k = 0; k < size; k++) {
                int i = Math.floorMod(newest - k, m);
                alpha[i] = rho[i] * WolfeLineSearch.dot(s[i], q);
                axpy(-alpha[i], y[i], q);
            }
            double gamma = size == 0 ? 1.0
                    : WolfeLineSearch.dot(s[newest], y[newest]) / WolfeLineSearch.dot(y[newest], y[newest]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
            for (int k = size - 1; k >= 0; k--) {
                int i = Math.floorMod(newest - k, m);
                double beta = rho[i] * WolfeLineSearch.dot(y[i], q);
                axpy(alpha[i] - beta, s[i], q);
            }
            for (int i = 0; i < q.length; i++) {
                q[i] = -q[i];
            }
        }

        @Override
        public void update(double[] sk, double[] yk) {
            int m = s.length;
            newest = (newest + 1) % m;
            System.arraycopy(sk, 0, s[newest], 0, sk.length);
            System.arraycopy(yk, 0, y[newest], 0, yk.length);
            rho[newest] = 1.0 / WolfeLineSearch.dot(yk, sk);
            size = Math.min(size + 1, m);
        }

        private static void axpy(double a, double[] x, double[] y) {
            for (int i = 0; i < x.length; i++) {
                y[i] += a * x[i];
            }
        }
    }
}
