package org.megalut.sim.great3;

import java.io.Serializable;

/**
 * Everything that defines a simulated GREAT3-format branch besides the seed.
 *
 * @param conditions    per-subfield shear, PSF and noise (the shear is used by constant-shear lensing only)
 * @param population    proposed galaxies
 * @param geometry      grid, stamp size, pixel scale
 * @param snrMin        smallest kept optimal S/N (17 in GREAT3)
 * @param snrMax        largest kept optimal S/N (100)
 * @param minResolution smallest kept HSM resolution against the subfield's PSF (1/3)
 * @param galaxyOffset  galaxies are offset by U(−a, a) px in x and y from the stamp centre (1)
 * @param starOffset    stars 1… are offset by U(−a, a) px; star 0 is exactly centred (1)
 * @param pairs         90°-rotated pairs (shape-noise cancellation)
 * @param lensing       constant shear per subfield ({@link ConstantLensing}) or a shear field per field
 *                      ({@link VariableShearRecipe})
 */
public record BranchRecipe(ConditionsRecipe conditions, GalaxyPopulation population, BranchGeometry geometry,
                           double snrMin, double snrMax, double minResolution, double galaxyOffset, double starOffset,
                           boolean pairs, LensingRecipe lensing) implements Serializable {

    /** A constant-shear branch. */
    public BranchRecipe(ConditionsRecipe conditions, GalaxyPopulation population, BranchGeometry geometry,
                        double snrMin, double snrMax, double minResolution, double galaxyOffset, double starOffset,
                        boolean pairs) {
        this(conditions, population, geometry, snrMin, snrMax, minResolution, galaxyOffset, starOffset, pairs,
                ConstantLensing.INSTANCE);
    }

    /** GREAT3 control-ground-constant with the GREAT3-like population. */
    public static BranchRecipe great3Ground() {
        return new BranchRecipe(ConditionsRecipe.great3Ground(), GalaxyPopulation.great3Like(), BranchGeometry.ground(),
                17, 100, 1.0 / 3, 1.0, 1.0, true);
    }

    /** The same recipe with another geometry (e.g. a reduced grid for a demo). */
    public BranchRecipe withGeometry(BranchGeometry g) {
        return new BranchRecipe(conditions, population, g, snrMin, snrMax, minResolution, galaxyOffset, starOffset, pairs,
                lensing);
    }

    /** The same recipe with another population (e.g. the knotted one). */
    public BranchRecipe withPopulation(GalaxyPopulation p) {
        return new BranchRecipe(conditions, p, geometry, snrMin, snrMax, minResolution, galaxyOffset, starOffset, pairs,
                lensing);
    }

    /** The same recipe with another lensing (e.g. a variable-shear branch). */
    public BranchRecipe withLensing(LensingRecipe l) {
        return new BranchRecipe(conditions, population, geometry, snrMin, snrMax, minResolution, galaxyOffset,
                starOffset, pairs, l);
    }
}
