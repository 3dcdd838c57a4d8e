package org.megalut.spark.steps;

import org.megalut.render.PsfKGrids;
import org.megalut.render.StampDrawer;
import org.megalut.sim.great3.SubfieldConditions;
import org.megalut.sim.great3.SubfieldSimulator;
import org.megalut.spark.settings.SimSettings;
import org.megalut.util.LruCache;

/**
 * The simulator of a {@code great3-sim} subfield on an executor thread, built on what the executor
 * shares between tasks: a subfield's selection (stage 1) and its bands (stage 2) use one PSF, on
 * whichever thread they run, so each PSF's k-grids are computed once per JVM while the subfield stays
 * among the last {@value #PSFS_KEPT}; each thread keeps one drawer (its FFT plans and buffers).
 */
final class SubfieldSimulators {
    /** Subfields whose PSF an executor keeps. */
    static final int PSFS_KEPT = 8;

    /** Shared by the executor's task threads; keyed by the conditions, compared by value. */
    private static final LruCache<SubfieldConditions, PsfKGrids> PSFS = new LruCache<>(PSFS_KEPT);
    private static final ThreadLocal<StampDrawer> DRAWERS = ThreadLocal.withInitial(StampDrawer::new);

    private SubfieldSimulators() { }

    /** A simulator of the subfield for the calling thread. */
    static SubfieldSimulator of(SimSettings sim, int subfield) {
        return new SubfieldSimulator(sim.recipe(), sim.seed(), subfield, psf(sim, subfield), DRAWERS.get());
    }

    /** The subfield's PSF, a function of its conditions alone. */
    private static PsfKGrids psf(SimSettings sim, int subfield) {
        SubfieldConditions c = sim.recipe().conditions().draw(sim.seed(), subfield);
        return PSFS.get(c, k -> new PsfKGrids(SubfieldSimulator.psf(k)));
    }
}
