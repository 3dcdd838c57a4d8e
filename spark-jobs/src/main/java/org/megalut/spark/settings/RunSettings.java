package org.megalut.spark.settings;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.great3.ObservationType;
import org.megalut.great3.ShearType;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.meas.StampMeasurer;

/**
 * The settings of one pipeline invocation: the merged configuration (defaults, {@code --conf} file,
 * then command-line overrides) read once, at the command's edge, into typed immutable values (network
 * configurations parsed, datasets checked) that every step takes instead of reading keys. Serializable so
 * tasks can carry it.
 *
 * @param branchDir  GREAT3-format branch directory URI (may be empty for steps that do not read it)
 * @param truthDir   truth directory URI, or empty
 * @param workdir    output root URI
 * @param subfields  the selected subfields, sorted
 * @param master     Spark master, or null to let spark-submit decide
 * @param force      redo subfields whose outputs already exist and validate
 * @param measure    how stamps are measured
 * @param grid       the branch's geometry
 * @param spark      the Spark settings
 * @param recipe     the committees, simulations, validation and prediction run
 */
public record RunSettings(String branchDir, String truthDir, String workdir, int[] subfields, String master,
                          boolean force, Measure measure, Grid grid, Spark spark, Recipe recipe)
        implements Serializable {

    /**
     * The configuration's sections whose entries the user names ({@code datasets.<name>}): the loader
     * ({@code StrictConfig}) leaves them to {@link #from}, which checks each entry.
     */
    public static final Set<String> NAMED_SECTIONS = Set.of(DatasetSettings.SECTION);

    /** Measurement settings (config section {@code measure}). */
    public record Measure(double guessSigma, int maxIterations, boolean retry, double retryGuessSigma,
                          int retryMaxIterations, double maxCentroidShift, int bandRows) implements Serializable {

        /**
         * The settings that determine measured values, under their configuration keys: {@code band-rows}
         * only cuts the work into tasks and is left out, so changing it redoes nothing.
         */
        public Fingerprint fingerprint() {
            return Fingerprint.of().with("measure.guess-sigma", guessSigma).with("measure.max-iterations", maxIterations)
                    .with("measure.retry", retry).with("measure.retry-guess-sigma", retryGuessSigma)
                    .with("measure.retry-max-iterations", retryMaxIterations)
                    .with("measure.max-centroid-shift", maxCentroidShift);
        }

        /** The stamp measurer these settings describe. */
        public StampMeasurer measurer() {
            AdaptiveMomentsParams first = AdaptiveMomentsParams.HSM_DEFAULTS.withGuessSigma(guessSigma)
                    .withMaxIterations(maxIterations);
            AdaptiveMomentsParams second = retry ? AdaptiveMomentsParams.HSM_DEFAULTS
                    .withGuessSigma(retryGuessSigma).withMaxIterations(retryMaxIterations) : null;
            return new StampMeasurer(first, second, maxCentroidShift);
        }
    }

    /**
     * Branch geometry (config section {@code branch}).
     *
     * @param grid      galaxy stamps per side of a subfield image
     * @param stampSize stamp side [px], the observation type's
     * @param starGrid  star stamps per side of a star field
     * @param obstype   the observation type, which also sets the pixel scale
     */
    public record Grid(int grid, int stampSize, int starGrid, ObservationType obstype, ShearType shearType)
            implements Serializable {

        /**
         * Reads the geometry of the {@code branch} section.
         *
         * @throws IllegalArgumentException for a non-positive size, an unknown observation type or a stamp size
         *                                  that is not the observation type's
         */
        public static Grid from(Config c) {
            ObservationType obstype = ObservationType.byName(c.getString("branch.obstype"));
            int stampSize = positive(c, "branch.stamp-size");
            obstype.requireStampSize(stampSize, "branch.stamp-size");
            return new Grid(positive(c, "branch.grid"), stampSize, positive(c, "branch.star-grid"), obstype,
                    ShearType.byName(c.getString("branch.shear-type")));
        }

        /**
         * The geometry under its configuration keys, for completion fingerprints. The observation type and the
         * shear type enter only when they are not the defaults (ground, constant), so that records made before
         * they existed stay valid.
         */
        public Fingerprint fingerprint() {
            Fingerprint f = Fingerprint.of().with("branch.grid", grid).with("branch.stamp-size", stampSize)
                    .with("branch.star-grid", starGrid);
            f = obstype == ObservationType.GROUND ? f : f.with("branch.obstype", obstype.configName());
            return shearType == ShearType.CONSTANT ? f : f.with("branch.shear-type", shearType.configName());
        }
    }

    /** Spark settings (config section {@code spark}). */
    public record Spark(String defaultMaster, String appName, int shufflePartitions,
                        Map<String, String> settings) implements Serializable { }

    /** Typed view of a merged configuration with the command-line overrides already applied. */
    public static RunSettings from(Config c, int[] subfields, String master, boolean force) {
        Measure measure = new Measure(c.getDouble("measure.guess-sigma"), c.getInt("measure.max-iterations"),
                c.getBoolean("measure.retry"), c.getDouble("measure.retry-guess-sigma"),
                c.getInt("measure.retry-max-iterations"), c.getDouble("measure.max-centroid-shift"),
                positive(c, "measure.band-rows"));
        Grid grid = Grid.from(c);
        Map<String, String> extra = new TreeMap<>();
        Config settings = c.getConfig("spark.settings");
        settings.entrySet().forEach(e -> extra.put(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped())));
        Spark spark = new Spark(c.getString("spark.master"), c.getString("spark.app-name"),
                positive(c, "spark.shuffle-partitions"), extra);
        return new RunSettings(c.getString("branch.dir"), c.getString("branch.truth"), c.getString("workdir"),
                subfields, master, force, measure, grid, spark, Recipe.from(c));
    }

    private static int positive(Config c, String key) {
        int v = c.getInt(key);
        if (v <= 0) {
            throw new IllegalArgumentException("configuration key " + key + " must be positive, found " + v);
        }
        return v;
    }

    private static String unquote(String key) {
        return key.length() > 1 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }

    /**
     * The same settings with the branch, truth and work directories fully qualified (scheme and absolute
     * path): a relative path is resolved here, on the driver, against the default file system's working
     * directory (the current directory for the local one), since executors run in directories of their
     * own. Empty paths stay empty.
     */
    public RunSettings qualified(Configuration conf) throws IOException {
        return new RunSettings(qualify(branchDir, conf), qualify(truthDir, conf), qualify(workdir, conf), subfields,
                master, force, measure, grid, spark, recipe);
    }

    /** A path as a fully qualified URI string; blank stays blank. */
    public static String qualify(String path, Configuration conf) throws IOException {
        if (path == null || path.isBlank()) {
            return path;
        }
        Path p = new Path(path);
        return p.getFileSystem(conf).makeQualified(p).toString();
    }

    /** The same settings restricted to some of the subfields (sorted). */
    public RunSettings withSubfields(int[] selected) {
        return new RunSettings(branchDir, truthDir, workdir, selected.clone(), master, force, measure, grid, spark,
                recipe);
    }

    /**
     * The Hadoop configuration Spark will use, for checks made before Spark starts: the defaults, then the
     * {@code spark.hadoop.*} settings of the configuration and of the system properties (spark-submit's
     * {@code --conf}), with the prefix removed, as Spark applies them.
     */
    public Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        String prefix = "spark.hadoop.";
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted()
                .forEach(k -> conf.set(k.substring(prefix.length()), System.getProperty(k)));
        spark.settings().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                conf.set(k.substring(prefix.length()), v);
            }
        });
        return conf;
    }

    /**
     * What determines features measured on the branch's stamps: the branch, its geometry and the
     * measurement settings (requires a branch directory).
     */
    public Fingerprint measurementFingerprint() {
        return Fingerprint.of().with("branch.dir", requireBranch()).with(grid.fingerprint()).with(measure.fingerprint());
    }

    /** The branch directory, or an error saying how to give it. */
    public String requireBranch() {
        if (branchDir == null || branchDir.isBlank()) {
            throw new IllegalArgumentException("no branch directory: give --branch DIR or branch.dir in --conf");
        }
        return branchDir;
    }
}
