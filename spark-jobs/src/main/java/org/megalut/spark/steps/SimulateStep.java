package org.megalut.spark.steps;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.great3.Great3Images;
import org.megalut.image.Image;
import org.megalut.sim.megalut.DatasetSimulator;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.SimulatedStamp;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.SubfieldResult;
import org.megalut.spark.SubfieldRunner;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.settings.DatasetSettings;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.Recipe;
import org.megalut.spark.settings.RunSettings;


/**
 * {@code simulate <dataset>}: MegaLUT's training/validation simulations of each subfield, rendered with
 * the subfield's own star stamps as PSF and its observed noise level, measured like the observations,
 * and written in long form (one row per stamp) to {@code <workdir>/sim/<dataset>/subfield=S/}. One task
 * per (subfield, catalog). A dataset made with other settings is never mixed with new stamps: the step
 * refuses unless {@code --force}.
 */
public final class SimulateStep {

    private SimulateStep() { }

    /** Output table name of a dataset. */
    public static String name(String dataset) {
        return WorkdirLayout.simulationName(dataset);
    }

    /** Default of {@code simulate.stamps-per-task}. */
    public static final int STAMPS_PER_TASK = 2000;

    /**
     * Simulates a configured dataset ({@code datasets.<name>}) with the recipe's seed and task size; with
     * {@code keepImages} also writes the rendered stamps as FITS grids under
     * {@code <workdir>/sim-images/<dataset>/subfield=S/} (see {@link #imageFile}).
     */
    public static StepOutcome run(SparkSession spark, RunSettings s, String dataset, boolean keepImages)
            throws IOException {
        Recipe r = s.recipe();
        return run(spark, s, r.dataset(dataset), r.simulationSeed(), r.stampsPerTask(), keepImages);
    }

    public static StepOutcome run(SparkSession spark, RunSettings s, DatasetSpec spec, long seed)
            throws IOException {
        return run(spark, s, spec, seed, STAMPS_PER_TASK, false);
    }

    /**
     * @param stampsPerTask about how many stamps one Spark task renders and measures: a catalog is cut
     *                      into slices of whole galaxies (all their realizations); the output does not
     *                      depend on it
     */
    public static StepOutcome run(SparkSession spark, RunSettings s, DatasetSpec spec, long seed,
                                                 int stampsPerTask, boolean keepImages) throws IOException {
        // The simulations read the branch's star fields and are measured like the observations.
        Fingerprint fingerprint = DatasetSettings.fingerprint(spec).with("simulate.seed", seed)
                .with(s.measurementFingerprint());
        String name = name(spec.name());
        List<Integer> changed = SubfieldRunner.changedSettings(spark, s, name, sf -> fingerprint);
        if (!changed.isEmpty() && !s.force()) {
            throw new IllegalStateException("dataset " + spec.name() + " of subfield(s) "
                    + SubfieldRunner.ranges(changed) + " was simulated with other settings; rerun with --force to"
                    + " replace it (settings now:\n" + fingerprint + ")");
        }
        // a selection cuts on S/N against the subfield's noise even when the stamps are noiseless
        Map<Integer, Double> sigma = spec.noise() || spec.selection() != null ? noiseSigmas(spark, s) : Map.of();
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        return SubfieldRunner.table(spark, s, name, SimulatedStampRow.TABLE.schema(),
                new String[] {"catalog", "galaxy", "copy", "image"},
                sf -> fingerprint, (jsc, subfields) -> {
            int galaxies = spec.n() * spec.snc();
            int slice = Math.max(1, stampsPerTask / spec.nrea());
            List<SliceTask> tasks = new ArrayList<>();
            for (int sf : subfields) {
                for (int c = 0; c < spec.ncat(); c++) {
                    for (int first = 0; first < galaxies; first += slice) {
                        tasks.add(new SliceTask(sf, c, first, Math.min(slice, galaxies - first)));
                    }
                }
            }
            // Tasks travel inside the closure (Java serialization); the RDD carries only their indices.
            JavaRDD<Integer> idx = jsc.parallelize(IntStream.range(0, tasks.size()).boxed().toList(),
                    Math.max(1, tasks.size()));
            return idx.flatMap(i -> {
                SliceTask t = tasks.get(i);
                return simulateSlice(t.subfield(), t.catalog(), t.first(), t.count(), spec, seed, s, sigma, keepImages,
                        conf).iterator();
            });
        });
    }

