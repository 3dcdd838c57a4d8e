package org.megalut.render;

/**
 * Accuracy parameters of the renderer, with GalSim's defaults (docs/rendering.md, "GSParams").
 *
 * <p>They are dimensionless fractions of the flux except where stated. All profiles of this package
 * use {@link #DEFAULT}; the record exists so that the thresholds are named in one place.
 *
 * @param foldingThreshold  fraction of the flux allowed to fold (alias) in real space; sets stepK
 * @param maxkThreshold     |F(k)|/flux below which k-space is ignored; sets maxK
 * @param kvalueAccuracy    absolute accuracy of tabulated k-space values (per unit flux)
 * @param xvalueAccuracy    absolute accuracy of tabulated real-space values (per unit flux)
 * @param stepkMinimumHlr   minimum real-space half-size, in units of a profile's size scale
 * @param minimumFftSize    smallest FFT grid (pixels)
 * @param maximumFftSize    largest FFT grid (pixels); larger requests are errors here
 * @param shootAccuracy     accuracy target that GalSim uses to truncate some real-space tables
 */
public record GSParams(double foldingThreshold, double maxkThreshold, double kvalueAccuracy,
                       double xvalueAccuracy, double stepkMinimumHlr, int minimumFftSize,
                       int maximumFftSize, double shootAccuracy) {

    /** GalSim 2.8 defaults: ft 5e-3, mt 1e-3, ka 1e-5, xa 1e-5, 5 hlr, FFT 128..8192, shoot 1e-5. */
    public static final GSParams DEFAULT = new GSParams(5e-3, 1e-3, 1e-5, 1e-5, 5, 128, 8192, 1e-5);
}
