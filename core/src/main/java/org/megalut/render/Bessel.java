package org.megalut.render;

import org.apache.commons.math3.special.BesselJ;

/**
 * Bessel functions needed by the Hankel transforms, fast enough for table building.
 *
 * <p>J0 uses its power series Σ (−1)^m (x/2)^{2m}/(m!)² for x ≤ 12 (cancellation costs at most
 * ~4 digits there), commons-math's RJBESL port in the middle, and Hankel's asymptotic expansion
 * J0 = √(2/(πx))(P cos χ − Q sin χ), χ = x − π/4, for x ≥ 35 where its smallest term is below 1e-30.
 */
final class Bessel {
    private Bessel() {
    }

    /** J0(x) to about 1e-12 absolute. */
    static double j0(double x) {
        x = Math.abs(x);
        if (x <= 12) {
            double q = -0.25 * x * x;
            double term = 1;
            double sum = 1;
            for (int m = 1; m < 60; m++) {
                term *= q / ((double) m * m);
                sum += term;
                if (Math.abs(term) < 1e-17 * Math.abs(sum) + 1e-300) {
                    break;
                }
            }
            return sum;
        }
        if (x < 35) {
            return BesselJ.value(0, x);
        }
        return asymptotic(0, x);
    }

    /** J1(x) to about 1e-12 absolute (used only when tabulating quadrature weights). */
    static double j1(double x) {
        double ax = Math.abs(x);
        double v = ax < 35 ? BesselJ.value(1, ax) : asymptotic(1, ax);
        return x < 0 ? -v : v;
    }

    private static final int TERMS = 16;
    private static final double[][] P = new double[2][];
    private static final double[][] Q = new double[2][];

    static {
        // a_k = Π_{m ≤ k}(μ − (2m−1)²)/(k!·8^k), μ = 4ν²; P takes the even k with sign (−1)^{k/2}, Q the
        // odd k with sign (−1)^{(k−1)/2}, as coefficients of x^{−k}. At x ≥ 35 the 17th term is below 1e-18.
        for (int nu = 0; nu <= 1; nu++) {
            double mu = 4.0 * nu * nu;
            double[] p = new double[TERMS / 2 + 1];
            double[] q = new double[TERMS / 2];
            double a = 1;
            p[0] = 1;
            for (int k = 1; k <= TERMS; k++) {
                a *= (mu - (2.0 * k - 1) * (2.0 * k - 1)) / (k * 8.0);
                if (k % 2 == 0) {
                    p[k / 2] = (k / 2 % 2 == 0 ? 1 : -1) * a;
                } else {
                    q[k / 2] = ((k - 1) / 2 % 2 == 0 ? 1 : -1) * a;
                }
            }
            P[nu] = p;
            Q[nu] = q;
        }
    }

    /** Hankel's expansion J_ν = √(2/(πx))(P cos χ − Q sin χ), χ = x − (ν/2 + 1/4)π, ν = 0 or 1, x ≥ 35. */
    private static double asymptotic(int nu, double x) {
        double inv2 = 1 / (x * x);
        double[] pc = P[nu];
        double[] qc = Q[nu];
        double p = pc[pc.length - 1];
        for (int i = pc.length - 2; i >= 0; i--) {
            p = p * inv2 + pc[i];
        }
        double q = qc[qc.length - 1];
        for (int i = qc.length - 2; i >= 0; i--) {
            q = q * inv2 + qc[i];
        }
        q /= x;
        double chi = x - (0.5 * nu + 0.25) * Math.PI;
        return Math.sqrt(2 / (Math.PI * x)) * (p * Math.cos(chi) - q * Math.sin(chi));
    }
}
