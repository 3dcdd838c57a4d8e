package org.megalut.spark.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.eval.GroupedSubfield;

/**
 * The files of a grouped prediction run: {@code group.csv}, one row per subfield
 * ({@link GroupedSubfield}; numbers as the shortest decimal that reads back exactly, empty for NaN), and
 * {@code failed.csv}, the selected subfields left out and why.
 */
public final class GroupTable {
    private static final String HEADER = "subfield,galaxies,total,pre_s1,pre_s2,pre_s1w,pre_s2w,tru_s1,tru_s2,"
            + "tru_psf_g1,tru_psf_g2,psf_adamom_g1,psf_adamom_g2,psf_adamom_sigma";
    private static final int FIELDS = HEADER.split(",").length;

    private GroupTable() { }

    /** Writes a group table (also for tests and tools that build rows themselves). */
    public static void write(List<GroupedSubfield> rows, Path csv, Configuration conf) throws IOException {
        AtomicWrite.stream(csv, conf, os -> {
            PrintStream ps = new PrintStream(os, false, StandardCharsets.UTF_8);
            ps.println(HEADER);
            for (GroupedSubfield r : rows) {
                ps.println(String.join(",", Integer.toString(r.subfield()), Long.toString(r.galaxies()),
                        Long.toString(r.total()), num(r.s1()), num(r.s2()), num(r.s1w()), num(r.s2w()),
                        num(r.trueG1()), num(r.trueG2()), num(r.psfG1()), num(r.psfG2()), num(r.starG1()),
                        num(r.starG2()), num(r.starSigma())));
            }
            ps.flush();
        });
    }

    /** Reads a {@code group.csv}. */
    public static List<GroupedSubfield> read(Path csv, Configuration conf) throws IOException {
        if (!csv.getFileSystem(conf).exists(csv)) {
            throw new FileNotFoundException("no group table " + csv + ": run group (or run) first");
        }
        List<GroupedSubfield> rows = new ArrayList<>();
        try (var in = csv.getFileSystem(conf).open(csv)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            if (lines.length == 0 || !lines[0].equals(HEADER)) {
                throw new IllegalArgumentException(csv + ": expected the header '" + HEADER + "', found '"
                        + (lines.length == 0 ? "" : lines[0]) + "'");
            }
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split(",", -1);
                if (f.length != FIELDS) {
                    throw new IllegalArgumentException(csv + ", line " + (i + 1) + ": expected " + FIELDS
                            + " fields, found " + f.length);
                }
                rows.add(new GroupedSubfield(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), d(f[3]), d(f[4]),
                        d(f[5]), d(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10]), d(f[11]), d(f[12]), d(f[13])));
            }
        }
        return rows;
    }

    private static double d(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** Shortest exact decimal (Double.toString round-trips), empty for NaN. */
    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** Writes the failed subfields of a run ({@code subfield,reason}, one line each). */
    public static void writeFailed(Map<Integer, String> failed, Path csv, Configuration conf) throws IOException {
        SmallTable t = new SmallTable(List.of(new SmallTable.Column("subfield", SmallTable.Type.INT),
                new SmallTable.Column("reason", SmallTable.Type.STRING)));
        failed.forEach((sf, why) -> t.add(sf, why.replaceAll("\\R", " ")));
        t.write(csv, conf);
    }

    /** The failed subfields of a grouped run and their reasons; empty when the run has no such file. */
    public static Map<Integer, String> readFailed(Path csv, Configuration conf) throws IOException {
        Map<Integer, String> out = new TreeMap<>();
        if (!csv.getFileSystem(conf).exists(csv)) {
            return out;
        }
        try (var in = csv.getFileSystem(conf).open(csv)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            for (int i = 1; i < lines.length; i++) {
                int comma = lines[i].indexOf(',');
                if (comma < 0) {
                    continue;
                }
                String why = lines[i].substring(comma + 1);
                if (why.length() >= 2 && why.startsWith("\"") && why.endsWith("\"")) {
                    why = why.substring(1, why.length() - 1).replace("\"\"", "\"");
                }
                out.put(Integer.parseInt(lines[i].substring(0, comma)), why);
            }
        }
        return out;
    }
}
