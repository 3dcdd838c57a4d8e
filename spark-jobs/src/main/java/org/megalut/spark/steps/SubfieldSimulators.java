package org.megalut.spark.steps;

import org.megalut.eval.variable.FieldLattice;
import org.megalut.render.PsfKGrids;
import org.megalut.render.StampDrawer;
import org.megalut.sim.great3.ShearField;
import org.megalut.sim.great3.SubfieldConditions;
import org.megalut.sim.great3.SubfieldLensing;
import org.megalut.sim.great3.SubfieldSimulator;
import org.megalut.sim.great3.VariableShearRecipe;
import org.megalut.spark.settings.SimSettings;
import org.megalut.util.LruCache;

/**
 * The simulator of a {@code great3-sim} subfield on an executor thread, built on what the executor
 * shares between tasks: a subfield's selection (stage 1) and its bands (stage 2) use one PSF, on
 * whichever thread they run, so each PSF's k-grids are computed once per JVM while the subfield stays
 * among the last {@value #PSFS_KEPT}; each thread keeps one drawer (its FFT plans and buffers). In a
 * variable-shear branch the 20 subfields of a field share one shear field, drawn once per JVM while the
 * field stays among the last {@value #FIELDS_KEPT}.
 */
final class SubfieldSimulators {
    /** Subfields whose PSF an executor keeps. */
    static final int PSFS_KEPT = 8;

    /** Shared by the executor's task threads; keyed by the conditions, compared by value. */
    private static final LruCache<SubfieldConditions, PsfKGrids> PSFS = new LruCache<>(PSFS_KEPT);
    /**
     * Variable-shear fields an executor keeps (each three 700² maps of doubles). A missing field is drawn
     * under the cache's lock: a second task of the same field waits for it rather than drawing it again
     * with FFT buffers of its own (two complex grids of the padded side, far larger than the field).
     */
    static final int FIELDS_KEPT = 4;

    /** A variable-shear field is a function of its recipe, the seed and the field index alone. */
    private record FieldKey(VariableShearRecipe recipe, long seed, int field) { }

    private static final LruCache<FieldKey, ShearField> FIELDS = new LruCache<>(FIELDS_KEPT);
    private static final ThreadLocal<StampDrawer> DRAWERS = ThreadLocal.withInitial(StampDrawer::new);

    private SubfieldSimulators() { }

    /** A simulator of the subfield for the calling thread. */
    static SubfieldSimulator of(SimSettings sim, int subfield) {
        return new SubfieldSimulator(sim.recipe(), sim.seed(), subfield, psf(sim, subfield), lensing(sim, subfield),
                DRAWERS.get());
    }

    /** The subfield's lensing from the executor's copy of its field, or null (built by the simulator) for constant shear. */
    private static SubfieldLensing lensing(SimSettings sim, int subfield) {
        if (!(sim.recipe().lensing() instanceof VariableShearRecipe v)) {
            return null;
        }
        FieldKey key = new FieldKey(v, sim.seed(), subfield / FieldLattice.SUBFIELDS_PER_FIELD);
        ShearField field = FIELDS.get(key, k -> k.recipe().field(k.seed(), k.field()));
        return VariableShearRecipe.lensing(field, sim.seed(), subfield, sim.recipe().geometry().grid());
    }

    /** The subfield's PSF, a function of its conditions alone. */
    private static PsfKGrids psf(SimSettings sim, int subfield) {
        SubfieldConditions c = sim.recipe().conditions().draw(sim.seed(), subfield);
        return PSFS.get(c, k -> new PsfKGrids(SubfieldSimulator.psf(k)));
    }
}
