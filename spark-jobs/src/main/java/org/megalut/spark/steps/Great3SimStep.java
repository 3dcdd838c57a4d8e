package org.megalut.spark.steps;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.fits.Bitpix;
import org.megalut.fits.FitsImageBandWriter;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.DictFormat;
import org.megalut.great3.EpochDither;
import org.megalut.great3.GalaxyCatalog;
import org.megalut.great3.Great3Images;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarCatalog;
import org.megalut.great3.StarShapeParams;
import org.megalut.great3.SubfieldOffset;
import org.megalut.image.Image;
import org.megalut.render.PsfKGrids;
import org.megalut.render.StampDrawer;
import org.megalut.sim.great3.BranchGeometry;
import org.megalut.sim.great3.GalaxyParams;
import org.megalut.sim.great3.PlacedGalaxy;
import org.megalut.sim.great3.SubfieldConditions;
import org.megalut.sim.great3.SubfieldSimulator;
import org.megalut.spark.io.HadoopSource;
import org.megalut.spark.settings.SimSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * {@code great3-sim}: writes a GREAT3-format constant-shear branch and its truth.
 *
 * <p>Stage 1, one task per subfield: conditions, star field, catalogues, small dict files, truth files,
 * and the galaxy selection, whose per-galaxy truth goes to {@code <truth>/galaxies/subfield=S/} (Parquet).
 * Stage 2, one task per band of stamp rows: renders the band's galaxies from that truth table into a
 * temporary band image. Stage 3, one task per subfield: assembles the bands into
 * {@code image-SSS-0.fits}. Every draw is keyed by (seed, subfield, purpose, position), so the files do
 * not depend on how the work is split.
 */
public final class Great3SimStep {
    private static final Logger LOG = LoggerFactory.getLogger(Great3SimStep.class);

    private Great3SimStep() { }

