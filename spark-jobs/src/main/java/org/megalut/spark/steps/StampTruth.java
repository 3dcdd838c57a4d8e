package org.megalut.spark.steps;

import org.apache.spark.sql.Row;
import org.megalut.sim.great3.GalaxyParams;
import org.megalut.sim.great3.PlacedGalaxy;

/**
 * The part of a per-galaxy truth row that drawing its stamp needs, packed into a {@code double[]} for
 * the shuffle that sends galaxies to their band's task: a primitive array costs a fraction of what a
 * schema-carrying {@link Row} costs to serialise and to size in Spark's shuffle buffers.
 */
final class StampTruth {
    private static final String[] COLUMNS = {
        "position", "draw", "twin", "flux", "bulge_fraction", "bulge_n", "bulge_hlr", "bulge_q", "bulge_beta",
        "disk_hlr", "disk_q", "disk_beta", "rotation", "offset_x", "offset_y", "snr", "resolution"};
    private static final int INT_COLUMNS = 3;

    private StampTruth() {
    }

    /** Packs a row of {@link Great3SimStep#truthSchema()}. */
    static double[] encode(Row r) {
        double[] v = new double[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            int f = r.fieldIndex(COLUMNS[i]);
            // integers up to 2^53 are exact in a double
            v[i] = i < INT_COLUMNS ? r.getInt(f) : r.getDouble(f);
        }
        return v;
    }

    /** The galaxy of a packed row. */
    static PlacedGalaxy decode(double[] v) {
        GalaxyParams q = new GalaxyParams(v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
        return new PlacedGalaxy((int) v[0], (int) v[1], (int) v[2], q, v[12], v[13], v[14], v[15], v[16]);
    }
}
