package org.megalut.spark;

import org.apache.hadoop.fs.Path;

/**
 * Where every output lives under a work directory: the one place that knows the layout.
 * <pre>
 *   stars/subfield=S/            measured star features (Parquet)
 *   obs/subfield=S/              measured galaxy features (Parquet)
 *   psfs/, psfs.csv              the PSF table of check-psfs
 *   sim/DATASET/subfield=S/      a simulated dataset (Parquet)
 *   sim-images/DATASET/subfield=S/   its stamps as FITS grids, when kept
 *   pred/SHEARSET/DATASET/subfield=S/    a shear set's predictions on a dataset (training tables of the weights)
 *   committees/KIND/SET/subfield=S/      a committee set of a kind (shear, weight) with its figures ({@link CommitteeSet})
 *   results/PREDCODE/, mimic/PREDCODE/   prediction runs ({@link PredictionRun}), with the sets they apply
 *   _state/STEP/SSS.done|failed  completion records ({@link SubfieldState})
 *   _lock                        the lock of the command using the directory
 * </pre>
 * A directory {@code subfield=S} is Hive-style partitioning, which Spark reads back as a column.
 *
 * @param root the work directory (a Hadoop URI)
 */
public record WorkdirLayout(Path root) {
    /** The partition column of every per-subfield output. */
    public static final String SUBFIELD = "subfield";

    /** Table of the star features ({@code measure-stars}). */
    public static final String STARS = "stars";

    /** Table of the observed galaxies' features ({@code measure-obs}). */
    public static final String OBSERVATIONS = "obs";

    /** Table of the PSF conditions ({@code check-psfs}); {@code psfs.csv} beside it. */
    public static final String PSFS = "psfs";

    /** The shear committees' kind under {@code committees/}. */
    public static final String SHEAR_COMMITTEES = "shear";

    /** The weight committees' kind under {@code committees/}. */
    public static final String WEIGHT_COMMITTEES = "weight";

    public static WorkdirLayout of(String workdir) {
        return new WorkdirLayout(new Path(workdir));
    }

    /** {@code dir/subfield=S}: a subfield's part of a per-subfield output. */
    public static Path subfield(Path dir, int subfield) {
        return new Path(dir, SUBFIELD + "=" + subfield);
    }

    /** A table or directory by its name relative to the root (e.g. {@code obs}, {@code sim/train-shear}). */
    public Path table(String name) {
        return new Path(root, name);
    }

    /** The directory of the simulated datasets' tables. */
    public static final String SIMULATIONS = "sim";

    /** The directory of the committee sets. */
    public static final String COMMITTEES = "committees";

    /** Name of a simulated dataset's table, also the name of its step's completion records. */
    public static String simulationName(String dataset) {
        return SIMULATIONS + "/" + dataset;
    }

    /** The directory of the shear sets' predictions on the weights' training datasets. */
    public static final String PREDICTIONS = "pred";

    /** Name of the committees of a kind ({@link #SHEAR_COMMITTEES}, {@link #WEIGHT_COMMITTEES}). */
    public static String committeesName(String kind) {
        return COMMITTEES + "/" + kind;
    }

    /** Name of a committee set of a kind by its key ({@link CommitteeSet#key}), also of its training's records. */
    public static String committeeSetName(String kind, String key) {
        return committeesName(kind) + "/" + key;
    }

    public Path simulation(String dataset) {
        return table(simulationName(dataset));
    }

    /** The FITS grids of a dataset's stamps for a subfield ({@code simulate --keep-images}). */
    public Path simulationImages(String dataset, int subfield) {
        return subfield(new Path(new Path(root, "sim-images"), dataset), subfield);
    }

    /**
     * Name of a shear set's predictions on a simulated dataset (the training table of the weight sets
     * keyed on that shear set), also the name of their step's completion records.
     *
     * @param shearSet the shear set's key ({@link CommitteeSet#key})
     */
    public static String predictionsName(String shearSet, String dataset) {
        return PREDICTIONS + "/" + shearSet + "/" + dataset;
    }

    /** A shear set's predictions on a simulated dataset. */
    public Path predictions(String shearSet, String dataset) {
        return table(predictionsName(shearSet, dataset));
    }

    /** The committees of a kind ({@link #SHEAR_COMMITTEES}, {@link #WEIGHT_COMMITTEES}). */
    public Path committees(String kind) {
        return table(committeesName(kind));
    }

    /**
     * A figure of a committee, beside its JSON in the subfield's committee directory:
     * {@code <prediction>-<figure>.png} ({@code cost}: cost curves; {@code selfpred}: self-prediction).
     */
    public static Path committeeFigure(Path subfieldDir, String prediction, String figure) {
        return new Path(subfieldDir, prediction + "-" + figure + ".png");
    }

    /** The root of a prediction run: {@code results/PREDCODE} or {@code mimic/PREDCODE}. */
    public Path run(String targetDir, String predcode) {
        return new Path(new Path(root, targetDir), predcode);
    }

    /** The completion records of all steps. */
    public Path state() {
        return new Path(root, "_state");
    }

    /** The completion records of one step. */
    public Path state(String step) {
        return new Path(state(), step);
    }
}
