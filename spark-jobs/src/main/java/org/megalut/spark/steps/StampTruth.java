package org.megalut.spark.steps;

import org.apache.spark.sql.Row;
import org.megalut.sim.great3.GalaxyParams;
import org.megalut.sim.great3.PlacedGalaxy;

/**
 * A galaxy's stamp truth packed into a {@code double[]} for the shuffle that sends galaxies to their
 * band's task: a primitive array costs a fraction of what a schema-carrying {@link Row} or a nested
 * record costs to serialise and to size in Spark's shuffle buffers. Order: position, draw, twin, the
 * nine numbers of {@link GalaxyParams}, rotation, offsetX, offsetY, snr, resolution, then the knots'
 * count, fraction and seed (below 2^53, exact in a double).
 */
final class StampTruth {
    private StampTruth() {
    }

    /** Packs a galaxy (integers up to 2^53 are exact in a double). */
    static double[] encode(PlacedGalaxy p) {
        GalaxyParams q = p.params();
        return new double[] {p.position(), p.draw(), p.twin(), q.flux(), q.bulgeFraction(), q.bulgeN(), q.bulgeHlr(),
            q.bulgeQ(), q.bulgeBeta(), q.diskHlr(), q.diskQ(), q.diskBeta(), p.rotation(), p.offsetX(), p.offsetY(),
            p.snr(), p.resolution(), q.knots().count(), q.knots().fraction(), q.knots().seed()};
    }

    /** The galaxy of a packed array. */
    static PlacedGalaxy decode(double[] v) {
        GalaxyParams q = new GalaxyParams(v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                GalaxyTruthRow.knots((int) v[17], v[18], (long) v[19]));
        return new PlacedGalaxy((int) v[0], (int) v[1], (int) v[2], q, v[12], v[13], v[14], v[15], v[16]);
    }
}
