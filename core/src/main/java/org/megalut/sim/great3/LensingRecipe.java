package org.megalut.sim.great3;

import java.io.Serializable;
import org.megalut.great3.ShearType;

/**
 * The shear type of a generated branch: one shear per subfield ({@link ConstantLensing}) or a shear
 * field per field of 20 subfields ({@link VariableShearRecipe}).
 */
public interface LensingRecipe extends Serializable {

    /** Constant or variable shear: what the branch's truth files describe. */
    ShearType shearType();

    /**
     * The lensing of one subfield: a pure function of (seed, subfield) and the subfield's conditions.
     *
     * @param conditions the subfield's conditions (a constant shear is theirs)
     * @param grid       galaxies per side of the subfield grid
     */
    SubfieldLensing forSubfield(long seed, int subfield, SubfieldConditions conditions, int grid);
}
