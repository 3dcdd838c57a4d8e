package org.megalut.sim.great3;

/**
 * GREAT3's galaxy selection, snrMin ≤ S/N ≤ snrMax and resolution ≥ minResolution, measured on the
 * noiseless centred stamp ({@link #keeps}), and the screen that decides most candidates from their
 * continuum estimates ({@link CandidateEstimator}) without drawing them.
 *
 * <p>The screen is conservative: it keeps or rejects only when the estimate is farther from every
 * threshold than its margin ({@value #SNR_MARGIN} of the S/N threshold, {@value #RESOLUTION_MARGIN} in
 * resolution) and sends everything else to the stamp measurement, so the selected galaxies are those of
 * the stamp rule as long as the estimates err by less than the margins. Measured on GREAT3-like
 * subfields they err by at most ~0.3 % in S/N and ~0.005 in resolution ({@code SelectionEstimateTest}
 * checks half the margins); a margin costs a stamp draw for the ~3 % of candidates within it.
 *
 * @param snrMin        smallest kept S/N
 * @param snrMax        largest kept S/N
 * @param minResolution smallest kept resolution
 */
record SelectionRule(double snrMin, double snrMax, double minResolution) {
    /** Relative margin on the S/N thresholds. */
    static final double SNR_MARGIN = 0.01;
    /** Absolute margin on the resolution threshold. */
    static final double RESOLUTION_MARGIN = 0.01;

    /** What the screen concludes from an estimate. */
    enum Verdict { KEEP, REJECT, MEASURE }

    static SelectionRule of(BranchRecipe r) {
        return new SelectionRule(r.snrMin(), r.snrMax(), r.minResolution());
    }

    /** The rule on measured values (NaN resolution, a failed measurement, rejects). */
    boolean keeps(double snr, double resolution) {
        return snr >= snrMin && snr <= snrMax && resolution >= minResolution;
    }

    /** Below this estimated S/N a candidate is surely rejected. */
    double snrRejectBelow() {
        return snrMin * (1 - SNR_MARGIN);
    }

    /** Above this estimated S/N a candidate is surely rejected. */
    double snrRejectAbove() {
        return snrMax * (1 + SNR_MARGIN);
    }

    /** The verdict for continuum estimates (NaN resolution: not estimated, measure unless S/N rejects). */
    Verdict screen(double snr, double resolution) {
        if (snr < snrRejectBelow() || snr > snrRejectAbove() || resolution < minResolution - RESOLUTION_MARGIN) {
            return Verdict.REJECT;
        }
        if (snr >= snrMin * (1 + SNR_MARGIN) && snr <= snrMax * (1 - SNR_MARGIN)
                && resolution >= minResolution + RESOLUTION_MARGIN) {
            return Verdict.KEEP;
        }
        return Verdict.MEASURE;
    }
}
