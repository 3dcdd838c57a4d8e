package org.megalut.render;

/**
 * The sine integral Si(x) = ∫₀^x sin(t)/t dt, to about 1e-15 relative.
 *
 * <p>|x| ≤ 2: the power series Σ (−1)^k x^{2k+1}/((2k+1)(2k+1)!). Beyond: Si = π/2 + Im[e^{−ix}·h]
 * where h = E1(ix)·e^{ix} is the continued fraction 1/(1+ix−) 1²/(3+ix−) 2²/(5+ix−) ... evaluated by
 * the modified Lentz method (A&amp;S 5.2.21–23 with E1(ix) = −Ci(x) + i(Si(x) − π/2)).
 */
final class SineIntegral {
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;

    private SineIntegral() {
    }

    static double si(double x) {
        double t = Math.abs(x);
        double v = t <= 2 ? series(t) : continuedFraction(t);
        return x < 0 ? -v : v;
    }

    private static double series(double t) {
        double t2 = t * t;
        double term = t;      // (−1)^k t^{2k+1}/(2k+1)!
        double sum = t;
        for (int k = 1; k < 30; k++) {
            term *= -t2 / ((2 * k) * (2 * k + 1.0));
            double add = term / (2 * k + 1);
            sum += add;
            if (Math.abs(add) < EPS * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }

    private static double continuedFraction(double t) {
        // complex arithmetic on (re, im) pairs: b = 1 + i t, c = 1/TINY, d = h = 1/b
        double bRe = 1;
        double bIm = t;
        double cRe = 1 / TINY;
        double cIm = 0;
        double den = bRe * bRe + bIm * bIm;
        double dRe = bRe / den;
        double dIm = -bIm / den;
        double hRe = dRe;
        double hIm = dIm;
        for (int i = 2; i < 100_000; i++) {
            double a = -(double) (i - 1) * (i - 1);
            bRe += 2;
            // d = 1/(a d + b)
            double xRe = a * dRe + bRe;
            double xIm = a * dIm + bIm;
            den = xRe * xRe + xIm * xIm;
            dRe = xRe / den;
            dIm = -xIm / den;
            // c = b + a/c
            den = cRe * cRe + cIm * cIm;
            cRe = bRe + a * cRe / den;
            cIm = bIm - a * cIm / den;
            double delRe = cRe * dRe - cIm * dIm;
            double delIm = cRe * dIm + cIm * dRe;
            double nRe = hRe * delRe - hIm * delIm;
            hIm = hRe * delIm + hIm * delRe;
            hRe = nRe;
            if (Math.abs(delRe - 1) + Math.abs(delIm) < EPS) {
                break;
            }
        }
        // h·(cos t − i sin t) = E1(it)
        double c = Math.cos(t);
        double s = Math.sin(t);
        double eIm = hIm * c - hRe * s;
        return 0.5 * Math.PI + eIm;
    }
}
