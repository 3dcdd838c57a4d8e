package org.megalut.spark.steps;

import org.megalut.sim.megalut.SimGalaxy;
import org.megalut.sim.megalut.SimulatedStamp;
import org.megalut.spark.FeatureColumns;
import org.megalut.spark.io.TableSpec;

/**
 * One row of a simulated dataset ({@code sim/<dataset>}): a rendered and measured stamp in long form.
 *
 * @param subfield the GREAT3 subfield whose stars and noise the stamp was made with
 * @param stamp    the stamp: its galaxy's truth, its place for the networks and its features
 */
public record SimulatedStampRow(int subfield, SimulatedStamp stamp) {

    /**
     * Columns: subfield, catalog, galaxy, copy, image (image realization), case and realization (the
     * stamp's place for the networks, the long-form keys), the truth (tru_n: Sérsic index, NaN for a
     * bulge+disk galaxy; tru_bt: bulge-to-total flux ratio, 0 for a single Sérsic; tru_rad [px],
     * flux-weighted for a bulge+disk galaxy; tru_flux, tru_g1, tru_g2, tru_s1, tru_s2, star, jitter_x,
     * jitter_y [px]; see {@link SimGalaxy}) and the features.
     */
    public static final TableSpec<SimulatedStampRow> TABLE = TableSpec.<SimulatedStampRow>builder("simulation")
            .integer("subfield", SimulatedStampRow::subfield)
            .integer("catalog", r -> r.galaxy().catalog())
            .integer("galaxy", r -> r.galaxy().galaxy())
            .integer("copy", r -> r.galaxy().copy())
            .integer("image", r -> r.stamp().realization())
            .longInteger("case", r -> r.stamp().caseId())
            .longInteger("realization", r -> r.stamp().realizationId())
            .real("tru_n", r -> r.galaxy().sersicN())
            .real("tru_bt", r -> r.galaxy().bulgeFraction())
            .real("tru_rad", r -> r.galaxy().hlr())
            .real("tru_flux", r -> r.galaxy().flux())
            .real("tru_g1", r -> r.galaxy().g1())
            .real("tru_g2", r -> r.galaxy().g2())
            .real("tru_s1", r -> r.galaxy().s1())
            .real("tru_s2", r -> r.galaxy().s2())
            .integer("star", r -> r.galaxy().star())
            .real("jitter_x", r -> r.stamp().jitterX())
            .real("jitter_y", r -> r.stamp().jitterY())
            .group(FeatureColumns.group(""), r -> r.stamp().features())
            .build();

    private SimGalaxy galaxy() {
        return stamp.galaxy();
    }
}
