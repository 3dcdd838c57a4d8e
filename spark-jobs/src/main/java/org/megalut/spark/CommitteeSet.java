package org.megalut.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.spark.settings.CommitteeSettings;
import org.megalut.spark.settings.DatasetSettings;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.Recipe;

/**
 * One committee set: the committees of every subfield and component trained by {@code learn} or
 * {@code learn-weights} with one configuration, keyed by what determines them, so that sets trained with
 * other settings sit beside it and never overwrite it. The key is
 * {@code <dataset>/<data configs>_<network configs>-<hash>}, MegaLUT's {@code <simname>/<dataconfig>_<networkconfig>}
 * with the names of the components' configurations joined by {@code +} (a network named once when all
 * components share it), and the first {@value #HASH_CHARS} hex digits of the SHA-256 of the set's
 * {@link #identity}: names alone collide when two files share a name or a file is edited, the hash does not.
 * The set lives in {@code <workdir>/committees/<kind>/<key>/subfield=S/<prediction>.json}, and its
 * completion records under {@code _state/} carry the same name.
 *
 * @param kind     {@link WorkdirLayout#SHEAR_COMMITTEES} or {@link WorkdirLayout#WEIGHT_COMMITTEES}
 * @param dataset  the simulated dataset the set trains on
 * @param name     the rest of the key, {@code <data configs>_<network configs>-<hash>}
 * @param identity what determines the set: the kind, the dataset's settings and seed, each component's
 *                 configuration, the failure threshold, and for weights the key of the shear set whose
 *                 predictions they train on
 */
public record CommitteeSet(String kind, String dataset, String name, Fingerprint identity) {
    /** Hex digits of the identity's digest in the key: 32 bits, no collision among a workdir's few sets. */
    static final int HASH_CHARS = 8;

    /** The shear committees the recipe's {@code learn} section describes. */
    public static CommitteeSet shear(Recipe r) {
        return of(WorkdirLayout.SHEAR_COMMITTEES, r.learn(), r, Fingerprint.of());
    }

    /**
     * The weight committees the recipe's {@code learn-weights} section describes, trained on the
     * predictions of the recipe's shear set: another shear set makes another weight set.
     */
    public static CommitteeSet weight(Recipe r) {
        return of(WorkdirLayout.WEIGHT_COMMITTEES, r.learnWeights(), r,
                Fingerprint.of().with("committees.shear", shear(r).key()));
    }

    private static CommitteeSet of(String kind, CommitteeSettings c, Recipe r, Fingerprint upstream) {
        Fingerprint identity = Fingerprint.of().with("committees.kind", kind)
                .with(c.section() + ".dataset", c.dataset())
                .with(DatasetSettings.fingerprint(r.dataset(c.dataset())))
                .with("simulate.seed", r.simulationSeed())
                .with(c.fingerprint())
                .with(c.section() + ".max-failure-fraction", c.maxFailureFraction())
                .with(upstream);
        Set<String> data = new LinkedHashSet<>();
        Set<String> networks = new LinkedHashSet<>();
        for (CommitteeSettings.Component k : c.components()) {
            data.add(label(k.data()));
            networks.add(label(k.network()));
        }
        String name = String.join("+", data) + "_" + String.join("+", networks) + "-"
                + identity.digest().substring(0, HASH_CHARS);
        return new CommitteeSet(kind, c.dataset(), name, identity);
    }

    /** A configuration's file name without directory and {@code .conf}, in characters safe in any path. */
    static String label(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        if (base.endsWith(".conf")) {
            base = base.substring(0, base.length() - ".conf".length());
        }
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "-");
        return safe.isEmpty() ? "conf" : safe;
    }

    /** The set's key within its kind: {@code <dataset>/<name>}. */
    public String key() {
        return dataset + "/" + name;
    }

    /** The set's directory under the work directory, also the name of its training's completion records. */
    public String path() {
        return WorkdirLayout.committeeSetName(kind, key());
    }

    /** The set's directory. */
    public Path dir(String workdir) {
        return WorkdirLayout.of(workdir).table(path());
    }

    /**
     * Fails when the work directory holds committees or weight-training predictions in the layout before
     * committee sets were keyed ({@code committees/<kind>/subfield=S/}, {@code pred/<dataset>/subfield=S/}):
     * those files record no network configuration, so no key can be given to them, and reading them as
     * a keyed set would apply committees of unknown settings.
     *
     * @throws IllegalStateException naming the old directories and what to do
     */
    public static void requireKeyedLayout(String workdir, Configuration conf) throws IOException {
        WorkdirLayout layout = WorkdirLayout.of(workdir);
        List<Path> old = new ArrayList<>();
        for (String kind : List.of(WorkdirLayout.SHEAR_COMMITTEES, WorkdirLayout.WEIGHT_COMMITTEES)) {
            old.addAll(subfieldDirs(layout.committees(kind), conf));
        }
        Path pred = layout.table(WorkdirLayout.PREDICTIONS);
        FileSystem fs = pred.getFileSystem(conf);
        if (fs.exists(pred)) {
            for (FileStatus st : fs.listStatus(pred)) {
                if (st.isDirectory()) {
                    old.addAll(subfieldDirs(st.getPath(), conf));
                }
            }
        }
        if (!old.isEmpty()) {
            Set<Path> parents = new LinkedHashSet<>();
            old.forEach(p -> parents.add(p.getParent()));
            throw new IllegalStateException("work directory " + workdir + " holds committees or their predictions in"
                    + " the layout without committee set keys (" + parents + "): they record no network"
                    + " configuration, so they cannot be told apart from sets trained with another one. Use a new work"
                    + " directory, or delete " + WorkdirLayout.COMMITTEES + "/, " + WorkdirLayout.PREDICTIONS
                    + "/ and _state/learn, _state/learn-weights, _state/predict-for-weights in it and run learn again"
                    + " (the simulations and measurements are kept).");
        }
    }

    private static List<Path> subfieldDirs(Path dir, Configuration conf) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        List<Path> out = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus st : fs.listStatus(dir)) {
                if (st.isDirectory() && st.getPath().getName().startsWith(WorkdirLayout.SUBFIELD + "=")) {
                    out.add(st.getPath());
                }
            }
        }
        return out;
    }
}
