package org.megalut.spark.steps;

import static org.apache.spark.sql.functions.col;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.great3.BranchLayout;
import org.megalut.sim.great3.BranchGeometry;
import org.megalut.spark.settings.SimSettings;
import scala.Tuple2;


/**
 * {@code great3-sim}: writes a GREAT3-format constant- or variable-shear branch and its truth, in three
 * Spark stages.
 *
 * <p>Stage 1, one task per subfield ({@link Great3SubfieldFiles}): conditions, star field, catalogues,
 * small dict files, truth files, and the galaxy selection, whose per-galaxy truth goes to
 * {@code <truth>/galaxies/subfield=S/} ({@link GalaxyTruthRow}). Stage 2, one task per band of stamp
 * rows ({@link ImageBands}, {@link Great3BandRenderer}): renders the band's galaxies from that truth
 * table into a temporary band image. Stage 3, one task per subfield ({@link Great3ImageAssembly}):
 * assembles the bands into {@code image-SSS-0.fits}. Every draw is keyed by (seed, subfield, purpose,
 * position), or (seed, field, purpose) for a variable-shear field and its subfield offsets, so the files do
 * not depend on how the work is split.
 */
public final class Great3SimStep {

    private Great3SimStep() { }

    /** What was generated. */
    public record Outcome(List<Integer> subfields, long galaxies, double seconds) { }

    /**
     * Generates the given subfields.
     *
     * @param out      branch directory (public files)
     * @param truthOut truth directory (truth files and the per-galaxy table)
     */
    public static Outcome run(SparkSession spark, SimSettings sim, int[] subfields, String out, String truthOut)
            throws IOException {
        long t0 = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        for (String dir : List.of(out, truthOut)) {
            Path p = new Path(dir);
            p.getFileSystem(conf.value()).mkdirs(p);
        }
        List<Integer> list = Arrays.stream(subfields).boxed().toList();

        // Stage 1: per-subfield files and the galaxy truth.
        JavaRDD<Row> truthRows = jsc.parallelize(list, Math.max(1, list.size()))
                .flatMap(s -> Great3SubfieldFiles.write(sim, s, out, truthOut, conf.value()).iterator())
                .map(GalaxyTruthRow.TABLE::row);
        Path galaxies = new Path(truthOut, "galaxies");
        spark.createDataFrame(truthRows, GalaxyTruthRow.TABLE.schema()).repartition(col("subfield"))
                .sortWithinPartitions("subfield", "position")
                .write().mode(SaveMode.Overwrite).partitionBy("subfield").parquet(galaxies.toString());

        // Stage 2: bands rendered from the truth table, one band per partition.
        BranchGeometry g = sim.recipe().geometry();
        ImageBands bands = new ImageBands(list.stream().mapToInt(Integer::intValue).distinct().sorted().toArray(),
                g.grid(), sim.bandRows());
        Dataset<Row> truth = spark.read().parquet(galaxies.toString()).where(col("subfield").isin(list.toArray()));
        Path tmp = new Path(out, "_bands");
        truth.javaRDD()
                .map(GalaxyTruthRow.TABLE::decode)
                .mapToPair(t -> new Tuple2<>(bands.key(t.subfield(), t.galaxy().position()), StampTruth.encode(t.galaxy())))
                .partitionBy(new HashPartitioner(bands.count()))
                .foreachPartition(it -> Great3BandRenderer.render(sim, bands, it, tmp, conf.value()));

        // Stage 3: assemble each subfield's image.
        jsc.parallelize(list, Math.max(1, list.size()))
                .foreach(s -> Great3ImageAssembly.assemble(sim, bands, s, out, tmp, conf.value()));
        tmp.getFileSystem(conf.value()).delete(tmp, true);
        return new Outcome(list, truth.count(), (System.nanoTime() - t0) * 1e-9);
    }

    /** Subfields of a generation: the regular ones asked for, plus deep 200… when configured. */
    public static int[] withDeep(int[] regular, int deep) {
        return IntStream.concat(Arrays.stream(regular), IntStream.range(BranchLayout.FIRST_DEEP, BranchLayout.FIRST_DEEP + deep))
                .distinct().sorted().toArray();
    }
}
