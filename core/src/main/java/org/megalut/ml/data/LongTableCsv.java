package org.megalut.ml.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes a {@link LongTable} as CSV: a header row of column names, then one row per (case, realization);
 * the case and realization columns hold integers, all other columns doubles. An empty field, "nan" or "null" (any
 * case) is a masked value. Fields are split on commas; quoting is not supported. Doubles are written in shortest
 * round-trip form and masked values as empty fields.
 */
public final class LongTableCsv {
    /** Default id column names. */
    public static final String CASE = "case";
    public static final String REALIZATION = "realization";

    private LongTableCsv() {
    }

    /** Reads a file with id columns "case" and "realization". */
    public static LongTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), CASE, REALIZATION);
        }
    }

    /**
     * Reads a table from a stream (not closed).
     *
     * @param source the name used in error messages
     * @throws IllegalArgumentException naming source and line for malformed content
     */
    public static LongTable read(InputStream in, String source, String caseColumn, String realizationColumn)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty CSV, expected a header row");
        }
        String[] names = header.split(",", -1);
        int caseIdx = -1;
        int reaIdx = -1;
        List<String> valueColumns = new ArrayList<>();
        List<Integer> valuePositions = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim();
            if (name.equals(caseColumn)) {
                caseIdx = i;
            } else if (name.equals(realizationColumn)) {
                reaIdx = i;
            } else {
                valueColumns.add(name);
                valuePositions.add(i);
            }
        }
        if (caseIdx < 0 || reaIdx < 0) {
            throw new IllegalArgumentException(source + ": header needs columns '" + caseColumn + "' and '"
                    + realizationColumn + "', has " + List.of(names));
        }
        LongTable.Builder builder = LongTable.builder(valueColumns);
        double[] row = new double[valueColumns.size()];
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != names.length) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": " + f.length + " fields, header has "
                        + names.length);
            }
            try {
                for (int k = 0; k < row.length; k++) {
                    row[k] = parseValue(f[valuePositions.get(k)]);
                }
                builder.add(Long.parseLong(f[caseIdx].trim()), Long.parseLong(f[reaIdx].trim()), row);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    private static double parseValue(String field) {
        String s = field.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("null")) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /** Writes {@code table} with id columns "case" and "realization" first (the stream is flushed, not closed). */
    public static void write(LongTable table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(CASE + "," + REALIZATION);
        for (String col : table.columns()) {
            if (col.contains(",")) {
                throw new IllegalArgumentException("column name '" + col + "' contains a comma");
            }
            w.write("," + col);
        }
        w.write("\n");
        StringBuilder line = new StringBuilder();
        for (int row = 0; row < table.rowCount(); row++) {
            line.setLength(0);
            line.append(table.caseId(row)).append(',').append(table.realizationId(row));
            for (String col : table.columns()) {
                double v = table.value(row, col);
                line.append(',');
                if (Double.isFinite(v)) {
                    line.append(v);
                }
            }
            w.write(line.append('\n').toString());
        }
        w.flush();
    }

    /** Writes {@code table} to a file, replacing it. */
    public static void write(LongTable table, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(table, out);
        }
    }
}
