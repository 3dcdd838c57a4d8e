package org.megalut.sim.great3;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What is constant over one simulated GREAT3 subfield: its shear, its PSF parameters and its noise. The
 * PSF is GREAT3's constant PSF: an atmosphere (ground), jitter and charge diffusion (space) and optics,
 * each term present when its size is positive ({@link SubfieldSimulator#psf}).
 *
 * @param subfield      subfield number (0–199 regular, 200–204 deep)
 * @param g1            applied reduced shear, component 1
 * @param g2            applied reduced shear, component 2
 * @param fwhm          atmospheric (Kolmogorov) FWHM [arcsec]; 0 without atmosphere (space)
 * @param atmE          atmospheric distortion |e| = (a²−b²)/(a²+b²)
 * @param atmBeta       its position angle [rad]
 * @param lamOverDiam   optical λ/D [arcsec]
 * @param obscuration   linear central obscuration (fraction of the pupil diameter)
 * @param nstruts       number of struts holding the secondary (0 on the ground)
 * @param strutAngle    angle of the first strut [rad]
 * @param aberrations   Noll aberrations in waves: defocus, astig1, astig2, coma1, coma2, trefoil1,
 *                      trefoil2, spherical (Z4–Z11)
 * @param jitterSigma   σ of the Gaussian pointing jitter [arcsec]; 0 on the ground
 * @param jitterE       its distortion |e|
 * @param jitterBeta    its position angle [rad]
 * @param chargeSigma   σ of the Gaussian charge diffusion [arcsec]; 0 on the ground
 * @param chargeE1      its distortion along +x
 * @param noiseVariance Gaussian noise variance per pixel [ADU²]
 */
public record SubfieldConditions(int subfield, double g1, double g2, double fwhm, double atmE, double atmBeta,
                                 double lamOverDiam, double obscuration, int nstruts, double strutAngle,
                                 double[] aberrations, double jitterSigma, double jitterE, double jitterBeta,
                                 double chargeSigma, double chargeE1, double noiseVariance)
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

    /** Ground conditions: atmosphere and optics without struts. */
    public static SubfieldConditions ground(int subfield, double g1, double g2, double fwhm, double atmE, double atmBeta,
                                            double lamOverDiam, double obscuration, double[] aberrations,
                                            double noiseVariance) {
        return new SubfieldConditions(subfield, g1, g2, fwhm, atmE, atmBeta, lamOverDiam, obscuration, 0, 0.0,
                aberrations, 0.0, 0.0, 0.0, 0.0, 0.0, noiseVariance);
    }

    /** Space conditions: optics with struts, jitter and charge diffusion, no atmosphere. */
    public static SubfieldConditions space(int subfield, double g1, double g2, double lamOverDiam, double obscuration,
                                           int nstruts, double strutAngle, double[] aberrations, double jitterSigma,
                                           double jitterE, double jitterBeta, double chargeSigma, double chargeE1,
                                           double noiseVariance) {
        return new SubfieldConditions(subfield, g1, g2, 0.0, 0.0, 0.0, lamOverDiam, obscuration, nstruts, strutAngle,
                aberrations, jitterSigma, jitterE, jitterBeta, chargeSigma, chargeE1, noiseVariance);
    }

    /** The same conditions with another shear (a galaxy's local shear in a variable-shear branch). */
    public SubfieldConditions withShear(double shear1, double shear2) {
        return new SubfieldConditions(subfield, shear1, shear2, fwhm, atmE, atmBeta, lamOverDiam, obscuration, nstruts,
                strutAngle, aberrations, jitterSigma, jitterE, jitterBeta, chargeSigma, chargeE1, noiseVariance);
    }

    @Override
    public double[] aberrations() {
        return aberrations.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubfieldConditions c && subfield == c.subfield && g1 == c.g1 && g2 == c.g2
                && fwhm == c.fwhm && atmE == c.atmE && atmBeta == c.atmBeta && lamOverDiam == c.lamOverDiam
                && obscuration == c.obscuration && nstruts == c.nstruts && strutAngle == c.strutAngle
                && Arrays.equals(aberrations, c.aberrations) && jitterSigma == c.jitterSigma && jitterE == c.jitterE
                && jitterBeta == c.jitterBeta && chargeSigma == c.chargeSigma && chargeE1 == c.chargeE1
                && noiseVariance == c.noiseVariance;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {subfield, g1, g2, fwhm, lamOverDiam, jitterSigma, noiseVariance}) * 31
                + Arrays.hashCode(aberrations);
    }
}
