package org.megalut.sim.great3.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.megalut.sim.great3.BranchRecipe;
import org.megalut.sim.great3.PlacedGalaxy;
import org.megalut.sim.great3.SubfieldSimulator;

/**
 * Thread-CPU timing of one full GREAT3 ground subfield (100×100 stamps): its PSF (built with the
 * simulator), the star field and its truth shape, galaxy selection ({@link SubfieldSimulator#galaxies()})
 * and drawing of all bands with their noise ({@link SubfieldSimulator#drawBand}); no file is written.
 * CPU rather than wall time because the benchmark machine is shared; single thread throughout.
 *
 * <p>The first subfield of a JVM also pays for lazily built Sérsic tables (cold); the following
 * ones show the steady state (warm). Run from the test classpath:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.megalut.sim.great3.bench.SubfieldTiming [subfields] [seed]}
 */
public final class SubfieldTiming {
    private SubfieldTiming() {
    }

    public static void main(String[] args) {
        int subfields = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        BranchRecipe recipe = BranchRecipe.great3Ground();
        for (int s = 0; s < subfields; s++) {
            long tp = bean.getCurrentThreadCpuTime();
            SubfieldSimulator sim = new SubfieldSimulator(recipe, seed, s);
            sim.starShape(sim.starField());
            long t0 = bean.getCurrentThreadCpuTime();
            List<PlacedGalaxy> gals = sim.galaxies();
            long t1 = bean.getCurrentThreadCpuTime();
            int grid = recipe.geometry().grid();
            double checksum = 0;
            for (int row = 0; row < grid; row += 10) {
                double[] px = sim.drawBand(gals, row, Math.min(10, grid - row)).pixels();
                for (double v : px) {
                    checksum += v;
                }
            }
            long t2 = bean.getCurrentThreadCpuTime();
            double psfAndStars = 1e-9 * (t0 - tp);
            double sel = 1e-9 * (t1 - t0);
            double draw = 1e-9 * (t2 - t1);
            System.out.printf("subfield %d: PSF and stars %.2f s CPU, selection %.2f s, drawing %.2f s (%.0f stamps/s),"
                    + " total %.2f s, checksum %.6e%n", s, psfAndStars, sel, draw, gals.size() / draw,
                    psfAndStars + sel + draw, checksum);
        }
    }
}
