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

    /** Whether a drawn galaxy enters the dataset, from the galaxy as drawn (copy 0, before the applied shear). */
    @FunctionalInterface
    public interface Acceptance {
        /** Keeps every galaxy: the dataset has no selection. */
        Acceptance ALL = g -> true;

        boolean accepts(SimGalaxy g);
    }

    /**
     * Redraws of one galaxy before the selection is declared impossible: as the branch generator, which
     * gives up below one kept candidate in 1000.
     */
    static final int MAX_DRAWS = 1000;

    private static final long REDRAW = RandomStreams.label("redraw");

    /**
     * The stamps of one catalog, galaxy-major then copy.
     *
     * @param stars number of star stamps of the subfield to pick PSFs from (9 for GREAT3)
     */
    public static List<SimGalaxy> catalog(DatasetSpec spec, long seed, int subfield, int catalog, int stars) {
        return galaxies(spec, seed, subfield, catalog, stars, 0, spec.n(), Acceptance.ALL);
    }

    /**
     * The stamps of galaxies {@code first} to {@code end − 1} of a catalog (galaxy indices, before the copies),
     * galaxy-major then copy. Each galaxy is drawn from its own stream; one that {@code acceptance} refuses is
     * redrawn from the streams (…, galaxy, "redraw", k), k = 1, 2, …, until one is accepted, so a galaxy does
     * not depend on the others and slices of a catalog concatenate to the whole. The first draw is the one
     * without a selection, so {@link Acceptance#ALL} gives {@link #catalog}. The grid row's Sérsic index and the
     * catalog's shear stay; the copies are those of the accepted draw.
     *
     * @throws IllegalStateException when none of {@value #MAX_DRAWS} draws of a galaxy is accepted, naming the
     *                               subfield, dataset, catalog and galaxy
     */
    public static List<SimGalaxy> galaxies(DatasetSpec spec, long seed, int subfield, int catalog, int stars,
                                           int first, int end, Acceptance acceptance) {
        if (first < 0 || end > spec.n() || first > end) {
            throw new IllegalArgumentException("galaxies " + first + " to " + end + " of a catalog of " + spec.n());
        }
        long ds = RandomStreams.label(spec.name());
        UniformRandomProvider catRng = RandomStreams.stream(seed, subfield, ds, catalog);
        double[] catalogShear = drawShear(spec, catRng);
        List<SimGalaxy> out = new ArrayList<>((end - first) * spec.snc());
        for (int i = first; i < end; i++) {
            SimGalaxy drawn = null;
            for (int k = 0; drawn == null; k++) {
                if (k == MAX_DRAWS) {
                    throw new IllegalStateException("subfield " + subfield + ": dataset " + spec.name() + ", catalog "
                            + catalog + ", galaxy " + i + ": none of " + MAX_DRAWS + " draws passes the selection "
                            + spec.selection() + "; widen the dataset's size or flux law or relax the selection");
                }
                UniformRandomProvider rng = k == 0 ? RandomStreams.stream(seed, subfield, ds, catalog, i)
                        : RandomStreams.stream(seed, subfield, ds, catalog, i, REDRAW, k);
                SimGalaxy g = draw(spec, rng, catalog, i, catalogShear, stars);
                if (acceptance.accepts(g)) {
                    drawn = g;
                }
            }
            for (int j = 0; j < spec.snc(); j++) {
                // Rotating the position angle by φ = j·π/snc turns g by e^{2iφ}.
                double phi = j * Math.PI / spec.snc();
                double c = Math.cos(2 * phi);
                double s = Math.sin(2 * phi);
                out.add(new SimGalaxy(catalog, i, j, drawn.sersicN(), drawn.bulgeFraction(), drawn.hlr(), drawn.flux(),
                        drawn.g1() * c - drawn.g2() * s, drawn.g1() * s + drawn.g2() * c, drawn.s1(), drawn.s2(),
                        drawn.star()));
            }
        }
        return out;
    }

    /** Galaxy i of a catalog (copy 0) from its stream. */
    private static SimGalaxy draw(DatasetSpec spec, UniformRandomProvider rng, int catalog, int i, double[] catalogShear,
                                  int stars) {
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
        return new SimGalaxy(catalog, i, 0, n, bt, hlr, flux, g[0], g[1], shear[0], shear[1], star);
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
