package org.megalut.sim.great3;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.megalut.great3.BranchLayout;
import org.megalut.random.RandomStreams;

/**
 * GREAT3's constant-shear ground recipe for the per-subfield conditions:
 *
 * <ul>
 *   <li>Shear: {@link ShearRecipe}.</li>
 *   <li>Atmosphere: FWHM from the piecewise-linear seeing pdf; distortion |e| ~ U[eMin, eMax] at an
 *       angle β ~ U[0, π).</li>
 *   <li>Optics: λ/D ~ U, obscuration ~ U, Noll aberrations a_j ~ N(0, σ_j²) in waves, no struts.</li>
 *   <li>Noise: variance = U[1 − scatter, 1 + scatter] × table(FWHM), × deep factor for deep subfields.</li>
 * </ul>
 *
 * @param shear            the shear recipe
 * @param seeing           seeing FWHM pdf [arcsec]
 * @param atmEMin          smallest atmospheric distortion
 * @param atmEMax          largest atmospheric distortion
 * @param lamOverDiamMin   smallest λ/D [arcsec]
 * @param lamOverDiamMax   largest λ/D [arcsec]
 * @param obscurationMin   smallest linear obscuration
 * @param obscurationMax   largest linear obscuration
 * @param aberrationSigmas σ of each Noll aberration [waves], in {@link SubfieldConditions#ABERRATION_NAMES} order
 * @param noise            variance as a function of seeing
 * @param noiseScatter     relative half-width of the uniform scatter of the variance
 * @param deepVarianceFactor variance multiplier of the deep subfields
 */
public record GroundConditionsRecipe(ShearRecipe shear, PiecewiseLinearPdf seeing, double atmEMin, double atmEMax,
                                     double lamOverDiamMin, double lamOverDiamMax, double obscurationMin,
                                     double obscurationMax, double[] aberrationSigmas, NoiseVarianceTable noise,
                                     double noiseScatter, double deepVarianceFactor) implements ConditionsRecipe {

    /** GREAT3 control-ground-constant. */
    public static GroundConditionsRecipe great3() {
        // a_j = 0.41 w_j N(0,1) / sqrt(Σ w²) with w = (0.36, 0.07 × 7): σ = 0.3646 for defocus, 0.0709 otherwise.
        double norm = Math.sqrt(0.36 * 0.36 + 7 * 0.07 * 0.07);
        double[] sig = new double[8];
        sig[0] = 0.41 * 0.36 / norm;
        for (int i = 1; i < 8; i++) {
            sig[i] = 0.41 * 0.07 / norm;
        }
        PiecewiseLinearPdf seeing = new PiecewiseLinearPdf(new double[] {0.45, 0.55, 0.65, 0.75, 0.85, 0.95},
                new double[] {0, 20, 17, 13, 9, 0});
        return new GroundConditionsRecipe(ShearRecipe.great3(), seeing, 0.01, 0.03, 0.013, 0.083, 0.1, 0.5, sig,
                NoiseVarianceTable.great3Ground(), 0.05, 0.0625);
    }

    @Override
    public SubfieldConditions draw(long seed, int subfield) {
        double[] g = shear.draw(seed, subfield);

        UniformRandomProvider psfRng = RandomStreams.stream(seed, subfield, RandomStreams.label("psf"));
        double fwhm = seeing.sample(psfRng);
        double atmE = atmEMin + (atmEMax - atmEMin) * psfRng.nextDouble();
        double atmBeta = Math.PI * psfRng.nextDouble();
        double lod = lamOverDiamMin + (lamOverDiamMax - lamOverDiamMin) * psfRng.nextDouble();
        double obsc = obscurationMin + (obscurationMax - obscurationMin) * psfRng.nextDouble();
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(psfRng);
        double[] ab = new double[aberrationSigmas.length];
        for (int i = 0; i < ab.length; i++) {
            ab[i] = aberrationSigmas[i] * gauss.sample();
        }

        UniformRandomProvider noiseRng = RandomStreams.stream(seed, subfield, RandomStreams.label("noise-level"));
        double variance = noise.variance(fwhm) * (1 - noiseScatter + 2 * noiseScatter * noiseRng.nextDouble());
        if (BranchLayout.isDeep(subfield)) {
            variance *= deepVarianceFactor;
        }
        return SubfieldConditions.ground(subfield, g[0], g[1], fwhm, atmE, atmBeta, lod, obsc, ab, variance);
    }
}
