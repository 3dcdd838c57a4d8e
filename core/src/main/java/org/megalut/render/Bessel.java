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

    /** Hankel's expansion for J_ν, ν = 0 or 1, with μ = 4ν²; terms until they stop decreasing. */
    private static double asymptotic(int nu, double x) {
        double mu = 4.0 * nu * nu;
        double p = 1;
        double q = 0;
        double term = 1;
        double last = Double.POSITIVE_INFINITY;
        for (int k = 1; k < 40; k++) {
            term *= (mu - (2.0 * k - 1) * (2.0 * k - 1)) / (k * 8.0 * x);
            double a = Math.abs(term);
            if (a > last || a < 1e-17) {
                break;
            }
            last = a;
            // P takes the even terms with alternating sign, Q the odd ones.
            switch (k % 4) {
                case 1 -> q += term;
                case 2 -> p -= term;
                case 3 -> q -= term;
                default -> p += term;
            }
        }
        double chi = x - (0.5 * nu + 0.25) * Math.PI;
        return Math.sqrt(2 / (Math.PI * x)) * (p * Math.cos(chi) - q * Math.sin(chi));
    }
}
