package org.megalut.spark.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.megalut.great3.Stamps;
import org.megalut.great3.StarCatalog;
import org.megalut.image.Image;
import org.megalut.sim.megalut.SubfieldPsfs;
import org.megalut.spark.BranchFiles;
import org.megalut.spark.settings.RunSettings;
import org.megalut.util.LruCache;

/**
 * The PSFs of a subfield's training simulations on an executor, shared by its tasks: a dataset of a
 * subfield is cut into many tasks (slices of its catalogs), and each would otherwise read the star field
 * again and evaluate the interpolated stars on its k-grids again. Kept for the last
 * {@value #SUBFIELDS_KEPT} subfields, since tasks are issued subfield by subfield.
 */
final class SimulationPsfs {
    /** Subfields whose PSFs an executor keeps (each a few MB per star and grid size). */
    static final int SUBFIELDS_KEPT = 4;

    /** What determines a subfield's PSFs: the branch, its geometry and the subfield. */
    private record Key(String branchDir, RunSettings.Grid grid, int subfield) { }

    private static final LruCache<Key, SubfieldPsfs> PSFS = new LruCache<>(SUBFIELDS_KEPT);

    private SimulationPsfs() { }

    /** The PSFs of a subfield: its star stamps, read from the branch on first use in this JVM. */
    static SubfieldPsfs of(RunSettings s, int subfield, Configuration conf) {
        return PSFS.get(new Key(s.branchDir(), s.grid(), subfield), k -> read(s, subfield, conf));
    }

    private static SubfieldPsfs read(RunSettings s, int subfield, Configuration conf) {
        try {
            BranchFiles files = new BranchFiles(s.branchDir(), s.grid(), conf);
            StarCatalog cat = files.starCatalog(subfield);
            Image field = files.starField(subfield);
            List<Image> stars = new ArrayList<>();
            for (int k = 0; k < cat.size(); k++) {
                stars.add(Stamps.stamp(field, cat.x(k), cat.y(k), s.grid().stampSize()));
            }
            return SubfieldPsfs.fromStars(subfield, stars);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
