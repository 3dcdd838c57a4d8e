package org.megalut.spark.steps;

import org.megalut.spark.io.TableSpec;

/**
 * GREAT3's truth PSF shape of a subfield, joined to the {@code psfs} table by {@code check-psfs --truth}.
 *
 * @param subfield GREAT3 subfield
 * @param g1       truth_psf_g1: HSM shape of the noiseless star 0 ({@code starshape_parameters-SSS-0}), −10 when
 *                 it failed
 * @param g2       truth_psf_g2, likewise
 */
record PsfTruthRow(int subfield, double g1, double g2) {

    static final TableSpec<PsfTruthRow> TABLE = TableSpec.<PsfTruthRow>builder("psf truth")
            .integer("subfield", PsfTruthRow::subfield)
            .real("truth_psf_g1", PsfTruthRow::g1)
            .real("truth_psf_g2", PsfTruthRow::g2)
            .build();
}
