package org.megalut.meas;

/**
 * Outcome of measuring one stamp (MegaLUT's {@code adamom_flag}). Features are masked (NaN in
 * {@link StampFeatures}, null in Parquet) for {@link #OUTSIDE_IMAGE} and {@link #FAILED}; a
 * {@link #CENTROID_SHIFT} measurement keeps its values.
 */
public enum MeasurementFlag {
    /** Measured. */
    OK(0),
    /** The stamp is not entirely inside the image. */
    OUTSIDE_IMAGE(1),
    /** Measured, but the centroid is more than the allowed distance from the catalog position. */
    CENTROID_SHIFT(2),
    /** Adaptive moments failed, also on the retry. */
    FAILED(3);

    private final int code;

    MeasurementFlag(int code) {
        this.code = code;
    }

    /** The integer stored in catalogs. */
    public int code() {
        return code;
    }

    /** Whether the feature values are usable (not masked). */
    public boolean hasFeatures() {
        return this == OK || this == CENTROID_SHIFT;
    }
}
