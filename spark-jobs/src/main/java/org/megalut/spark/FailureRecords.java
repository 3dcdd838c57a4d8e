package org.megalut.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Why subfields failed, from the failure records that every step leaves under
 * {@code <workdir>/_state/<step>/SSS.failed} ({@link SubfieldState}). A subfield that failed in one step
 * also lacks the inputs of the steps after it, so its first-written record is the cause.
 */
public final class FailureRecords {
    private static final Pattern FILE = Pattern.compile("(\\d+)\\.failed");

    private FailureRecords() { }

    /** A subfield's failure: the step's state name and its error message. */
    public record Failure(String step, String message) {
        @Override
        public String toString() {
            return step + ": " + message;
        }
    }

    /** The earliest recorded failure of each subfield that has one. */
    public static Map<Integer, Failure> earliest(String workdir, Configuration conf) throws IOException {
        Path state = WorkdirLayout.of(workdir).state();
        FileSystem fs = state.getFileSystem(conf);
        Map<Integer, Failure> out = new TreeMap<>();
        Map<Integer, Long> when = new TreeMap<>();
        if (!fs.exists(state)) {
            return out;
        }
        String root = fs.makeQualified(state).toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(state, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            Matcher m = FILE.matcher(f.getPath().getName());
            if (!m.matches()) {
                continue;
            }
            int sf = Integer.parseInt(m.group(1));
            Long t = when.get(sf);
            if (t != null && t <= f.getModificationTime()) {
                continue;
            }
            String step = f.getPath().getParent().toUri().getPath().substring(root.length()).replaceFirst("^/", "");
            String message;
            try (InputStream in = fs.open(f.getPath())) {
                message = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            when.put(sf, f.getModificationTime());
            out.put(sf, new Failure(step, message));
        }
        return out;
    }
}
