package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RadialLookupTest {

    @Test
    void interpolatesTransformsToAFewE9OfTheFlux() {
        Profile[] ps = {Sersic.ofHalfLightRadius(0.5, 0.3, 1), Sersic.ofHalfLightRadius(4, 0.3, 1),
            Kolmogorov.ofFwhm(0.7, 1), Moffat.ofFwhm(3, 0.7, 1), new Gaussian(0.4, 1)};
        RadialLookup lookup = new RadialLookup();
        for (Profile p : ps) {
            lookup.prepare(p, 1e-2, 1e4);
            double worst = 0;
            for (double k2 = 1e-2; k2 < 1e4; k2 *= 1.00037) {
                worst = Math.max(worst, Math.abs(lookup.value(k2) - p.radialKValue(k2)));
            }
            System.out.printf("RadialLookup %s: max |dF|/flux = %.3g%n", p, worst);
            assertTrue(worst < 5e-9, p + ": " + worst);
            // outside the range and at k = 0 it falls back to the profile itself
            assertTrue(lookup.value(0) == p.radialKValue(0) && lookup.value(1e6) == p.radialKValue(1e6));
        }
    }
}
