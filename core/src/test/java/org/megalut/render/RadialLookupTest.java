package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RadialLookupTest {

    /** F(k²) through the lookup bound to p. */
    private static double lookedUp(RadialLookup lookup, double k2) {
        return lookup.amplitude() * lookup.value(lookup.argScale() * k2);
    }

    @Test
    void interpolatesTransformsToAFewE9OfTheFlux() {
        Profile[] ps = {Sersic.ofHalfLightRadius(0.5, 0.3, 1), Sersic.ofHalfLightRadius(4, 0.3, 1),
            Sersic.interpolated(1.234, 0.3, 1), Kolmogorov.ofFwhm(0.7, 1), Moffat.ofFwhm(3, 0.7, 1),
            new Gaussian(0.4, 1)};
        RadialLookup lookup = new RadialLookup();
        for (Profile p : ps) {
            lookup.prepare(p, 1e-2, 1e4);
            double worst = 0;
            for (double k2 = 1e-2; k2 < 1e4; k2 *= 1.00037) {
                worst = Math.max(worst, Math.abs(lookedUp(lookup, k2) - p.radialKValue(k2)));
            }
            System.out.printf("RadialLookup %s: max |dF|/flux = %.3g%n", p, worst);
            assertTrue(worst < 5e-9, p + ": " + worst);
            // at k = 0 and far outside any table it falls back to the profile itself
            assertEquals(p.radialKValue(0), lookedUp(lookup, 0), 1e-15);
            assertEquals(p.radialKValue(1e12), lookedUp(lookup, 1e12), 1e-15);
        }
    }

    @Test
    void aStampsValuesDoNotDependOnEarlierStamps() {
        Profile[] ps = {Sersic.interpolated(2.345, 0.4, 1), Sersic.ofHalfLightRadius(1.5, 0.4, 1), new Gaussian(0.4, 1)};
        for (Profile p : ps) {
            RadialLookup fresh = new RadialLookup();
            fresh.prepare(p, 1, 100);
            RadialLookup used = new RadialLookup();
            used.prepare(p, 1e-3, 1e5);     // a wider range first
            used.prepare(p, 1, 100);
            for (double k2 = 1e-4; k2 < 1e6; k2 *= 1.07) {
                assertEquals(lookedUp(fresh, k2), lookedUp(used, k2), 0.0, p + " at k² = " + k2);
            }
        }
    }

    @Test
    void rowsEqualPointwiseLookupsInsideAndAcrossTheTableEnds() {
        // A sheared term on a 64-point half row: rows far from the origin lie inside the table (the
        // unchecked reads), rows through the origin's neighbourhood cross its low end (checked).
        Profile[] ps = {Sersic.interpolated(1.37, 0.4, 1), Sersic.ofHalfLightRadius(4, 0.3, 1), new Gaussian(0.4, 1)};
        double qxx = 1.3;
        double qxy = -0.45;
        double qyy = 0.7;
        double c = 0.01;
        int count = 64;
        for (Profile p : ps) {
            RadialLookup lookup = new RadialLookup();
            lookup.prepare(p, 16 * c * 0.5, 1.01 * c * 2.0 * 2 * count * count);
            double[] row = new double[count];
            double[] sum = new double[count];
            for (int j = -count; j <= count; j++) {
                double a = qyy * j * j;
                double b = 2 * qxy * j;
                double cs = c * lookup.argScale();
                lookup.fillRow(row, count, a, b, qxx, cs, 2.0);
                Arrays.fill(sum, 1.0);
                lookup.addRow(sum, count, a, b, qxx, cs, 2.0);
                for (int i = 0; i < count; i++) {
                    double expected = 2.0 * lookup.value(cs * (a + i * (b + qxx * i)));
                    assertEquals(expected, row[i], 0.0, p + " at (" + i + ", " + j + ")");
                    assertEquals(1.0 + expected, sum[i], 0.0, p + " at (" + i + ", " + j + ")");
                }
            }
        }
    }
}