    /** Per-galaxy truth columns. */
    public static StructType truthSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("subfield", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("id", DataTypes.LongType, false));
        for (String n : List.of("x", "y", "position", "draw", "twin")) {
            f.add(DataTypes.createStructField(n, DataTypes.IntegerType, false));
        }
        for (String n : DOUBLE_COLUMNS) {
            f.add(DataTypes.createStructField(n, DataTypes.DoubleType, false));
        }
        return DataTypes.createStructType(f);
    }

    private static final List<String> DOUBLE_COLUMNS = List.of(
            "flux", "bulge_fraction", "bulge_n", "bulge_hlr", "bulge_q", "bulge_beta", "disk_hlr", "disk_q", "disk_beta",
            "rotation", "offset_x", "offset_y", "snr", "resolution",
            "shear_g1", "shear_g2", "psf_fwhm", "psf_atm_e", "psf_atm_beta", "psf_lam_over_diam", "psf_obscuration",
            "psf_defocus", "psf_astig1", "psf_astig2", "psf_coma1", "psf_coma2", "psf_trefoil1", "psf_trefoil2",
            "psf_spher", "noise_variance");

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
                .flatMap(s -> subfieldFiles(sim, s, out, truthOut, conf.value()).iterator());
        Path galaxies = new Path(truthOut, "galaxies");
        spark.createDataFrame(truthRows, truthSchema()).repartition(col("subfield"))
                .sortWithinPartitions("subfield", "position")
                .write().mode(SaveMode.Overwrite).partitionBy("subfield").parquet(galaxies.toString());

        // Stage 2: bands rendered from the truth table, one band per partition (dense keys: a hash
        // partitioner of n partitions sends integer key k < n to partition k).
        BranchGeometry g = sim.recipe().geometry();
        int bands = (g.grid() + sim.bandRows() - 1) / sim.bandRows();
        int[] sorted = list.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        Dataset<Row> truth = spark.read().parquet(galaxies.toString()).where(col("subfield").isin(list.toArray()));
        Path tmp = new Path(out, "_bands");
        truth.javaRDD()
                .mapToPair(r -> new Tuple2<>(bandKey(r, sorted, sim.bandRows(), g.grid(), bands), StampTruth.encode(r)))
                .partitionBy(new HashPartitioner(Math.max(1, sorted.length * bands)))
                .foreachPartition(it -> renderBand(sim, sorted, bands, it, tmp, conf.value()));

        // Stage 3: assemble each subfield's image.
        jsc.parallelize(list, Math.max(1, list.size())).foreach(s -> assemble(sim, s, bands, out, tmp, conf.value()));
        FileSystem fs = tmp.getFileSystem(conf.value());
        fs.delete(tmp, true);
        return new Outcome(list, truth.count(), (System.nanoTime() - t0) * 1e-9);
    }

    /** Dense band index: the subfield's rank among the generated ones × bands + its band of stamp rows. */
    private static int bandKey(Row r, int[] sorted, int bandRows, int grid, int bands) {
        int rank = Arrays.binarySearch(sorted, r.getInt(r.fieldIndex("subfield")));
        return rank * bands + (r.getInt(r.fieldIndex("position")) / grid) / bandRows;
    }

    /** Stage 1 for one subfield: writes its small files and returns its per-galaxy truth rows. */
    static List<Row> subfieldFiles(SimSettings sim, int s, String out, String truthOut, Configuration conf)
            throws IOException {
        long t0 = System.nanoTime();
        BranchGeometry g = sim.recipe().geometry();
        // the JVM's shared PSF of the subfield: the k-grids its selection computes serve its bands too
        SubfieldSimulator simulator = new SubfieldSimulator(sim.recipe(), sim.seed(), s, psf(sim, s), DRAWERS.get());
        SubfieldConditions c = simulator.conditions();
        Image stars = simulator.starField();
        Path dir = new Path(out);
        FileSystem fs = dir.getFileSystem(conf);
        write(fs, new Path(dir, BranchLayout.starField(s)), os -> Great3Images.write(os, stars, g.pixelScale()));
        GalaxyCatalog cat = GalaxyCatalog.grid(s, g.grid(), g.stampSize());
        write(fs, new Path(dir, BranchLayout.galaxyCatalogTxt(s)), cat::writeTxt);
        write(fs, new Path(dir, BranchLayout.galaxyCatalogFits(s)), cat::writeFits);
        StarCatalog sc = StarCatalog.grid(g.starGrid(), g.stampSize());
        write(fs, new Path(dir, BranchLayout.starCatalogTxt(s)), sc::writeTxt);
        write(fs, new Path(dir, BranchLayout.starCatalogFits(s)), sc::writeFits);
        write(fs, new Path(dir, BranchLayout.subfieldOffsetYaml(s)), os -> SubfieldOffset.ZERO.write(os, DictFormat.YAML));
        write(fs, new Path(dir, BranchLayout.subfieldOffsetTxt(s)), os -> SubfieldOffset.ZERO.write(os, DictFormat.TXT));
        write(fs, new Path(dir, BranchLayout.epochDitherYaml(s)), os -> EpochDither.ZERO.write(os, DictFormat.YAML));
        write(fs, new Path(dir, BranchLayout.epochDitherTxt(s)), os -> EpochDither.ZERO.write(os, DictFormat.TXT));
        if (!BranchLayout.isDeep(s)) {
            // GREAT3's truth covers the regular subfields only.
            Path tdir = new Path(truthOut);
            ShearParams shear = new ShearParams(c.g1(), c.g2());
            write(fs, new Path(tdir, BranchLayout.shearParamsYaml(s)), os -> shear.write(os, DictFormat.YAML));
            write(fs, new Path(tdir, BranchLayout.shearParamsTxt(s)), os -> shear.write(os, DictFormat.TXT));
            StarShapeParams psf = simulator.starShape(stars);
            write(fs, new Path(tdir, BranchLayout.starShapeParamsYaml(s)), os -> psf.write(os, DictFormat.YAML));
            write(fs, new Path(tdir, BranchLayout.starShapeParamsTxt(s)), os -> psf.write(os, DictFormat.TXT));
        }
        List<PlacedGalaxy> placed = simulator.galaxies();
        double[] ab = c.aberrations();
        List<Row> rows = new ArrayList<>(placed.size());
        for (PlacedGalaxy p : placed) {
            GalaxyParams q = p.params();
            Object[] v = new Object[7 + DOUBLE_COLUMNS.size()];
            v[0] = s;
            v[1] = cat.id(p.position());
            v[2] = cat.x(p.position());
            v[3] = cat.y(p.position());
            v[4] = p.position();
            v[5] = p.draw();
            v[6] = p.twin();
            double[] d = {q.flux(), q.bulgeFraction(), q.bulgeN(), q.bulgeHlr(), q.bulgeQ(), q.bulgeBeta(), q.diskHlr(),
                q.diskQ(), q.diskBeta(), p.rotation(), p.offsetX(), p.offsetY(), p.snr(), p.resolution(), c.g1(), c.g2(),
                c.fwhm(), c.atmE(), c.atmBeta(), c.lamOverDiam(), c.obscuration(), ab[0], ab[1], ab[2], ab[3], ab[4],
                ab[5], ab[6], ab[7], c.noiseVariance()};
            for (int i = 0; i < d.length; i++) {
                v[7 + i] = d[i];
            }
            rows.add(RowFactory.create(v));
        }
        LOG.info("great3-sim subfield {}: seeing {}\", noise variance {}, shear ({}, {}), {} galaxies selected in {} s",
                s, String.format("%.3f", c.fwhm()), String.format("%.5f", c.noiseVariance()),
                String.format("%.4f", c.g1()), String.format("%.4f", c.g2()), placed.size(),
                String.format("%.1f", (System.nanoTime() - t0) * 1e-9));
        return rows;
    }

    /** Stage 2: renders the band of one partition (all its galaxies share one key) into a temporary FITS band. */
    static void renderBand(SimSettings sim, int[] sorted, int bands, Iterator<Tuple2<Integer, double[]>> rows, Path tmp,
                           Configuration conf) throws IOException {
        if (!rows.hasNext()) {
            return;
        }
        List<PlacedGalaxy> galaxies = new ArrayList<>();
        int key = -1;
        while (rows.hasNext()) {
            Tuple2<Integer, double[]> t = rows.next();
            key = t._1();
            galaxies.add(StampTruth.decode(t._2()));
        }
        int subfield = sorted[key / bands];
        int band = key % bands;
        BranchGeometry g = sim.recipe().geometry();
        int first = band * sim.bandRows();
        int nrows = Math.min(sim.bandRows(), g.grid() - first);
        Image image = new SubfieldSimulator(sim.recipe(), sim.seed(), subfield, psf(sim, subfield), DRAWERS.get())
                .drawBand(galaxies, first, nrows);
        Path p = new Path(tmp, String.format("%03d-%04d.fits", subfield, band));
        write(p.getFileSystem(conf), p, os -> Great3Images.write(os, image, g.pixelScale()));
    }

    /** One drawer per executor thread, kept across tasks (its FFT plans and buffers). */
    private static final ThreadLocal<StampDrawer> DRAWERS = ThreadLocal.withInitial(StampDrawer::new);

    /**
     * PSFs, with their k-grids, of recently simulated subfields in this executor JVM: a subfield's
     * selection and its bands share one, on whichever thread they run, so each grid is computed once
     * per JVM while the subfield stays among the last eight.
     */
    private static final Map<SubfieldConditions, PsfKGrids> PSFS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SubfieldConditions, PsfKGrids> eldest) {
            return size() > 8;
        }
    };

    /** The subfield's PSF, a function of its conditions alone (compared by value). */
    private static PsfKGrids psf(SimSettings sim, int subfield) {
        SubfieldConditions c = sim.recipe().conditions().draw(sim.seed(), subfield);
        synchronized (PSFS) {
            return PSFS.computeIfAbsent(c, k -> new PsfKGrids(SubfieldSimulator.psf(k)));
        }
    }

    /**
     * Stage 3: the subfield's image written with GREAT3's header, its data copied from the bands' files
     * byte for byte (the bands are float32 FITS of the full width, bottom band first).
     */
    static void assemble(SimSettings sim, int subfield, int bands, String out, Path tmp, Configuration conf)
            throws IOException {
        BranchGeometry g = sim.recipe().geometry();
        int side = g.grid() * g.stampSize();
        Path dir = new Path(out);
        write(dir.getFileSystem(conf), new Path(dir, BranchLayout.galaxyImage(subfield)), os -> {
            FitsImageBandWriter image = new FitsImageBandWriter(os, side, side, Bitpix.FLOAT32,
                    Great3Images.headerCards(0, 0, g.pixelScale()));
            for (int b = 0; b < bands; b++) {
                try (HadoopSource src = HadoopSource.open(new Path(tmp, String.format("%03d-%04d.fits", subfield, b)), conf)) {
                    image.copy(src);
                }
            }
            image.finish();
        });
    }

    /** Writer of one file's bytes. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a file through the FileSystem, replacing it. */
    static void write(FileSystem fs, Path path, Writer writer) throws IOException {
        // A GREAT3 branch directory holds exactly GREAT3's files: no checksum side files on local disks.
        fs.setWriteChecksum(false);
        try (OutputStream os = fs.create(path, true)) {
            writer.write(os);
        }
    }

    /** Subfields of a generation: the regular ones asked for, plus deep 200… when configured. */
    public static int[] withDeep(int[] regular, int deep) {
        return IntStream.concat(Arrays.stream(regular), IntStream.range(BranchLayout.FIRST_DEEP, BranchLayout.FIRST_DEEP + deep))
                .distinct().sorted().toArray();
    }
}
