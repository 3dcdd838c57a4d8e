package org.megalut.meas;

/**
 * Result of an adaptive-moments measurement: the elliptical Gaussian weight
 * W(x) = exp(−½ (x−x₀)ᵀ M⁻¹ (x−x₀)) that matches the image, as HSM's {@code FindAdaptiveMom} defines it.
 *
 * <p>For an elliptical Gaussian image of covariance C the converged M equals C (HSM: the weighted
 * second moment is M/2), so M is the covariance of the best-fit Gaussian and {@link #amplitude()} its
 * total flux.
 *
 * @param ok           whether the iteration converged; when false only {@link #errorMessage()} and
 *                     {@link #iterations()} are meaningful and the other fields are NaN
 * @param amplitude    2·Σ I·W: total flux of the matched Gaussian [image units]
 * @param centroidX    x₀ in the measured image's own pixel coordinates [px]
 * @param centroidY    y₀ [px]
 * @param mxx          M_xx [px²]
 * @param mxy          M_xy [px²]
 * @param myy          M_yy [px²]
 * @param rho4         Σ I W ρ⁴ / Σ I W with ρ² = (x−x₀)ᵀ M⁻¹ (x−x₀); 2 for a Gaussian
 * @param iterations   number of moment passes
 * @param errorMessage why the measurement failed, or the empty string
 */
public record AdaptiveMoments(boolean ok, double amplitude, double centroidX, double centroidY,
                              double mxx, double mxy, double myy, double rho4, int iterations,
                              String errorMessage) {

    static AdaptiveMoments failure(String message, int iterations) {
        return new AdaptiveMoments(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, iterations, message);
    }

    /** σ = det(M)^{1/4} [px]. */
    public double sigma() {
        return Math.pow(mxx * myy - mxy * mxy, 0.25);
    }

    /** Distortion e1 = (Mxx − Myy)/(Mxx + Myy). */
    public double e1() {
        return (mxx - myy) / (mxx + myy);
    }

    /** Distortion e2 = 2 Mxy/(Mxx + Myy). */
    public double e2() {
        return 2.0 * mxy / (mxx + myy);
    }

    /** Reduced-shear form g1 = e1 / (1 + sqrt(1 − |e|²)) of the weight ellipse. */
    public double g1() {
        return e1() * distortionToShearFactor();
    }

    /** Reduced-shear form g2 = e2 / (1 + sqrt(1 − |e|²)). */
    public double g2() {
        return e2() * distortionToShearFactor();
    }

    private double distortionToShearFactor() {
        double e1 = e1();
        double e2 = e2();
        return 1.0 / (1.0 + Math.sqrt(1.0 - (e1 * e1 + e2 * e2)));
    }
}
