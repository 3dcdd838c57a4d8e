package org.megalut.spark.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CommitteeIo;
import org.megalut.ml.committee.Member;
import org.megalut.spark.RunCommittees;
import org.megalut.spark.WorkdirLayout;

/**
 * The final costs of one trained committee of a prediction run's sets
 * ({@code <workdir>/committees/<kind>/<set key>/subfield=S/<name>.json}, written by {@code learn} and
 * {@code learn-weights}):
 * the mean over its kept members of the last training (minibatch) and validation cost. Read in one Spark
 * task per subfield, since a full run has hundreds of committee files. A committee that cannot be read
 * is kept with its error, for the report to show. (A plain class rather than a record: Spark's Kryo
 * cannot build records.)
 */
final class CommitteeCosts implements Serializable {
    private static final long serialVersionUID = 1L;

    final int subfield;
    /** {@code shear} or {@code weight}. */
    final String kind;
    /** The committee's prediction name, e.g. {@code pre_s1}. */
    final String name;
    /** The directory of its committee set. */
    final String setDir;
    final int members;
    final int kept;
    /** Mean final training cost of the kept members (the cost's units). */
    final double train;
    /** Mean final validation cost of the kept members. */
    final double valid;
    /** Why the committee could not be read, or null. */
    final String error;

    private CommitteeCosts(int subfield, String kind, String name, String setDir, int members, int kept, double train,
                           double valid, String error) {
        this.subfield = subfield;
        this.kind = kind;
        this.name = name;
        this.setDir = setDir;
        this.members = members;
        this.kept = kept;
        this.train = train;
        this.valid = valid;
        this.error = error;
    }

    /**
     * The costs of every committee of the given subfields in a run's sets, ordered by subfield, kind, name.
     *
     * @param workdir the pipeline's output root
     * @param sets    the committee sets the run applied
     */
    static List<CommitteeCosts> read(SparkSession spark, String workdir, RunCommittees sets, int[] subfields) {
        List<String> dirs = List.of(sets.dir(workdir, WorkdirLayout.SHEAR_COMMITTEES).toString(),
                sets.dir(workdir, WorkdirLayout.WEIGHT_COMMITTEES).toString());
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        List<Integer> list = Arrays.stream(subfields).boxed().toList();
        List<CommitteeCosts> out = new ArrayList<>(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(list, Math.max(1, Math.min(list.size(), 64)))
                .flatMap(sf -> ofSubfield(dirs, sf, conf.value()).iterator())
                .collect());
        out.sort(Comparator.<CommitteeCosts>comparingInt(c -> c.subfield).thenComparing(c -> c.kind)
                .thenComparing(c -> c.name));
        return out;
    }

    /** The committees of a subfield in the shear and the weight set's directories ({@code dirs}, in that order). */
    private static List<CommitteeCosts> ofSubfield(List<String> dirs, int subfield, Configuration conf)
            throws IOException {
        List<CommitteeCosts> out = new ArrayList<>();
        List<String> kinds = List.of(WorkdirLayout.SHEAR_COMMITTEES, WorkdirLayout.WEIGHT_COMMITTEES);
        for (int k = 0; k < kinds.size(); k++) {
            String kind = kinds.get(k);
            String setDir = dirs.get(k);
            Path dir = WorkdirLayout.subfield(new Path(setDir), subfield);
            FileSystem fs = dir.getFileSystem(conf);
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus st : fs.listStatus(dir)) {
                String file = st.getPath().getName();
                if (!st.isFile() || !file.endsWith(".json") || file.startsWith(".")) {
                    continue;
                }
                String name = file.substring(0, file.length() - ".json".length());
                try (InputStream in = fs.open(st.getPath())) {
                    out.add(of(subfield, kind, name, setDir, CommitteeIo.read(in)));
                } catch (IOException | RuntimeException e) {
                    out.add(new CommitteeCosts(subfield, kind, name, setDir, 0, 0, Double.NaN, Double.NaN,
                            st.getPath() + ": " + e.getMessage()));
                }
            }
        }
        return out;
    }

    static CommitteeCosts of(int subfield, String kind, String name, String setDir, Committee c) {
        double t = 0;
        double v = 0;
        List<Integer> kept = c.selected();
        for (Member m : c.members()) {
            if (kept.contains(m.index())) {
                t += m.history().lastTrainCost();
                v += m.history().lastValCost();
            }
        }
        int k = kept.size();
        return new CommitteeCosts(subfield, kind, name, setDir, c.members().size(), k, k == 0 ? Double.NaN : t / k,
                k == 0 ? Double.NaN : v / k, null);
    }

    /** The figure of this committee's cost curves, written by learn beside the JSON. */
    Path costFigure() {
        return WorkdirLayout.committeeFigure(WorkdirLayout.subfield(new Path(setDir), subfield), name, "cost");
    }
}
