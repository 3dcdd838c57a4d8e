package org.megalut.spark.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.great3.StarCatalog;
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

/**
 * {@code measure-stars}: the PSF features (prefix {@code psf_}) of the star stamps of every subfield's
 * star field, into {@code <workdir>/stars/subfield=S/}. Star 0 is the exactly centred one whose shape
 * GREAT3 used as the PSF shape of the subfield.
 */
public final class MeasureStarsStep {
    public static final String NAME = WorkdirLayout.STARS;

    private MeasureStarsStep() { }

    public static StepOutcome run(SparkSession spark, RunSettings s) throws IOException {
        Fingerprint fingerprint = s.measurementFingerprint();
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        return SubfieldRunner.table(spark, s, NAME, MeasuredStarRow.TABLE.schema(), new String[] {"star"}, sf -> fingerprint,
                (jsc, subfields) -> jsc.parallelize(subfields, Math.max(1, subfields.size()))
                .flatMap(sf -> measureField(sf, s, conf).iterator()));
    }

    static List<SubfieldResult> measureField(int subfield, RunSettings s, SerializableConfiguration conf) {
        try {
            BranchFiles files = new BranchFiles(s.branchDir(), s.grid(), conf.value());
            StarCatalog cat = files.starCatalog(subfield);
            Image field = files.starField(subfield);
            StampMeasurer measurer = s.measure().measurer();
            List<SubfieldResult> out = new ArrayList<>();
            for (int k = 0; k < cat.size(); k++) {
                StampFeatures f = MeasureObsStep.measureStamp(field, cat.x(k), cat.y(k), s.grid().stampSize(), measurer);
                out.add(SubfieldResult.row(subfield,
                        MeasuredStarRow.TABLE.values(new MeasuredStarRow(subfield, k, cat.x(k), cat.y(k), f))));
            }
            return out;
        } catch (Exception e) {
            return List.of(SubfieldResult.failure(subfield, e));
        }
    }
}
