package org.megalut.meas;

/**
 * Settings of the adaptive-moments iteration, with GalSim's {@code HSMParams} defaults.
 *
 * @param guessSigma         initial weight width σ₀ [px]; the weight starts as a circular Gaussian
 *                           with M = σ₀² I
 * @param precision          convergence threshold on the largest (clamped) step of an iteration
 * @param weightThreshold    HSM's {@code convergence_threshold}: pixels whose weight is below a tenth of
 *                           it are skipped, i.e. ρ² &lt; −2 ln(weightThreshold / 10)
 * @param maxIterations      HSM's {@code max_mom2_iter}; more passes are a failure
 * @param boundCorrectWeight HSM's {@code bound_correct_wt}: every step is clamped to ± this value
 * @param maxMoment          HSM's {@code max_amoment} [px²]: a larger |M_ij| is a failure
 * @param maxShift           HSM's {@code max_ashift} [px]: a larger centroid move from the guess is a failure
 */
public record AdaptiveMomentsParams(double guessSigma, double precision, double weightThreshold,
                                    int maxIterations, double boundCorrectWeight, double maxMoment,
                                    double maxShift) {

    /** GalSim's {@code FindAdaptiveMom} defaults: σ₀ = 5 px, precision 1e-6, 400 iterations. */
    public static final AdaptiveMomentsParams HSM_DEFAULTS =
            new AdaptiveMomentsParams(5.0, 1e-6, 1e-6, 400, 0.25, 8000.0, 15.0);

    /** MegaLUT's retry after a failure ("wider" variant): σ₀ = 15 px and 1000 iterations. */
    public static final AdaptiveMomentsParams MEGALUT_RETRY = HSM_DEFAULTS.withGuessSigma(15.0).withMaxIterations(1000);

    public AdaptiveMomentsParams {
        if (!(guessSigma > 0) || !(precision > 0) || !(weightThreshold > 0) || maxIterations < 1
                || !(boundCorrectWeight > 0) || !(maxMoment > 0) || !(maxShift > 0)) {
            throw new IllegalArgumentException("adaptive-moments parameters must be positive: " + this);
        }
    }

    public AdaptiveMomentsParams withGuessSigma(double sigma) {
        return new AdaptiveMomentsParams(sigma, precision, weightThreshold, maxIterations, boundCorrectWeight,
                maxMoment, maxShift);
    }

    public AdaptiveMomentsParams withMaxIterations(int n) {
        return new AdaptiveMomentsParams(guessSigma, precision, weightThreshold, n, boundCorrectWeight,
                maxMoment, maxShift);
    }

    /** The ρ² beyond which pixels get no weight: −2 ln(weightThreshold / 10) (32.236 by default). */
    public double maxRho2() {
        return -2.0 * Math.log(weightThreshold / 10.0);
    }
}
