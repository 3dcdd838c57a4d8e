package org.megalut.spark;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.megalut.meas.StampFeatures;
import org.megalut.spark.io.ColumnSpec;

/**
 * The Parquet columns of {@link StampFeatures}, MegaLUT's names with an optional prefix ({@code psf_}
 * for stars), as a group of columns that a table spec includes. Masked features (failed or
 * outside-image stamps) and non-finite values are nulls, never NaN; the sky statistics are kept for
 * failed stamps too. Positions are 0-based pixel-centre coordinates of the full image.
 */
public final class FeatureColumns {

    private FeatureColumns() { }

    /**
     * Columns, in order: flag, adamom_flux, _x, _y, _g1, _g2, _sigma, _rho4, adamom_niter,
     * adamom_retried, skystd, skymad, skymean, skymed, skystampsum, aperphot_sb2, _sb3, _sb5, _sb8, snr.
     */
    public static List<ColumnSpec<StampFeatures>> group(String prefix) {
        return List.of(
                ColumnSpec.integer(prefix + "flag", s -> s.flag().code()),
                measured(prefix + "adamom_flux", StampFeatures::flux),
                measured(prefix + "adamom_x", StampFeatures::x),
                measured(prefix + "adamom_y", StampFeatures::y),
                measured(prefix + "adamom_g1", StampFeatures::g1),
                measured(prefix + "adamom_g2", StampFeatures::g2),
                measured(prefix + "adamom_sigma", StampFeatures::sigma),
                measured(prefix + "adamom_rho4", StampFeatures::rho4),
                ColumnSpec.nullable(prefix + "adamom_niter", DataTypes.IntegerType,
                        s -> s.flag().hasFeatures() ? (Integer) s.iterations() : null),
                ColumnSpec.bool(prefix + "adamom_retried", StampFeatures::retried),
                always(prefix + "skystd", s -> s.sky().std()),
                always(prefix + "skymad", s -> s.sky().mad()),
                always(prefix + "skymean", s -> s.sky().mean()),
                always(prefix + "skymed", s -> s.sky().median()),
                always(prefix + "skystampsum", s -> s.sky().stampSum()),
                measured(prefix + "aperphot_sb2", StampFeatures::aperSb2),
                measured(prefix + "aperphot_sb3", StampFeatures::aperSb3),
                measured(prefix + "aperphot_sb5", StampFeatures::aperSb5),
                measured(prefix + "aperphot_sb8", StampFeatures::aperSb8),
                measured(prefix + "snr", StampFeatures::snr));
    }

    /** A feature that only a stamp with features has: null for a masked stamp or a non-finite value. */
    private static ColumnSpec<StampFeatures> measured(String name, ColumnSpec.Getter<StampFeatures, Double> v) {
        return ColumnSpec.nullable(name, DataTypes.DoubleType, s -> s.flag().hasFeatures() ? finiteOrNull(v.of(s)) : null);
    }

    /** A value measured on every stamp: null only when non-finite. */
    private static ColumnSpec<StampFeatures> always(String name, ColumnSpec.Getter<StampFeatures, Double> v) {
        return ColumnSpec.nullable(name, DataTypes.DoubleType, s -> finiteOrNull(v.of(s)));
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
