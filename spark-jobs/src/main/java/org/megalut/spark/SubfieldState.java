package org.megalut.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.settings.Fingerprint;

/**
 * Per-subfield completion records of a step, under {@code <workdir>/_state/<step>/}: {@code SSS.done}
 * (row count and a fingerprint of the settings that produced the output) once the subfield's output is
 * committed, {@code SSS.failed} (the error) when it failed. A rerun skips a subfield only when its
 * record matches the current settings and the committed Parquet has the recorded row count.
 */
public final class SubfieldState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FileSystem fs;
    private final Path dir;
    private final String step;

    public SubfieldState(Path workdir, String step, Configuration conf) throws IOException {
        this.step = step;
        this.dir = new WorkdirLayout(workdir).state(step);
        this.fs = dir.getFileSystem(conf);
    }

    /** A completion record. */
    public record Done(long rows, String fingerprint) { }

    /** The completion record of a subfield, or null. */
    public Done done(int subfield) throws IOException {
        Path p = file(subfield, "done");
        if (!fs.exists(p)) {
            return null;
        }
        try (InputStream in = fs.open(p)) {
            var node = JSON.readTree(in);
            if (node == null || !node.has("rows") || !node.has("fingerprint")) {
                return null;
            }
            return new Done(node.get("rows").asLong(), node.get("fingerprint").asText());
        } catch (JsonProcessingException | ChecksumException e) {
            return null; // a torn or altered record counts as not done
        }
    }

    /**
     * The identity of a subfield's committed output ({@code rows:fingerprint}, or {@code none}): steps
     * that read this output put it in their own fingerprint, so redoing a step redoes what depends on it.
     */
    public String token(int subfield) throws IOException {
        Done d = done(subfield);
        return d == null ? "none" : d.rows() + ":" + d.fingerprint();
    }

    /** A fingerprint with this output's {@link #token} of a subfield appended as {@code input.<step>}. */
    public Fingerprint appendTo(Fingerprint f, int subfield) throws IOException {
        return f.with("input." + step, token(subfield));
    }

    public void markDone(int subfield, long rows, String fingerprint) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("subfield", subfield);
        node.put("rows", rows);
        node.put("fingerprint", fingerprint);
        write(file(subfield, "done"), JSON.writeValueAsString(node));
        fs.delete(file(subfield, "failed"), false);
    }

    public void markFailed(int subfield, String message) throws IOException {
        fs.delete(file(subfield, "done"), false);
        write(file(subfield, "failed"), message + "\n");
    }

    /** Forgets a subfield (before it is redone). */
    public void clear(int subfield) throws IOException {
        fs.delete(file(subfield, "done"), false);
        fs.delete(file(subfield, "failed"), false);
    }

    private Path file(int subfield, String kind) {
        return new Path(dir, String.format("%03d.%s", subfield, kind));
    }

    private void write(Path p, String text) throws IOException {
        // Whole or absent, so a killed process never leaves a half-written record.
        AtomicWrite.stream(p, fs.getConf(), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
