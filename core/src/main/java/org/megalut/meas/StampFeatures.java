package org.megalut.meas;

/**
 * MegaLUT's features of one stamp. Positions are 0-based pixel-centre coordinates of the image the
 * stamp was cut from (GREAT3 convention: the first pixel's centre is (0, 0)). Moment features are NaN
 * when {@link MeasurementFlag#hasFeatures()} is false; sky statistics are always present.
 *
 * @param flag        measurement outcome
 * @param flux        amplitude of the best-fit elliptical Gaussian, 2·Σ I W [ADU]
 * @param x           adaptive centroid x [px]
 * @param y           adaptive centroid y [px]
 * @param g1          reduced-shear form of the adaptive ellipse
 * @param g2          reduced-shear form of the adaptive ellipse
 * @param sigma       det(M)^{1/4} [px]
 * @param rho4        weighted radial fourth moment (2 for a Gaussian)
 * @param iterations  adaptive-moment passes of the successful attempt (0 when none succeeded)
 * @param retried     whether the first attempt failed and the wider retry was used
 * @param sky         outer-ring statistics of the stamp
 * @param aperSb2     mean surface brightness within 2 px of the centroid [ADU/px²]
 * @param aperSb3     within 3 px
 * @param aperSb5     within 5 px
 * @param aperSb8     within 8 px
 * @param snr         F / sqrt(F + A σ²), A = π (3 · 1.1774 · sigma)², σ = sky MAD (MegaLUT's {@code snr})
 */
public record StampFeatures(MeasurementFlag flag, double flux, double x, double y, double g1, double g2,
                            double sigma, double rho4, int iterations, boolean retried, SkyStatistics sky,
                            double aperSb2, double aperSb3, double aperSb5, double aperSb8, double snr) {
}
