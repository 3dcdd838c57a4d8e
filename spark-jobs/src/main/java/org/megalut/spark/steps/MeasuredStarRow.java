package org.megalut.spark.steps;

import org.megalut.meas.StampFeatures;
import org.megalut.spark.FeatureColumns;
import org.megalut.spark.io.TableSpec;

/**
 * One row of the {@code stars} table: a star stamp of a subfield's star field and its PSF features.
 *
 * @param subfield GREAT3 subfield
 * @param star     row of the star catalogue (0 is the exactly centred star)
 * @param x        catalogue position, 0-based [px]
 * @param y        same along y [px]
 * @param features MegaLUT's features of the stamp, stored with the prefix {@code psf_}
 */
public record MeasuredStarRow(int subfield, int star, int x, int y, StampFeatures features) {

    /** Columns: subfield, star, x, y, then the psf_ features. */
    public static final TableSpec<MeasuredStarRow> TABLE = TableSpec.<MeasuredStarRow>builder("stars")
            .integer("subfield", MeasuredStarRow::subfield)
            .integer("star", MeasuredStarRow::star)
            .integer("x", MeasuredStarRow::x)
            .integer("y", MeasuredStarRow::y)
            .group(FeatureColumns.group("psf_"), MeasuredStarRow::features)
            .build();
}
