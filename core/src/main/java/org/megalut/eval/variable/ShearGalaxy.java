package org.megalut.eval.variable;

import java.io.Serializable;

/**
 * One galaxy of a per-galaxy shear catalogue, at a lattice point of its field.
 *
 * @param ix     x lattice index (see {@link FieldLattice})
 * @param iy     y lattice index
 * @param g1     shear estimate, first component
 * @param g2     shear estimate, second component
 * @param weight weight of the galaxy (1 for GREAT3's uniform weighting)
 */
public record ShearGalaxy(int ix, int iy, double g1, double g2, double weight) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The failure threshold: GREAT3 flags failures with shears ≥ 10. */
    public static final double FAILURE_THRESHOLD = 10.0;

    /**
     * The shear this project writes for a galaxy whose shear could not be estimated: above the threshold
     * in both components, as GREAT3's presubmission README asks (a positive shear ≥ 10).
     */
    public static final double FAILED_SHEAR = 20.0;

    /**
     * GREAT3's failure test: a galaxy enters the statistic iff g1 &lt; 10 and g2 &lt; 10. The test is
     * one-sided on purpose (as GREAT3's presubmission script masks its catalogue): a shear of −20 passes,
     * and NaN fails.
     */
    public boolean passes() {
        return g1 < FAILURE_THRESHOLD && g2 < FAILURE_THRESHOLD;
    }
}
