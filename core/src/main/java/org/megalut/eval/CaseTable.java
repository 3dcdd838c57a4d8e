package org.megalut.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV per-case table of a validation, the inputs of its bias fit: header
 * {@code component,case,truth,n,mean,weighted_mean}, one row per component and case ({@link CaseMeans}; shears
 * dimensionless, {@code weighted_mean} NaN without weights). Two recipes validated on the same simulation have
 * the same cases and truths, so their per-case difference carries only what the recipes do differently
 * ({@link PairedValidation}); the bias table alone cannot give that.
 */
public final class CaseTable {
    /** The header line. */
    public static final String HEADER = "component,case,truth,n,mean,weighted_mean";

    private CaseTable() { }

    /** Writes the cases of each result (the stream is flushed, not closed). */
    public static void write(List<ShearValidation.Result> results, OutputStream out) {
        PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
        ps.println(HEADER);
        for (ShearValidation.Result r : results) {
            CaseMeans m = r.cases();
            long[] ids = m.caseIds();
            double[] truth = m.truth();
            int[] count = m.count();
            double[] mean = m.mean();
            double[] wmean = m.weightedMean();
            for (int i = 0; i < ids.length; i++) {
                // %s of a double prints the shortest string that reads back to the same value.
                ps.println(String.format(Locale.ROOT, "%s,%d,%s,%d,%s,%s", r.component().name(), ids[i], truth[i],
                        count[i], mean[i], wmean[i]));
            }
        }
        ps.flush();
    }

    /**
     * Reads a table written by {@link #write}.
     *
     * @param source name of the file, for error messages
     * @return per component (in the file's order), its cases in the file's order
     * @throws IllegalArgumentException naming the file and line when the header or a row is malformed
     */
    public static Map<String, CaseMeans> read(InputStream in, String source) throws IOException {
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException(source + ": expected the header '" + HEADER + "', found '"
                    + (lines.length == 0 ? "" : lines[0]) + "'");
        }
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": expected 6 fields ("
                        + HEADER + "), found '" + lines[i] + "'");
            }
            try {
                rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Row(Long.parseLong(f[1]),
                        Double.parseDouble(f[2]), Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5])));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": expected numbers after the"
                        + " component, found '" + lines[i] + "'", ex);
            }
        }
        Map<String, CaseMeans> out = new LinkedHashMap<>();
        rows.forEach((component, r) -> out.put(component, new CaseMeans(
                r.stream().mapToLong(Row::id).toArray(), r.stream().mapToDouble(Row::truth).toArray(),
                r.stream().mapToDouble(Row::mean).toArray(), r.stream().mapToDouble(Row::weightedMean).toArray(),
                r.stream().mapToInt(Row::count).toArray())));
        return out;
    }

    private record Row(long id, double truth, int count, double mean, double weightedMean) { }
}
