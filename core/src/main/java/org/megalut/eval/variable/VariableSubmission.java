package org.megalut.eval.variable;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.megalut.great3.Great3FormatException;

/**
 * A GREAT3 variable-shear submission: one row per (field, θ), fields in ascending order and the θ bins
 * of each field in ascending order, as GREAT3's public presubmission script writes it:
 * {@code field theta[deg] mapE mapB sigMap}, whitespace-separated, no header. The same layout (with
 * the error column) holds GREAT3's cached truth aperture masses.
 *
 * <p>Reading follows GREAT3's metric: lines starting with {@code #} and blank lines are skipped; every
 * row must have 4 or 5 columns (the metric rejects other widths); a 4-column row has no error (NaN).
 *
 * @param field  field index per row
 * @param theta  aperture radius per row [deg]
 * @param mapE   E-mode aperture-mass dispersion per row
 * @param mapB   B-mode aperture-mass dispersion per row
 * @param sigMap error of mapE per row (NaN when the file has no such column)
 */
public record VariableSubmission(int[] field, double[] theta, double[] mapE, double[] mapB, double[] sigMap) {
    public VariableSubmission {
        int n = field.length;
        if (theta.length != n || mapE.length != n || mapB.length != n || sigMap.length != n) {
            throw new IllegalArgumentException("all columns need " + n + " rows");
        }
        field = field.clone();
        theta = theta.clone();
        mapE = mapE.clone();
        mapB = mapB.clone();
        sigMap = sigMap.clone();
    }

    /** The submission of fields 0, 1, ... in the order given. */
    public static VariableSubmission of(List<ApertureMass> fields) {
        int[] ids = new int[fields.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return of(ids, fields);
    }

    /** The submission of the given fields, {@code maps.get(i)} being field {@code fields[i]}'s. */
    public static VariableSubmission of(int[] fields, List<ApertureMass> maps) {
        if (fields.length != maps.size()) {
            throw new IllegalArgumentException(fields.length + " field indices for " + maps.size() + " fields");
        }
        int n = 0;
        for (ApertureMass m : maps) {
            n += m.size();
        }
        int[] f = new int[n];
        double[] t = new double[n];
        double[] e = new double[n];
        double[] b = new double[n];
        double[] s = new double[n];
        int row = 0;
        for (int i = 0; i < maps.size(); i++) {
            ApertureMass m = maps.get(i);
            for (int k = 0; k < m.size(); k++, row++) {
                f[row] = fields[i];
                t[row] = m.theta()[k];
                e[row] = m.mapE()[k];
                b[row] = m.mapB()[k];
                s[row] = m.sigMap()[k];
            }
        }
        return new VariableSubmission(f, t, e, b, s);
    }

    /** The field indices in row order, each once (ascending for a submission of this project). */
    public int[] fields() {
        return Arrays.stream(field).distinct().toArray();
    }

    /** The number of rows. */
    public int rows() {
        return field.length;
    }

    /** Writes the rows as {@code field theta mapE mapB sigMap}; the writer is flushed, not closed. */
    public void write(Writer out) throws IOException {
        for (int i = 0; i < rows(); i++) {
            out.write(String.format(Locale.ROOT, "%d %.6e %.10e %.10e %.10e%n", field[i], theta[i], mapE[i], mapB[i],
                    sigMap[i]));
        }
        out.flush();
    }

    /** Writes a local file. */
    public void write(Path path) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.US_ASCII)) {
            write(w);
        }
    }

    /** Reads a local file. */
    public static VariableSubmission read(Path path) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            return read(r, path.toString());
        }
    }

    /**
     * Reads a submission.
     *
     * @param name the file name, for messages
     * @throws Great3FormatException naming the file and line for a row of the wrong width, a
     *                               non-numeric value or a non-integer field index
     */
    public static VariableSubmission read(Reader in, String name) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<double[]> rows = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cols = t.split("\\s+");
            if (cols.length != 4 && cols.length != 5) {
                throw new Great3FormatException(name, lineNo,
                        "expected 4 or 5 columns (field theta mapE mapB [sigMap]), found " + cols.length);
            }
            double[] v = new double[5];
            v[4] = Double.NaN;
            for (int c = 0; c < cols.length; c++) {
                try {
                    v[c] = Double.parseDouble(cols[c]);
                } catch (NumberFormatException e) {
                    throw new Great3FormatException(name, lineNo, "column " + (c + 1) + ": expected a number, found '"
                            + cols[c] + "'");
                }
            }
            if (v[0] != Math.rint(v[0]) || Math.abs(v[0]) > Integer.MAX_VALUE) {
                throw new Great3FormatException(name, lineNo, "column 1: expected an integer field index, found '"
                        + cols[0] + "'");
            }
            rows.add(v);
        }
        int n = rows.size();
        int[] f = new int[n];
        double[] th = new double[n];
        double[] e = new double[n];
        double[] b = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = rows.get(i);
            f[i] = (int) v[0];
            th[i] = v[1];
            e[i] = v[2];
            b[i] = v[3];
            s[i] = v[4];
        }
        return new VariableSubmission(f, th, e, b, s);
    }

    @Override public int[] field() {
        return field.clone();
    }

    @Override public double[] theta() {
        return theta.clone();
    }

    @Override public double[] mapE() {
        return mapE.clone();
    }

    @Override public double[] mapB() {
        return mapB.clone();
    }

    @Override public double[] sigMap() {
        return sigMap.clone();
    }
}