    /** One task: {@code count} galaxies (with all their realizations) from {@code first} of a subfield's catalog. */
    record SliceTask(int subfield, int catalog, int first, int count) implements Serializable { }

    /** Mean sky MAD of each subfield's observed galaxies: the noise σ of its simulations (MegaLUT). */
    static Map<Integer, Double> noiseSigmas(SparkSession spark, RunSettings s) throws IOException {
        Path obs = WorkdirLayout.of(s.workdir()).table(MeasureObsStep.NAME);
        Map<Integer, Double> out = new HashMap<>();
        if (!obs.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(obs)) {
            return out;
        }
        Object[] selected = Arrays.stream(s.subfields()).boxed().toArray();
        for (Row r : spark.read().parquet(obs.toString()).where(col("subfield").isin(selected))
                .groupBy("subfield").agg(avg("skymad")).collectAsList()) {
            if (!r.isNullAt(1)) {
                out.put(r.getInt(0), r.getDouble(1));
            }
        }
        return out;
    }

    /**
     * The inspection image of a slice of a catalog and one realization: its galaxies (rotated copies
     * included, in catalog order, from galaxy {@code first}) on a grid of {@code nc} stamps per row, galaxy
     * k of the slice at column k mod nc, row k div nc, like a GREAT3 image.
     */
    public static Path imageFile(String workdir, String dataset, int subfield, int catalog, int first, int realization) {
        return new Path(WorkdirLayout.of(workdir).simulationImages(dataset, subfield),
                String.format("catalog-%03d-from-%05d-rea-%02d.fits", catalog, first, realization));
    }

    static List<SubfieldResult> simulateSlice(int subfield, int catalog, int first, int count, DatasetSpec spec,
                                              long seed, RunSettings s, Map<Integer, Double> sigma,
                                              boolean keepImages, SerializableConfiguration conf) {
        try {
            Double noise = sigma.get(subfield);
            if ((spec.noise() || spec.selection() != null) && noise == null) {
                throw new IllegalStateException("no observed galaxy features for subfield " + subfield
                        + " (needed for the noise level): run measure-obs first");
            }
            DatasetSimulator sim = new DatasetSimulator(spec, seed, subfield, SimulationPsfs.of(s, subfield, conf.value()),
                    noise == null ? 0 : noise, s.measure().measurer());
            int size = s.grid().stampSize();
            int cols = spec.nc();
            Image[] grids = new Image[keepImages ? spec.nrea() : 0];
            for (int r = 0; r < grids.length; r++) {
                grids[r] = Image.zeros(cols * size, (count + cols - 1) / cols * size);
            }
            DatasetSimulator.StampSink sink = !keepImages ? null : (k, r, stamp) -> {
                Image placed = stamp.withOrigin(k % cols * size, k / cols * size);
                grids[r].paste(placed);
            };
            List<SubfieldResult> out = new ArrayList<>();
            for (SimulatedStamp st : sim.catalog(catalog, first, count, sink)) {
                out.add(SubfieldResult.row(subfield, SimulatedStampRow.TABLE.values(new SimulatedStampRow(subfield, st))));
            }
            for (int r = 0; r < grids.length; r++) {
                Image grid = grids[r];
                AtomicWrite.stream(imageFile(s.workdir(), spec.name(), subfield, catalog, first, r), conf.value(),
                        os -> Great3Images.write(os, grid));
            }
            return out;
        } catch (Exception e) {
            return List.of(SubfieldResult.failure(subfield, e));
        }
    }
}
