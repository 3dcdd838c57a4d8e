package org.megalut.sim.great3;

import java.io.Serializable;
import java.util.Locale;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;

/**
 * GREAT3's galaxy selection, snrMin ≤ S/N ≤ snrMax and resolution ≥ minResolution, measured on the
 * noiseless centred stamp ({@link #keeps}), and the screen that decides most candidates from their
 * continuum estimates ({@link CandidateEstimator}) without drawing them. S/N is the matched-filter
 * sqrt(Σ I²)/σ for the pixel noise σ, resolution 1 − T_PSF/T_gal with T = Mxx + Myy of the adaptive
 * moments (HSM's definition). The branch generator selects its galaxies with it, and a simulated dataset
 * may select its galaxies with the same rule against its subfield's PSF and noise
 * ({@code DatasetSpec#selection}).
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
public record SelectionRule(double snrMin, double snrMax, double minResolution) implements Serializable {
    /** Relative margin on the S/N thresholds. */
    static final double SNR_MARGIN = 0.01;
    /** Absolute margin on the resolution threshold. */
    static final double RESOLUTION_MARGIN = 0.01;

    /** What the screen concludes from an estimate. */
    enum Verdict { KEEP, REJECT, MEASURE }

    /**
     * @throws IllegalArgumentException unless 0 ≤ snrMin &lt; snrMax (snrMax may be infinite) and minResolution &lt; 1
     */
    public SelectionRule {
        if (!(snrMin >= 0) || !Double.isFinite(snrMin) || !(snrMax > snrMin) || !(minResolution < 1)
                || Double.isNaN(minResolution)) {
            throw new IllegalArgumentException("a galaxy selection needs 0 <= snr-min < snr-max and min-resolution < 1,"
                    + " found snr-min " + snrMin + ", snr-max " + snrMax + ", min-resolution " + minResolution);
        }
    }

    static SelectionRule of(BranchRecipe r) {
        return new SelectionRule(r.snrMin(), r.snrMax(), r.minResolution());
    }

    /** The rule on measured values (NaN resolution, a failed measurement, rejects). */
    public boolean keeps(double snr, double resolution) {
        return snr >= snrMin && snr <= snrMax && resolution >= minResolution;
    }

    /**
     * The S/N and resolution the rule judges, of a noiseless centred stamp: S/N = sqrt(Σ I²)/σ, and the resolution
     * 1 − T_PSF/T (HSM's T = Mxx + Myy of the stamp's adaptive moments) only when the S/N passes, NaN otherwise or
     * when the fit fails (the fit is the costly part).
     *
     * @param sigma    the pixel noise σ the S/N is against
     * @param psfTrace the PSF's T, of its own adaptive moments
     */
    public Measure measure(Image stamp, double sigma, double psfTrace, AdaptiveMomentsFitter fitter) {
        double snr = Math.sqrt(stamp.sumOfSquares()) / sigma;
        if (!keeps(snr, 1)) {
            return new Measure(snr, Double.NaN);
        }
        AdaptiveMoments m = fitter.measure(stamp);
        return new Measure(snr, m.ok() ? 1 - psfTrace / (m.mxx() + m.myy()) : Double.NaN);
    }

    /** A stamp's S/N and resolution as the rule judges them ({@link #measure}). */
    public record Measure(double snr, double resolution) { }

    /** The rule as a dataset's configuration writes it: {@code { snr-min = …, snr-max = …, min-resolution = … }}. */
    public String toConfig() {
        return String.format(Locale.ROOT, "{ snr-min = %.6g, snr-max = %.6g, min-resolution = %.6g }", snrMin, snrMax,
                minResolution);
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
