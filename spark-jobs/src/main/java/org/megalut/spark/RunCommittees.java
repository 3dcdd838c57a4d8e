package org.megalut.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.spark.io.AtomicWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committee sets a prediction run applies, recorded in its directory as {@code committees.json}
 * ({@code {"shear": "<key>", "weight": "<key>"}}, keys of {@link CommitteeSet#key}): the run's
 * predictions, group table, metrics and report all come from these sets, whatever the configuration says
 * later. A run is bound to its sets and never mixes subfields predicted by different sets: predicting it
 * with other sets starts it afresh (its outputs from the old sets are deleted), which is allowed only when
 * every subfield it holds is predicted again; to keep both, give the other sets their own predcode.
 *
 * @param shear  the shear set's key
 * @param weight the weight set's key
 */
public record RunCommittees(String shear, String weight) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RunCommittees.class);

    /** The sets a recipe names. */
    public static RunCommittees of(CommitteeSet shear, CommitteeSet weight) {
        return new RunCommittees(shear.key(), weight.key());
    }

    /** The directory of one of the sets ({@link WorkdirLayout#SHEAR_COMMITTEES}, {@link WorkdirLayout#WEIGHT_COMMITTEES}). */
    public Path dir(String workdir, String kind) {
        String key = switch (kind) {
            case WorkdirLayout.SHEAR_COMMITTEES -> shear;
            case WorkdirLayout.WEIGHT_COMMITTEES -> weight;
            default -> throw new IllegalArgumentException("committee kind must be "
                    + WorkdirLayout.SHEAR_COMMITTEES + " or " + WorkdirLayout.WEIGHT_COMMITTEES + ", found " + kind);
        };
        return WorkdirLayout.of(workdir).table(WorkdirLayout.committeeSetName(kind, key));
    }

    /** {@code shear <key>, weight <key>}, for messages and reports. */
    @Override
    public String toString() {
        return WorkdirLayout.SHEAR_COMMITTEES + " " + shear + ", " + WorkdirLayout.WEIGHT_COMMITTEES + " " + weight;
    }

    /**
     * Records these sets for a run about to predict the given subfields. A run recorded with other sets
     * is started afresh when those subfields include every one it holds, and is an error otherwise.
     *
     * @param subfields the subfields about to be predicted
     * @throws IllegalStateException when the run holds subfields predicted with other sets that are not
     *                               about to be predicted again, naming them, both sets and what to do
     */
    public void bind(PredictionRun run, int[] subfields, Configuration conf) throws IOException {
        RunCommittees recorded = read(run, conf);
        if (equals(recorded)) {
            return;
        }
        FileSystem fs = run.root().getFileSystem(conf);
        if (recorded != null) {
            Set<Integer> selected = Arrays.stream(subfields).boxed().collect(Collectors.toSet());
            TreeSet<Integer> left = new TreeSet<>();
            for (int sf : predicted(run, fs)) {
                if (!selected.contains(sf)) {
                    left.add(sf);
                }
            }
            if (!left.isEmpty()) {
                throw new IllegalStateException(run.label() + " holds subfields " + left + " predicted with the"
                        + " committee sets " + recorded + " (" + run.committeesJson() + "); the configuration now names "
                        + this + ". Give these sets their own run with --predcode NAME, or predict every subfield of"
                        + " the run again with them.");
            }
            LOG.warn("{}: predicted with {} before, now with {}: its outputs from the old sets are deleted",
                    run.label(), recorded, this);
            fs.delete(run.root(), true);
        }
        ObjectNode node = JSON.createObjectNode();
        node.put(WorkdirLayout.SHEAR_COMMITTEES, shear);
        node.put(WorkdirLayout.WEIGHT_COMMITTEES, weight);
        AtomicWrite.text(run.committeesJson(), conf, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                + "\n");
    }

    /** The subfields a run holds predictions of. */
    private static List<Integer> predicted(PredictionRun run, FileSystem fs) throws IOException {
        Path dir = run.predictionsDir();
        List<Integer> out = new ArrayList<>();
        if (fs.exists(dir)) {
            String prefix = WorkdirLayout.SUBFIELD + "=";
            for (FileStatus st : fs.listStatus(dir)) {
                String n = st.getPath().getName();
                if (st.isDirectory() && n.startsWith(prefix)) {
                    out.add(Integer.parseInt(n.substring(prefix.length())));
                }
            }
        }
        return out;
    }

    /** The sets recorded for a run, or null when it has none yet. */
    public static RunCommittees read(PredictionRun run, Configuration conf) throws IOException {
        Path file = run.committeesJson();
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            return null;
        }
        JsonNode node;
        try (InputStream in = fs.open(file)) {
            node = JSON.readTree(in);
        }
        for (String kind : new String[] {WorkdirLayout.SHEAR_COMMITTEES, WorkdirLayout.WEIGHT_COMMITTEES}) {
            if (node == null || !node.path(kind).isTextual()) {
                throw new IllegalStateException(file + ": expected {\"shear\": \"<key>\", \"weight\": \"<key>\"},"
                        + " found " + node);
            }
        }
        return new RunCommittees(node.get(WorkdirLayout.SHEAR_COMMITTEES).asText(),
                node.get(WorkdirLayout.WEIGHT_COMMITTEES).asText());
    }

    /**
     * The sets recorded for a run.
     *
     * @throws IllegalStateException when the run has no record (not predicted yet)
     */
    public static RunCommittees require(PredictionRun run, Configuration conf) throws IOException {
        RunCommittees r = read(run, conf);
        if (r == null) {
            throw new IllegalStateException(run.label() + " has no " + run.committeesJson().getName()
                    + ": predict it first (predict-obs, or mimic, --predcode " + run.predcode() + ")");
        }
        return r;
    }
}
