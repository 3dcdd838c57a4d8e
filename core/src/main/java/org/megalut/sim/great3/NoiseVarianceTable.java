package org.megalut.sim.great3;

import java.io.Serializable;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * GREAT3's ground noise level as a function of seeing: a natural cubic spline of ln(variance) through
 * (FWHM, variance) nodes (GalSim LookupTable with f_log), FWHM clamped to the node range. GREAT3's
 * nodes are (0.50″, 0.0088), (0.65″, 0.0060), (0.80″, 0.0046), (0.95″, 0.0040).
 */
public final class NoiseVarianceTable implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] fwhm;
    private final double[] logVariance;
    private transient PolynomialSplineFunction logSpline;

    public NoiseVarianceTable(double[] fwhm, double[] variance) {
        if (fwhm.length != variance.length || fwhm.length < 3) {
            throw new IllegalArgumentException("need at least three (fwhm, variance) nodes");
        }
        double[] logv = new double[variance.length];
        for (int i = 0; i < variance.length; i++) {
            if (!(variance[i] > 0)) {
                throw new IllegalArgumentException("noise variances must be positive, got " + variance[i]);
            }
            logv[i] = Math.log(variance[i]);
        }
        this.fwhm = fwhm.clone();
        this.logVariance = logv;
    }

    /** GREAT3's ground table. */
    public static NoiseVarianceTable great3Ground() {
        return new NoiseVarianceTable(new double[] {0.50, 0.65, 0.80, 0.95}, new double[] {0.0088, 0.0060, 0.0046, 0.0040});
    }

    /** Variance per pixel [ADU²] for a seeing FWHM [arcsec] (clamped to the table's range). */
    public double variance(double seeing) {
        if (logSpline == null) {
            logSpline = new SplineInterpolator().interpolate(fwhm, logVariance);
        }
        return Math.exp(logSpline.value(Math.max(fwhm[0], Math.min(fwhm[fwhm.length - 1], seeing))));
    }
}
