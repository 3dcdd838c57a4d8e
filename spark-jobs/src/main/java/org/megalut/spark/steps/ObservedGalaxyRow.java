package org.megalut.spark.steps;

import org.megalut.meas.StampFeatures;
import org.megalut.spark.FeatureColumns;
import org.megalut.spark.io.TableSpec;

/**
 * One row of the {@code obs} table: an observed galaxy stamp and its features.
 *
 * @param subfield GREAT3 subfield
 * @param id       GREAT3 galaxy ID
 * @param x        catalogue position, 0-based [px]
 * @param y        same along y [px]
 * @param features MegaLUT's features of the stamp ({@link FeatureColumns})
 */
public record ObservedGalaxyRow(int subfield, long id, int x, int y, StampFeatures features) {

    /** Columns: subfield, id, x, y, then the features. */
    public static final TableSpec<ObservedGalaxyRow> TABLE = TableSpec.<ObservedGalaxyRow>builder("obs")
            .integer("subfield", ObservedGalaxyRow::subfield)
            .longInteger("id", ObservedGalaxyRow::id)
            .integer("x", ObservedGalaxyRow::x)
            .integer("y", ObservedGalaxyRow::y)
            .group(FeatureColumns.group(""), ObservedGalaxyRow::features)
            .build();
}
