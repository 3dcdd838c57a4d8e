package org.megalut.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.megalut.meas.StampFeatures;

/**
 * The Parquet columns of {@link StampFeatures}, MegaLUT's names with an optional prefix ({@code psf_}
 * for stars). Masked features (failed or outside-image stamps) are nulls, never NaN. Positions are
 * 0-based pixel-centre coordinates of the full image.
 */
public final class FeatureColumns {

    private FeatureColumns() { }

    private static final String[] DOUBLES = {
        "adamom_flux", "adamom_x", "adamom_y", "adamom_g1", "adamom_g2", "adamom_sigma", "adamom_rho4"};
    private static final String[] SKY = {"skystd", "skymad", "skymean", "skymed", "skystampsum"};
    private static final String[] AFTER = {"aperphot_sb2", "aperphot_sb3", "aperphot_sb5", "aperphot_sb8", "snr"};

    /** Fields, in order: flag, adamom_* (7 doubles), adamom_niter, adamom_retried, sky (5), aperphot (4), snr. */
    public static List<StructField> fields(String prefix) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(prefix + "flag", DataTypes.IntegerType, false));
        for (String n : DOUBLES) {
            f.add(DataTypes.createStructField(prefix + n, DataTypes.DoubleType, true));
        }
        f.add(DataTypes.createStructField(prefix + "adamom_niter", DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField(prefix + "adamom_retried", DataTypes.BooleanType, false));
        for (String n : SKY) {
            f.add(DataTypes.createStructField(prefix + n, DataTypes.DoubleType, true));
        }
        for (String n : AFTER) {
            f.add(DataTypes.createStructField(prefix + n, DataTypes.DoubleType, true));
        }
        return f;
    }

    /** Number of values {@link #values} writes. */
    public static int count() {
        return 1 + DOUBLES.length + 2 + SKY.length + AFTER.length;
    }

    /** Writes the feature values into {@code out} from {@code offset}, in the order of {@link #fields}. */
    public static void values(StampFeatures s, Object[] out, int offset) {
        boolean ok = s.flag().hasFeatures();
        int i = offset;
        out[i++] = s.flag().code();
        for (double v : new double[] {s.flux(), s.x(), s.y(), s.g1(), s.g2(), s.sigma(), s.rho4()}) {
            out[i++] = ok ? finiteOrNull(v) : null;
        }
        out[i++] = ok ? s.iterations() : null;
        out[i++] = s.retried();
        var sky = s.sky();
        for (double v : new double[] {sky.std(), sky.mad(), sky.mean(), sky.median(), sky.stampSum()}) {
            out[i++] = finiteOrNull(v);
        }
        for (double v : new double[] {s.aperSb2(), s.aperSb3(), s.aperSb5(), s.aperSb8(), s.snr()}) {
            out[i++] = ok ? finiteOrNull(v) : null;
        }
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
