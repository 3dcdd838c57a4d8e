package org.megalut.spark.settings;

import com.typesafe.config.Config;
import java.io.Serializable;
import org.megalut.sim.great3.BranchGeometry;
import org.megalut.sim.great3.BranchRecipe;
import org.megalut.sim.great3.ConditionsRecipe;
import org.megalut.sim.great3.GalaxyPopulation;
import org.megalut.sim.great3.KnotRecipe;
import org.megalut.sim.great3.NoiseVarianceTable;
import org.megalut.sim.great3.PiecewiseLinearPdf;

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
     * Reads the {@code great3-sim} section and the branch geometry.
     *
     * @throws IllegalArgumentException for an out-of-range setting or an unknown population
     */
    public static SimSettings from(Config root) {
        Config c = root.getConfig("great3-sim");
        // One geometry for the generator and the readers of its branch (branch.*); the pixel scale is the
        // observation type's.
        RunSettings.Grid grid = RunSettings.Grid.from(root);
        BranchGeometry geometry = new BranchGeometry(grid.grid(), grid.stampSize(), grid.obstype().pixelScale(),
                grid.starGrid());
        ConditionsRecipe conditions = new ConditionsRecipe(c.getDouble("shear-min"), c.getDouble("shear-max"),
                new PiecewiseLinearPdf(doubles(c, "seeing-fwhm"), doubles(c, "seeing-weight")),
                c.getDouble("atm-e-min"), c.getDouble("atm-e-max"), c.getDouble("lam-over-diam-min"),
                c.getDouble("lam-over-diam-max"), c.getDouble("obscuration-min"), c.getDouble("obscuration-max"),
                doubles(c, "aberration-sigmas"),
                new NoiseVarianceTable(doubles(c, "noise-fwhm"), doubles(c, "noise-variance")),
                c.getDouble("noise-scatter"), c.getDouble("deep-variance-factor"));
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

    private static double[] doubles(Config c, String key) {
        return c.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
