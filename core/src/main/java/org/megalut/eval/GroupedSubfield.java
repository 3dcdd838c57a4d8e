package org.megalut.eval;

import java.io.Serializable;

/**
 * A subfield's grouped estimate (a row of a prediction run's group table): the unweighted and weighted
 * mean shear of its galaxies, counts, the truth and the PSF shape; truth and PSF fields are NaN when unknown.
 *
 * @param galaxies  galaxies with a valid prediction of both components and both weights
 * @param total     galaxies in the subfield's prediction table
 * @param psfG1     GREAT3's PSF truth (HSM g of the centred star 0), for the PSF frame of Q_c
 * @param starG1    mean measured adaptive-moment g1 of the subfield's stars
 * @param starSigma mean measured adaptive-moment sigma of the stars [px]
 */
public record GroupedSubfield(int subfield, long galaxies, long total, double s1, double s2, double s1w, double s2w,
                  double trueG1, double trueG2, double psfG1, double psfG2, double starG1, double starG2,
                  double starSigma) implements Serializable {

    /**
     * g1 of the PSF shape that sets the subfield's PSF frame: GREAT3's truth when known, else the mean
     * measured star shape (simulations, branches without truth), else 0 (round).
     */
    public double frameG1() {
        return Double.isFinite(psfG1) ? psfG1 : Double.isFinite(starG1) ? starG1 : 0;
    }

    /** g2 of the PSF shape that sets the PSF frame, as {@link #frameG1()}. */
    public double frameG2() {
        return Double.isFinite(psfG2) ? psfG2 : Double.isFinite(starG2) ? starG2 : 0;
    }

    /** Fraction of the subfield's galaxies without a valid prediction. */
    public double failureFraction() {
        return total == 0 ? Double.NaN : 1.0 - galaxies / (double) total;
    }
}
