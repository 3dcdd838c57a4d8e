package org.megalut.sim.great3;

import org.megalut.great3.ShearType;
import org.megalut.great3.SubfieldOffset;

/**
 * GREAT3's constant-shear lensing: every galaxy of a subfield gets the subfield's shear
 * ({@link SubfieldConditions#g1()}, {@link SubfieldConditions#g2()}) and no magnification, the subfield is alone in its field
 * (offset zero) and the ID of grid column c, row r is 1 000 000·subfield + 1000·c + r, as in
 * {@link org.megalut.great3.GalaxyCatalog#grid}.
 */
public enum ConstantLensing implements LensingRecipe {
    /** The only instance. */
    INSTANCE;

    @Override
    public ShearType shearType() {
        return ShearType.CONSTANT;
    }

    @Override
    public SubfieldLensing forSubfield(long seed, int subfield, SubfieldConditions conditions, int grid) {
        double[] g = {conditions.g1(), conditions.g2()};
        return new SubfieldLensing() {
            @Override
            public double[] shear(int column, int row) {
                return g.clone();
            }

            @Override
            public double magnification(int column, int row) {
                return 1.0;
            }

            @Override
            public long id(int column, int row) {
                return 1_000_000L * subfield + 1000L * column + row;
            }

            @Override
            public SubfieldOffset offset() {
                return SubfieldOffset.ZERO;
            }
        };
    }
}
