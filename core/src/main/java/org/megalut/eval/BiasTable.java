package org.megalut.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV bias table of a validation: header
 * {@code component,weighted,m,m_err,c,c_err,rmsd,n_cases}, one row per component and weighting
 * ({@code weighted} is {@code true}/{@code false}; c, c_err and rmsd in shear units; errors 68 %).
 */
public final class BiasTable {
    /** The header line. */
    public static final String HEADER = "component,weighted,m,m_err,c,c_err,rmsd,n_cases";

    private BiasTable() { }

    /** One row: the bias of a component's estimates, weighted or not. */
    public record Row(String component, boolean weighted, ShearBias bias) { }

    /** Writes the table (the stream is flushed, not closed). */
    public static void write(List<Row> rows, OutputStream out) {
        PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
        ps.println(HEADER);
        for (Row r : rows) {
            ShearBias b = r.bias();
            ps.println(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%d", r.component(), r.weighted(), b.m(), b.mErr(),
                    b.c(), b.cErr(), b.rmsd(), b.n()));
        }
        ps.flush();
    }

    /**
     * Reads a table written by {@link #write}.
     *
     * @param source name of the file, for error messages
     * @throws IllegalArgumentException naming the file and line when the header or a row is malformed
     */
    public static List<Row> read(InputStream in, String source) throws IOException {
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException(source + ": expected the header '" + HEADER + "', found '"
                    + (lines.length == 0 ? "" : lines[0]) + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", -1);
            if (f.length != 8 || !(f[1].equals("true") || f[1].equals("false"))) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": expected 8 fields with weighted = "
                        + "true/false, found '" + lines[i] + "'");
            }
            try {
                rows.add(new Row(f[0], Boolean.parseBoolean(f[1]), new ShearBias(Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Integer.parseInt(f[7]))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": not a number in '" + lines[i] + "'", e);
            }
        }
        return rows;
    }
}
