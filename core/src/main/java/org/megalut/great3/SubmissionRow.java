package org.megalut.great3;

/**
 * One line of a GREAT3 constant-shear submission: the estimated shear of a subfield.
 *
 * @param subfield subfield number
 * @param g1       estimated reduced shear component 1
 * @param g2       estimated reduced shear component 2
 */
public record SubmissionRow(int subfield, double g1, double g2) {
}
