package org.megalut.sim.great3;

import java.io.Serializable;

/**
 * A recipe for the per-subfield conditions of a GREAT3 constant-shear branch (shear, PSF, noise), drawn
 * deterministically from (seed, subfield): GREAT3's ground recipe ({@link GroundConditionsRecipe}) or its
 * space recipe ({@link SpaceConditionsRecipe}).
 */
public interface ConditionsRecipe extends Serializable {

    /** The conditions of a subfield: a pure function of (seed, subfield). */
    SubfieldConditions draw(long seed, int subfield);

    /** GREAT3 control-ground-constant. */
    static ConditionsRecipe great3Ground() {
        return GroundConditionsRecipe.great3();
    }

    /** GREAT3 control-space-constant. */
    static ConditionsRecipe great3Space() {
        return SpaceConditionsRecipe.great3();
    }
}
