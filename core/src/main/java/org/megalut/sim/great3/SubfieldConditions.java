package org.megalut.sim.great3;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What is constant over one simulated GREAT3 subfield: its shear, its PSF parameters and its noise.
 *
 * @param subfield      subfield number (0–199 regular, 200–204 deep)
 * @param g1            applied reduced shear, component 1
 * @param g2            applied reduced shear, component 2
 * @param fwhm          atmospheric (Kolmogorov) FWHM [arcsec]
 * @param atmE          atmospheric distortion |e| = (a²−b²)/(a²+b²)
 * @param atmBeta       its position angle [rad]
 * @param lamOverDiam   optical λ/D [arcsec]
 * @param obscuration   linear central obscuration (fraction of the pupil diameter)
 * @param aberrations   Noll aberrations in waves: defocus, astig1, astig2, coma1, coma2, trefoil1,
 *                      trefoil2, spherical (Z4–Z11)
 * @param noiseVariance Gaussian noise variance per pixel [ADU²]
 */
public record SubfieldConditions(int subfield, double g1, double g2, double fwhm, double atmE, double atmBeta,
                                 double lamOverDiam, double obscuration, double[] aberrations, double noiseVariance)
        implements Serializable {

    /** Names of the aberrations, in the order of {@link #aberrations()} (GalSim's OpticalPSF keywords). */
    public static final String[] ABERRATION_NAMES = {
        "defocus", "astig1", "astig2", "coma1", "coma2", "trefoil1", "trefoil2", "spher"};

    public SubfieldConditions {
        if (aberrations.length != ABERRATION_NAMES.length) {
            throw new IllegalArgumentException("expected " + ABERRATION_NAMES.length + " aberrations, got "
                    + aberrations.length);
        }
        aberrations = aberrations.clone();
    }

    @Override
    public double[] aberrations() {
        return aberrations.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubfieldConditions c && subfield == c.subfield && g1 == c.g1 && g2 == c.g2
                && fwhm == c.fwhm && atmE == c.atmE && atmBeta == c.atmBeta && lamOverDiam == c.lamOverDiam
                && obscuration == c.obscuration && Arrays.equals(aberrations, c.aberrations)
                && noiseVariance == c.noiseVariance;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {subfield, g1, g2, fwhm, noiseVariance}) * 31 + Arrays.hashCode(aberrations);
    }
}
