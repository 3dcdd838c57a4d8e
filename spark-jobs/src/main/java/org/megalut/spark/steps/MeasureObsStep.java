package org.megalut.spark.steps;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.great3.GalaxyCatalog;
import org.megalut.great3.StampRowBand;
import org.megalut.great3.Stamps;
import org.megalut.image.Image;
import org.megalut.meas.StampFeatures;
import org.megalut.meas.StampMeasurer;
import org.megalut.spark.BranchFiles;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.SubfieldResult;
import org.megalut.spark.SubfieldRunner;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.RunSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code measure-obs}: MegaLUT's features of every galaxy stamp of the branch, into
 * {@code <workdir>/obs/subfield=S/}. Each task measures one band of stamp rows of one subfield and reads
 * only that band's bytes of the image.
 */
public final class MeasureObsStep {
    public static final String NAME = WorkdirLayout.OBSERVATIONS;
    private static final Logger LOG = LoggerFactory.getLogger(MeasureObsStep.class);

    private MeasureObsStep() { }

    /** One task: a band of stamp rows of a subfield. */
    record BandTask(int subfield, StampRowBand band) implements Serializable { }

    public static StepOutcome run(SparkSession spark, RunSettings s) throws IOException {
        Fingerprint fingerprint = s.measurementFingerprint();
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        return SubfieldRunner.table(spark, s, NAME, ObservedGalaxyRow.TABLE.schema(), new String[] {"id"}, sf -> fingerprint,
                (jsc, subfields) -> {
            int nBands = (int) Math.ceil(s.grid().grid() / (double) s.measure().bandRows());
            List<BandTask> units = new ArrayList<>();
            for (int sf : subfields) {
                for (StampRowBand b : Stamps.bands(s.grid().grid(), nBands, s.grid().stampSize())) {
                    units.add(new BandTask(sf, b));
                }
            }
            // Units travel inside the closure (Java serialization); the RDD carries only their indices.
            JavaRDD<Integer> idx = jsc.parallelize(IntStream.range(0, units.size()).boxed().toList(), units.size());
            return idx.flatMap(i -> measureBand(units.get(i), s, conf.value()).iterator());
        });
    }

    static List<SubfieldResult> measureBand(BandTask u, RunSettings s, Configuration conf) {
        List<SubfieldResult> out = new ArrayList<>();
        try {
            BranchFiles files = new BranchFiles(s.branchDir(), s.grid(), conf);
            GalaxyCatalog cat = files.galaxyCatalog(u.subfield());
            Image rows = files.galaxyRows(u.subfield(), u.band().y0(), u.band().nrows());
            StampMeasurer measurer = s.measure().measurer();
            int size = s.grid().stampSize();
            int failures = 0;
            for (int k = 0; k < cat.size(); k++) {
                int x = cat.x(k);
                int y = cat.y(k);
                if (!u.band().containsPosition(y)) {
                    continue;
                }
                StampFeatures f = measureStamp(rows, x, y, size, measurer);
                if (!f.flag().hasFeatures()) {
                    failures++;
                }
                out.add(SubfieldResult.row(u.subfield(),
                        ObservedGalaxyRow.TABLE.values(new ObservedGalaxyRow(u.subfield(), cat.id(k), x, y, f))));
            }
            LOG.info("measure-obs subfield {} stamp rows {}-{}: {} stamps, {} without features", u.subfield(),
                    u.band().firstStampRow(), u.band().firstStampRow() + u.band().stampRows() - 1, out.size(), failures);
            return out;
        } catch (Exception e) {
            return List.of(SubfieldResult.failure(u.subfield(), e));
        }
    }

    /** Features of the stamp at catalog position (x, y); its expected centre is the stamp's true centre. */
    static StampFeatures measureStamp(Image field, int x, int y, int stampSize, StampMeasurer measurer) {
        Image stamp;
        try {
            stamp = Stamps.stamp(field, x, y, stampSize);
        } catch (IllegalArgumentException outside) {
            return StampMeasurer.outsideImage();
        }
        return measurer.measure(stamp, Stamps.trueCenter(x), Stamps.trueCenter(y));
    }
}
