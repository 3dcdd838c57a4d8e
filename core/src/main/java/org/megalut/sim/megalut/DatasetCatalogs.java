package org.megalut.sim.megalut;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.megalut.random.RandomStreams;

/**
 * Draws the catalogs of a MegaLUT dataset for one subfield. Every draw comes from a stream keyed by
 * (seed, subfield, dataset, catalog[, galaxy[, copy, realization]]), so a catalog, a galaxy or a
 * realization can be regenerated alone, anywhere.
 */
public final class DatasetCatalogs {

    private DatasetCatalogs() { }

    /**
     * The stamps of one catalog, galaxy-major then copy.
     *
     * @param stars number of star stamps of the subfield to pick PSFs from (9 for GREAT3)
     */
    public static List<SimGalaxy> catalog(DatasetSpec spec, long seed, int subfield, int catalog, int stars) {
        long ds = RandomStreams.label(spec.name());
        UniformRandomProvider catRng = RandomStreams.stream(seed, subfield, ds, catalog);
        double[] catalogShear = drawShear(spec, catRng);
        List<SimGalaxy> out = new ArrayList<>(spec.stampsPerCatalog());
        for (int i = 0; i < spec.n(); i++) {
            UniformRandomProvider rng = RandomStreams.stream(seed, subfield, ds, catalog, i);
            double[] shear = spec.shearPerCatalog() ? catalogShear : drawShear(spec, rng);
            double[] g = spec.distribution().ellipticity(rng);
            double hlr = spec.halfLightRadius(rng);
            double flux = spec.flux(rng);
            double n = spec.distribution().sersicIndex(i / spec.nc(), spec.rows(), spec.obstype());
            int star = rng.nextInt(stars);
            // Drawn last, and only by the bulge+disk distributions, so that the other distributions'
            // catalogs are those they were before bulge+disk galaxies existed.
            double bt = spec.distribution().bulgeFraction(rng);
            if (bt > 0) {
                n = Double.NaN;
            }
            for (int j = 0; j < spec.snc(); j++) {
                // Rotating the position angle by φ = j·π/snc turns g by e^{2iφ}.
                double phi = j * Math.PI / spec.snc();
                double c = Math.cos(2 * phi);
                double s = Math.sin(2 * phi);
                out.add(new SimGalaxy(catalog, i, j, n, bt, hlr, flux, g[0] * c - g[1] * s, g[0] * s + g[1] * c,
                        shear[0], shear[1], star));
            }
        }
        return out;
    }

    /** Sub-pixel jitter (dx, dy) ~ U[−0.5, 0.5) px of a stamp in a realization. */
    public static double[] jitter(DatasetSpec spec, long seed, int subfield, SimGalaxy g, int realization) {
        UniformRandomProvider rng = RandomStreams.stream(seed, subfield, RandomStreams.label(spec.name()), g.catalog(),
                g.galaxy(), g.copy(), realization, RandomStreams.label("jitter"));
        return new double[] {rng.nextDouble() - 0.5, rng.nextDouble() - 0.5};
    }

    /** The noise stream of a stamp in a realization. */
    public static UniformRandomProvider noise(DatasetSpec spec, long seed, int subfield, SimGalaxy g, int realization) {
        return RandomStreams.stream(seed, subfield, RandomStreams.label(spec.name()), g.catalog(), g.galaxy(), g.copy(),
                realization, RandomStreams.label("noise"));
    }

    /**
     * The (case, realization) of a stamp for the networks: with GALAXY grouping a case is a galaxy and its
     * realizations are its copies' images; with SHEAR grouping a case is a distinct shear (a catalog for
     * per-catalog shears, a galaxy otherwise) and its realizations are all stamps sharing it.
     */
    public static long[] caseAndRealization(DatasetSpec spec, SimGalaxy g, int realization) {
        long copyRea = (long) g.copy() * spec.nrea() + realization;
        if (spec.grouping() == DatasetSpec.Grouping.SHEAR && spec.shearPerCatalog()) {
            return new long[] {g.catalog(), ((long) g.galaxy() * spec.snc() + g.copy()) * spec.nrea() + realization};
        }
        return new long[] {(long) g.catalog() * spec.n() + g.galaxy(), copyRea};
    }

    private static double[] drawShear(DatasetSpec spec, UniformRandomProvider rng) {
        if (spec.shear() == 0) {
            return new double[] {0, 0};
        }
        return new double[] {Samplers.uniform(rng, -spec.shear(), spec.shear()), Samplers.uniform(rng, -spec.shear(), spec.shear())};
    }
}
