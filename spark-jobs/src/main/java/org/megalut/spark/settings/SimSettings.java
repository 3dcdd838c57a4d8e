package org.megalut.spark.settings;

import com.typesafe.config.Config;
import java.io.Serializable;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.great3.ObservationType;
import org.megalut.great3.ShearType;
import org.megalut.sim.great3.BranchGeometry;
import org.megalut.sim.great3.BranchRecipe;
import org.megalut.sim.great3.ConditionsRecipe;
import org.megalut.sim.great3.GalaxyPopulation;
import org.megalut.sim.great3.GroundConditionsRecipe;
import org.megalut.sim.great3.KnotRecipe;
import org.megalut.sim.great3.NoiseVarianceTable;
import org.megalut.sim.great3.PiecewiseLinearPdf;
import org.megalut.sim.great3.ShearRecipe;
import org.megalut.sim.great3.SpaceConditionsRecipe;
import org.megalut.sim.great3.VariableShearRecipe;

/**
 * Settings of the branch generator (config section {@code great3-sim}), resolved into the core recipe.
 *
 * @param seed     global seed
 * @param recipe   the branch recipe
 * @param deep     number of deep subfields (200, 201, …) to generate
 * @param bandRows stamp rows per rendering task
 */
public record SimSettings(long seed, BranchRecipe recipe, int deep, int bandRows) implements Serializable {

    /** {@code great3-sim.population} of the GREAT3-like Sérsic and bulge + disk galaxies. */
    public static final String SERSIC = "sersic";

    /** {@code great3-sim.population} of the same galaxies with knots of star formation in their disks. */
    public static final String KNOTS = "knots";

    /**
     * Reads the {@code great3-sim} section, the branch geometry and the shear type
     * ({@code branch.shear-type}: a variable-shear branch is lensed per {@code great3-sim.variable-shear}).
     *
     * @throws IllegalArgumentException for an out-of-range setting, an unknown population, or a
     *                                  variable-shear branch whose grid exceeds GREAT3's 100 galaxies per side
     */
    public static SimSettings from(Config root) {
        Config c = root.getConfig("great3-sim");
        // One geometry for the generator and the readers of its branch (branch.*); the pixel scale is the
        // observation type's.
        RunSettings.Grid grid = RunSettings.Grid.from(root);
        BranchGeometry geometry = new BranchGeometry(grid.grid(), grid.stampSize(), grid.obstype().pixelScale(),
                grid.starGrid());
        ShearRecipe shear = new ShearRecipe(c.getDouble("shear-min"), c.getDouble("shear-max"));
        ConditionsRecipe conditions = grid.obstype() == ObservationType.GROUND ? ground(c, shear) : space(c, shear);
        GalaxyPopulation population = new GalaxyPopulation(c.getDouble("bulge-disk-fraction"),
                Math.log(c.getDouble("sersic-n-median")), c.getDouble("sersic-n-log-sigma"), c.getDouble("hlr-median"),
                c.getDouble("hlr-log-sigma"), c.getDouble("shape-sigma"), c.getDouble("mag-bright"),
                c.getDouble("mag-faint"));
        String kind = c.getString("population");
        if (KNOTS.equals(kind)) {
            population = population.withKnots(KnotRecipe.starForming());
        } else if (!SERSIC.equals(kind)) {
            throw new IllegalArgumentException("great3-sim.population must be " + SERSIC + " or " + KNOTS + ", got '"
                    + kind + "'");
        }
        BranchRecipe recipe = new BranchRecipe(conditions, population, geometry, c.getDouble("snr-min"),
                c.getDouble("snr-max"), c.getDouble("min-resolution"), c.getDouble("galaxy-offset"),
                c.getDouble("star-offset"), c.getBoolean("pairs"));
        if (grid.shearType() == ShearType.VARIABLE) {
            if (grid.grid() > FieldLattice.GRID) {
                throw new IllegalArgumentException("branch.grid must be at most " + FieldLattice.GRID
                        + " for branch.shear-type = variable (galaxy IDs encode lattice positions of a 100 x 100 grid), got "
                        + grid.grid());
            }
            Config v = c.getConfig("variable-shear");
            recipe = recipe.withLensing(new VariableShearRecipe(v.getDouble("amplitude"), v.getInt("padding")));
        }
        int deep = c.getInt("deep");
        if (deep < 0 || deep > 5) {
            throw new IllegalArgumentException("great3-sim.deep must be in [0, 5] (deep subfields 200-204), got " + deep);
        }
        int bandRows = c.getInt("band-rows");
        if (bandRows < 1) {
            throw new IllegalArgumentException("great3-sim.band-rows must be positive, got " + bandRows);
        }
        return new SimSettings(c.getLong("seed"), recipe, deep, bandRows);
    }

    /** GREAT3's ground PSF (atmosphere ⊗ optics) and seeing-dependent noise: the section's top-level keys. */
    private static ConditionsRecipe ground(Config c, ShearRecipe shear) {
        return new GroundConditionsRecipe(shear,
                new PiecewiseLinearPdf(doubles(c, "seeing-fwhm"), doubles(c, "seeing-weight")),
                c.getDouble("atm-e-min"), c.getDouble("atm-e-max"), c.getDouble("lam-over-diam-min"),
                c.getDouble("lam-over-diam-max"), c.getDouble("obscuration-min"), c.getDouble("obscuration-max"),
                doubles(c, "aberration-sigmas"),
                new NoiseVarianceTable(doubles(c, "noise-fwhm"), doubles(c, "noise-variance")),
                c.getDouble("noise-scatter"), c.getDouble("deep-variance-factor"));
    }

    /** GREAT3's space PSF (jitter ⊗ charge diffusion ⊗ optics with struts) and noise: the {@code space} keys. */
    private static ConditionsRecipe space(Config c, ShearRecipe shear) {
        Config s = c.getConfig("space");
        return new SpaceConditionsRecipe(shear, s.getDouble("lam-over-diam-min"), s.getDouble("lam-over-diam-max"),
                s.getDouble("obscuration-min"), s.getDouble("obscuration-max"), doubles(s, "aberration-sigmas"),
                s.getIntList("struts").stream().mapToInt(Integer::intValue).toArray(), s.getDouble("jitter-sigma-min"),
                s.getDouble("jitter-sigma-max"), s.getDouble("jitter-e-max"), s.getDouble("charge-sigma-min"),
                s.getDouble("charge-sigma-max"), s.getDouble("charge-e1-max"), s.getDouble("noise-variance-min"),
                s.getDouble("noise-variance-max"), c.getDouble("deep-variance-factor"));
    }

    private static double[] doubles(Config c, String key) {
        return c.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
