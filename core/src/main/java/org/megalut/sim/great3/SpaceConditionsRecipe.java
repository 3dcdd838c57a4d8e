package org.megalut.sim.great3;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.megalut.great3.BranchLayout;
import org.megalut.random.RandomStreams;

/**
 * GREAT3's constant-shear space recipe for the per-subfield conditions (its public simulation scripts,
 * constant-PSF builder and noise builder, single epoch):
 *
 * <ul>
 *   <li>Shear: {@link ShearRecipe}, as on the ground.</li>
 *   <li>No atmosphere.</li>
 *   <li>Optics: λ/D ~ U[0.12″, 0.17″] (Nyquist sampling at 0.05″), obscuration ~ U[0.1, 0.5], a number of
 *       struts chosen uniformly from {0, 2, 3, 4, 6} at an angle ~ U[0°, 360°) (none drawn without struts),
 *       Noll aberrations with equal weights and a total rms of 0.08 waves: σ_j = 0.08/√8.</li>
 *   <li>Jitter: a Gaussian of σ ~ U[σmin, σmax] (GREAT3: √2 × 0.005″ for both) with a distortion |e| ~
 *       U[0, 0.3] at β ~ U[0°, 180°).</li>
 *   <li>Charge diffusion: a Gaussian of σ ~ U[0.1, 0.2] pixels of 0.05″, distortion e1 ~ U[0, 0.2] along +x.</li>
 *   <li>Noise: variance ~ U[1.35e-3, 1.40e-3], × deep factor for deep subfields (no dependence on seeing).</li>
 * </ul>
 * The draws follow GREAT3's order within the subfield's PSF stream.
 *
 * @param shear            the shear recipe
 * @param lamOverDiamMin   smallest λ/D [arcsec]
 * @param lamOverDiamMax   largest λ/D [arcsec]
 * @param obscurationMin   smallest linear obscuration
 * @param obscurationMax   largest linear obscuration
 * @param aberrationSigmas σ of each Noll aberration [waves], in {@link SubfieldConditions#ABERRATION_NAMES} order
 * @param strutCounts      the numbers of struts to choose from (uniformly)
 * @param jitterSigmaMin   smallest jitter σ [arcsec]
 * @param jitterSigmaMax   largest jitter σ [arcsec]
 * @param jitterEMax       largest jitter distortion
 * @param chargeSigmaMin   smallest charge-diffusion σ [arcsec]
 * @param chargeSigmaMax   largest charge-diffusion σ [arcsec]
 * @param chargeE1Max      largest charge-diffusion distortion (along +x)
 * @param noiseVarianceMin smallest noise variance per pixel [ADU²]
 * @param noiseVarianceMax largest noise variance per pixel [ADU²]
 * @param deepVarianceFactor variance multiplier of the deep subfields
 */
public record SpaceConditionsRecipe(ShearRecipe shear, double lamOverDiamMin, double lamOverDiamMax,
                                    double obscurationMin, double obscurationMax, double[] aberrationSigmas,
                                    int[] strutCounts, double jitterSigmaMin, double jitterSigmaMax, double jitterEMax,
                                    double chargeSigmaMin, double chargeSigmaMax, double chargeE1Max,
                                    double noiseVarianceMin, double noiseVarianceMax, double deepVarianceFactor)
        implements ConditionsRecipe {

    public SpaceConditionsRecipe {
        if (strutCounts.length == 0) {
            throw new IllegalArgumentException("the space recipe needs at least one number of struts");
        }
        for (int n : strutCounts) {
            if (n < 0) {
                throw new IllegalArgumentException("numbers of struts must be >= 0, got " + n);
            }
        }
        if (!(noiseVarianceMin > 0 && noiseVarianceMax >= noiseVarianceMin)) {
            throw new IllegalArgumentException("need 0 < noise-variance-min <= noise-variance-max, got "
                    + noiseVarianceMin + ", " + noiseVarianceMax);
        }
        aberrationSigmas = aberrationSigmas.clone();
        strutCounts = strutCounts.clone();
    }

    /** GREAT3 control-space-constant. */
    public static SpaceConditionsRecipe great3() {
        double[] sig = new double[8];
        Arrays.fill(sig, 0.08 / Math.sqrt(8));
        double jitter = Math.sqrt(2) * 0.005;
        return new SpaceConditionsRecipe(ShearRecipe.great3(), 0.12, 0.17, 0.1, 0.5, sig, new int[] {0, 2, 3, 4, 6},
                jitter, jitter, 0.3, 0.1 * 0.05, 0.2 * 0.05, 0.2, 1.35e-3, 1.40e-3, 0.0625);
    }

    @Override
    public double[] aberrationSigmas() {
        return aberrationSigmas.clone();
    }

    @Override
    public int[] strutCounts() {
        return strutCounts.clone();
    }

    @Override
    public SubfieldConditions draw(long seed, int subfield) {
        double[] g = shear.draw(seed, subfield);

        UniformRandomProvider psfRng = RandomStreams.stream(seed, subfield, RandomStreams.label("psf"));
        double lod = lamOverDiamMin + (lamOverDiamMax - lamOverDiamMin) * psfRng.nextDouble();
        double obsc = obscurationMin + (obscurationMax - obscurationMin) * psfRng.nextDouble();
        int nstruts = strutCounts[(int) Math.floor(psfRng.nextDouble() * strutCounts.length)];
        double strutAngle = nstruts > 0 ? 2 * Math.PI * psfRng.nextDouble() : 0.0;
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(psfRng);
        double[] ab = new double[aberrationSigmas.length];
        for (int i = 0; i < ab.length; i++) {
            ab[i] = aberrationSigmas[i] * gauss.sample();
        }
        double jitterSigma = jitterSigmaMin + (jitterSigmaMax - jitterSigmaMin) * psfRng.nextDouble();
        double jitterE = jitterEMax * psfRng.nextDouble();
        double jitterBeta = Math.PI * psfRng.nextDouble();
        double chargeSigma = chargeSigmaMin + (chargeSigmaMax - chargeSigmaMin) * psfRng.nextDouble();
        double chargeE1 = chargeE1Max * psfRng.nextDouble();

        UniformRandomProvider noiseRng = RandomStreams.stream(seed, subfield, RandomStreams.label("noise-level"));
        double variance = noiseVarianceMin + (noiseVarianceMax - noiseVarianceMin) * noiseRng.nextDouble();
        if (BranchLayout.isDeep(subfield)) {
            variance *= deepVarianceFactor;
        }
        return SubfieldConditions.space(subfield, g[0], g[1], lod, obsc, nstruts, strutAngle, ab, jitterSigma, jitterE,
                jitterBeta, chargeSigma, chargeE1, variance);
    }
}
