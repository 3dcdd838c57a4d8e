package org.megalut.meas;

import org.megalut.image.Image;

/**
 * Measures MegaLUT's features on one stamp: adaptive moments (with MegaLUT's wider retry on failure),
 * outer-ring sky statistics, aperture surface brightnesses and the S/N estimate, and sets the flag.
 *
 * <p>Stateless and thread-safe.
 */
public final class StampMeasurer {

    /** Aperture radii of MegaLUT's {@code aperphot} features [px]. */
    static final double[] APERTURE_RADII = {2, 3, 5, 8};

    /** MegaLUT's S/N aperture: radius 3 × 1.1774 σ (three half-width-at-half-maximum units). */
    private static final double SNR_APERTURE_SCALE = 3 * 1.1774;

    private final AdaptiveMomentsFitter first;
    private final AdaptiveMomentsFitter retry;
    private final double maxCentroidShift;

    /**
     * @param first            settings of the first attempt (HSM defaults with σ₀ = 5 px for GREAT3 ground)
     * @param retry            settings of the retry after a failure, or null for no retry
     * @param maxCentroidShift distance [px] from the reference position beyond which the flag is
     *                         {@link MeasurementFlag#CENTROID_SHIFT} (10 px in MegaLUT)
     */
    public StampMeasurer(AdaptiveMomentsParams first, AdaptiveMomentsParams retry, double maxCentroidShift) {
        this.first = new AdaptiveMomentsFitter(first);
        this.retry = retry == null ? null : new AdaptiveMomentsFitter(retry);
        this.maxCentroidShift = maxCentroidShift;
    }

    /** MegaLUT's GREAT3 settings: σ₀ = 5 px, retry with σ₀ = 15 px and 1000 iterations, 10 px shift limit. */
    public static StampMeasurer megalutDefaults() {
        return new StampMeasurer(AdaptiveMomentsParams.HSM_DEFAULTS, AdaptiveMomentsParams.MEGALUT_RETRY, 10.0);
    }

    /**
     * Measures a stamp whose expected object centre is (refX, refY) in the stamp's coordinates (for a
     * GREAT3 stamp, its true centre: catalog position + 0.5). The weight starts at the stamp's true centre.
     */
    public StampFeatures measure(Image stamp, double refX, double refY) {
        SkyStatistics sky = SkyStatistics.ofOuterRing(stamp);
        AdaptiveMoments m = first.measure(stamp);
        boolean retried = false;
        if (!m.ok() && retry != null) {
            m = retry.measure(stamp);
            retried = true;
        }
        if (!m.ok()) {
            return masked(MeasurementFlag.FAILED, sky, retried);
        }
        double shift = Math.hypot(m.centroidX() - refX, m.centroidY() - refY);
        MeasurementFlag flag = shift > maxCentroidShift ? MeasurementFlag.CENTROID_SHIFT : MeasurementFlag.OK;
        double[] sb = new double[APERTURE_RADII.length];
        for (int i = 0; i < sb.length; i++) {
            sb[i] = AperturePhotometry.surfaceBrightness(stamp, m.centroidX(), m.centroidY(), APERTURE_RADII[i]);
        }
        double flux = m.amplitude();
        double sigma = m.sigma();
        double area = Math.PI * Math.pow(SNR_APERTURE_SCALE * sigma, 2);
        double snr = flux / Math.sqrt(flux + area * sky.mad() * sky.mad());
        return new StampFeatures(flag, flux, m.centroidX(), m.centroidY(), m.g1(), m.g2(), sigma, m.rho4(),
                m.iterations(), retried, sky, sb[0], sb[1], sb[2], sb[3], snr);
    }

    /** Features of a stamp that could not be measured because it is not inside its image. */
    public static StampFeatures outsideImage() {
        SkyStatistics none = new SkyStatistics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return masked(MeasurementFlag.OUTSIDE_IMAGE, none, false);
    }

    private static StampFeatures masked(MeasurementFlag flag, SkyStatistics sky, boolean retried) {
        double n = Double.NaN;
        return new StampFeatures(flag, n, n, n, n, n, n, n, 0, retried, sky, n, n, n, n, n);
    }
}
