package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** The drawn conditions follow GREAT3's distributions (Kolmogorov–Smirnov tests at the 0.1 % level). */
class GroundConditionsRecipeTest {
    private static final GroundConditionsRecipe RECIPE = GroundConditionsRecipe.great3();
    private static final int N = 4000;

    @Test
    void noiseTableMatchesGreat3() {
        NoiseVarianceTable t = NoiseVarianceTable.great3Ground();
        assertEquals(0.0088, t.variance(0.50), 1e-12);
        assertEquals(0.0040, t.variance(0.95), 1e-12);
        assertEquals(0.0088, t.variance(0.40), 1e-12);
        // Values of GalSim's spline quoted in the GREAT3 reference, to their 3 significant digits.
        assertEquals(0.00769, t.variance(0.55), 0.000005);
        assertEquals(0.00676, t.variance(0.60), 0.000005);
        assertEquals(0.00540, t.variance(0.70), 0.000005);
        assertEquals(0.00435, t.variance(0.85), 0.000005);
    }

    @Test
    void drawsAreDeterministicPerSubfield() {
        assertEquals(RECIPE.draw(7, 12), RECIPE.draw(7, 12));
        assertTrue(RECIPE.draw(7, 12).g1() != RECIPE.draw(7, 13).g1());
        assertTrue(RECIPE.draw(7, 12).g1() != RECIPE.draw(8, 12).g1());
    }

    @Test
    void shearAmplitudeHasDensityProportionalToG() {
        double[] g = new double[N];
        double[] angle = new double[N];
        for (int s = 0; s < N; s++) {
            SubfieldConditions c = RECIPE.draw(1000 + s, s % 200);
            g[s] = Math.hypot(c.g1(), c.g2());
            angle[s] = Math.atan2(c.g2(), c.g1()) + Math.PI;
        }
        RealDistribution cdfG = new Cdf(0.01, 0.05) {
            @Override
            public double cumulativeProbability(double x) {
                double t = Math.max(0.01, Math.min(0.05, x));
                return (t * t - 0.0001) / (0.0025 - 0.0001);
            }
        };
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(cdfG, g) > 1e-3);
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new UniformRealDistribution(0, 2 * Math.PI), angle) > 1e-3);
    }

    @Test
    void seeingFollowsTheGreat3Pdf() {
        double[] f = new double[N];
        double mean = 0;
        for (int s = 0; s < N; s++) {
            f[s] = RECIPE.draw(2000 + s, s % 200).fwhm();
            mean += f[s] / N;
        }
        PiecewiseLinearPdf pdf = RECIPE.seeing();
        RealDistribution cdf = new Cdf(0.45, 0.95) {
            @Override
            public double cumulativeProbability(double x) {
                return pdf.cumulative(x);
            }
        };
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(cdf, f) > 1e-3);
        // The reference quotes a mean of 0.669 arcsec.
        assertEquals(0.669, mean, 0.006);
    }

    @Test
    void noiseVarianceScattersAroundTheTable() {
        for (int s = 0; s < 200; s++) {
            SubfieldConditions c = RECIPE.draw(3, s);
            double ratio = c.noiseVariance() / NoiseVarianceTable.great3Ground().variance(c.fwhm());
            assertTrue(ratio >= 0.95 && ratio <= 1.05, "ratio " + ratio);
        }
        SubfieldConditions deep = RECIPE.draw(3, 201);
        double ratio = deep.noiseVariance() / NoiseVarianceTable.great3Ground().variance(deep.fwhm());
        assertTrue(ratio >= 0.95 * 0.0625 && ratio <= 1.05 * 0.0625, "deep ratio " + ratio);
    }

    @Test
    void psfParametersStayInTheirRanges() {
        double sumSqDefocus = 0;
        for (int s = 0; s < N; s++) {
            SubfieldConditions c = RECIPE.draw(4000 + s, s % 200);
            assertTrue(c.atmE() >= 0.01 && c.atmE() <= 0.03);
            assertTrue(c.lamOverDiam() >= 0.013 && c.lamOverDiam() <= 0.083);
            assertTrue(c.obscuration() >= 0.1 && c.obscuration() <= 0.5);
            sumSqDefocus += c.aberrations()[0] * c.aberrations()[0];
        }
        assertEquals(0.3646, Math.sqrt(sumSqDefocus / N), 0.015);
    }

    /** A distribution given by its CDF only, for the KS test. */
    private abstract static class Cdf extends AbstractRealDistribution {
        private final double lo;
        private final double hi;

        Cdf(double lo, double hi) {
            super(null);
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double density(double x) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double getNumericalMean() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double getNumericalVariance() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double getSupportLowerBound() {
            return lo;
        }

        @Override
        public double getSupportUpperBound() {
            return hi;
        }

        @Override
        public boolean isSupportLowerBoundInclusive() {
            return true;
        }

        @Override
        public boolean isSupportUpperBoundInclusive() {
            return true;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }
    }
}
