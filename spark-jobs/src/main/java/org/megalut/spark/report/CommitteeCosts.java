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
import org.megalut.spark.WorkdirLayout;

/**
 * The final costs of one trained committee ({@code <workdir>/committees/<kind>/subfield=S/<name>.json},
 * written by {@code learn} and {@code learn-weights}):
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
    final int members;
    final int kept;
    /** Mean final training cost of the kept members (the cost's units). */
    final double train;
    /** Mean final validation cost of the kept members. */
    final double valid;
    /** Why the committee could not be read, or null. */
    final String error;

    private CommitteeCosts(int subfield, String kind, String name, int members, int kept, double train, double valid,
                           String error) {
        this.subfield = subfield;
        this.kind = kind;
        this.name = name;
        this.members = members;
        this.kept = kept;
        this.train = train;
        this.valid = valid;
        this.error = error;
    }

    /**
     * The costs of every committee of the given subfields, ordered by subfield, kind, name.
     *
     * @param workdir the pipeline's output root
     */
    static List<CommitteeCosts> read(SparkSession spark, String workdir, int[] subfields) {
        SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
        List<Integer> list = Arrays.stream(subfields).boxed().toList();
        List<CommitteeCosts> out = new ArrayList<>(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(list, Math.max(1, Math.min(list.size(), 64)))
                .flatMap(sf -> ofSubfield(workdir, sf, conf.value()).iterator())
                .collect());
        out.sort(Comparator.<CommitteeCosts>comparingInt(c -> c.subfield).thenComparing(c -> c.kind)
                .thenComparing(c -> c.name));
        return out;
    }

    private static List<CommitteeCosts> ofSubfield(String workdir, int subfield, Configuration conf) throws IOException {
        List<CommitteeCosts> out = new ArrayList<>();
        for (String kind : List.of(WorkdirLayout.SHEAR_COMMITTEES, WorkdirLayout.WEIGHT_COMMITTEES)) {
            Path dir = WorkdirLayout.subfield(WorkdirLayout.of(workdir).committees(kind), subfield);
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
                    out.add(of(subfield, kind, name, CommitteeIo.read(in)));
                } catch (IOException | RuntimeException e) {
                    out.add(new CommitteeCosts(subfield, kind, name, 0, 0, Double.NaN, Double.NaN,
                            st.getPath() + ": " + e.getMessage()));
                }
            }
        }
        return out;
    }

    static CommitteeCosts of(int subfield, String kind, String name, Committee c) {
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
        return new CommitteeCosts(subfield, kind, name, c.members().size(), k, k == 0 ? Double.NaN : t / k,
                k == 0 ? Double.NaN : v / k, null);
    }

    /** The figure of this committee's cost curves, written by learn beside the JSON. */
    Path costFigure(String workdir) {
        return WorkdirLayout.committeeFigure(WorkdirLayout.subfield(WorkdirLayout.of(workdir).committees(kind), subfield),
                name, "cost");
    }
}
