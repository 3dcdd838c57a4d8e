package org.megalut.eval.variable;

import java.io.BufferedReader;
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
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import org.megalut.fits.FitsBinaryTables;
import org.megalut.fits.FitsFormatException;
import org.megalut.great3.Great3FormatException;
import org.megalut.great3.TextNumbers;

/**
 * A per-galaxy shear catalogue, the input of GREAT3's public presubmission script: whitespace-separated
 * ASCII columns, lines starting with {@code #} are comments; by default column 0 holds the galaxy ID,
 * 1 g1, 2 g2, and weights are uniform unless a weight column is named. As there, an ID may be written as
 * a float (it is rounded), and a failed galaxy is one with g1 ≥ 10 or g2 ≥ 10
 * ({@link ShearGalaxy#passes}); it stays in the catalogue and is left out of the statistics. A FITS
 * catalogue ({@code .fits} or {@code .fit}, as the script also accepts) holds the same columns, by
 * 0-based number, in the BINTABLE of its first extension; its IDs may be integers, floats or strings.
 *
 * @param id     galaxy IDs ({@link FieldLattice})
 * @param g1     first shear component per galaxy
 * @param g2     second shear component per galaxy
 * @param weight weight per galaxy
 */
public record ShearCatalog(long[] id, double[] g1, double[] g2, double[] weight) {
    public ShearCatalog {
        int n = id.length;
        if (g1.length != n || g2.length != n || weight.length != n) {
            throw new IllegalArgumentException("id, g1, g2 and weight need equal lengths, got " + n + ", " + g1.length
                    + ", " + g2.length + ", " + weight.length);
        }
        id = id.clone();
        g1 = g1.clone();
        g2 = g2.clone();
        weight = weight.clone();
    }

    /**
     * Which columns (0-based) hold what.
     *
     * @param id     ID column
     * @param g1     g1 column
     * @param g2     g2 column
     * @param weight weight column, or -1 for uniform weights
     */
    public record Columns(int id, int g1, int g2, int weight) {
        /** GREAT3's defaults: ID, g1, g2 in columns 0, 1, 2; uniform weights. */
        public static final Columns DEFAULT = new Columns(0, 1, 2, -1);

        /** The columns {@link #write} writes: ID, g1, g2, weight. */
        public static final Columns WRITTEN = new Columns(0, 1, 2, 3);

        public Columns {
            if (id < 0 || g1 < 0 || g2 < 0 || weight < -1) {
                throw new IllegalArgumentException("column numbers must be >= 0 (weight: -1 for none), got id " + id
                        + ", g1 " + g1 + ", g2 " + g2 + ", weight " + weight);
            }
        }

        int widest() {
            return Math.max(Math.max(id, g1), Math.max(g2, weight));
        }
    }

    /** The number of galaxies. */
    public int size() {
        return id.length;
    }

    /**
     * A catalogue of shear estimates with GREAT3's failure convention applied: a galaxy whose g1, g2 or
     * weight is not finite (no estimate) gets g1 = g2 = {@link ShearGalaxy#FAILED_SHEAR} and weight 0, so
     * that it stays in the catalogue (GREAT3 checks that every ID is present) and fails
     * {@link ShearGalaxy#passes}. A negative weight is written as 0: corr2, and the correlator here, take
     * weights ≥ 0.
     */
    public static ShearCatalog ofEstimates(long[] id, double[] g1, double[] g2, double[] weight) {
        int n = id.length;
        double[] o1 = new double[n];
        double[] o2 = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(g1[i]) && Double.isFinite(g2[i]) && Double.isFinite(weight[i]);
            o1[i] = ok ? g1[i] : ShearGalaxy.FAILED_SHEAR;
            o2[i] = ok ? g2[i] : ShearGalaxy.FAILED_SHEAR;
            w[i] = ok ? Math.max(0.0, weight[i]) : 0.0;
        }
        return new ShearCatalog(id, o1, o2, w);
    }

    /** Whether galaxy i passes GREAT3's failure test ({@link ShearGalaxy#passes}). */
    public boolean passes(int i) {
        return g1[i] < ShearGalaxy.FAILURE_THRESHOLD && g2[i] < ShearGalaxy.FAILURE_THRESHOLD;
    }

    /**
     * Writes the catalogue as GREAT3's presubmission script reads it, columns {@link Columns#WRITTEN}:
     * a {@code #} header line, then per galaxy its nine-digit ID (leading zeros kept) and g1, g2, weight
     * with 10 significant digits, in the catalogue's order. The writer is flushed, not closed.
     */
    public void write(Writer out) throws IOException {
        out.write("# id g1 g2 weight\n");
        for (int i = 0; i < id.length; i++) {
            out.write(String.format(Locale.ROOT, "%09d %.10e %.10e %.10e%n", id[i], g1[i], g2[i], weight[i]));
        }
        out.flush();
    }

    /** The catalogues' galaxies one after the other. */
    public static ShearCatalog concat(List<ShearCatalog> parts) {
        int n = 0;
        for (ShearCatalog c : parts) {
            n += c.size();
        }
        long[] id = new long[n];
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        double[] w = new double[n];
        int at = 0;
        for (ShearCatalog c : parts) {
            System.arraycopy(c.id, 0, id, at, c.size());
            System.arraycopy(c.g1, 0, g1, at, c.size());
            System.arraycopy(c.g2, 0, g2, at, c.size());
            System.arraycopy(c.weight, 0, w, at, c.size());
            at += c.size();
        }
        return new ShearCatalog(id, g1, g2, w);
    }

    /** Reads a local catalogue: FITS if the name ends in {@code .fits} or {@code .fit}, else ASCII. */
    public static ShearCatalog read(Path path, Columns columns) throws IOException {
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".fits") || lower.endsWith(".fit")) {
            return readFits(path, columns);
        }
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            return read(r, path.toString(), columns);
        }
    }

    /**
     * Reads an ASCII catalogue.
     *
     * @param name file name, for messages
     * @throws Great3FormatException naming the file and line for a row too short for the columns, a
     *                               non-numeric value or an ID that is not a whole number in [0, 10⁹)
     */
    public static ShearCatalog read(Reader in, String name, Columns columns) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<long[]> ids = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cols = t.split("\\s+");
            if (cols.length <= columns.widest()) {
                throw new Great3FormatException(name, lineNo, "expected at least " + (columns.widest() + 1)
                        + " columns, found " + cols.length);
            }
            double idValue = number(name, lineNo, cols, columns.id(), "ID");
            long id = Math.round(idValue);
            if (!(Math.abs(idValue - id) < 0.5) || id < 0 || id >= 1_000_000_000L) {
                throw new Great3FormatException(name, lineNo, "column " + columns.id()
                        + ": expected a galaxy ID in [0, 1e9), found '" + cols[columns.id()] + "'");
            }
            double w = columns.weight() < 0 ? 1.0 : number(name, lineNo, cols, columns.weight(), "weight");
            ids.add(new long[] {id});
            values.add(new double[] {number(name, lineNo, cols, columns.g1(), "g1"),
                number(name, lineNo, cols, columns.g2(), "g2"), w});
        }
        int n = ids.size();
        long[] id = new long[n];
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = ids.get(i)[0];
            g1[i] = values.get(i)[0];
            g2[i] = values.get(i)[1];
            w[i] = values.get(i)[2];
        }
        return new ShearCatalog(id, g1, g2, w);
    }

    /**
     * Reads a FITS catalogue.
     *
     * @throws FitsFormatException naming the file for a missing BINTABLE, a column number beyond the
     *                             table, a non-numeric column or an ID that is not a whole number in [0, 10⁹)
     */
    public static ShearCatalog readFits(Path path, Columns columns) throws IOException {
        String name = path.toString();
        try (Fits fits = new Fits(path.toFile())) {
            BinaryTableHDU table = FitsBinaryTables.firstTable(fits, name);
            if (columns.widest() >= table.getNCols()) {
                throw new FitsFormatException(name, "expected at least " + (columns.widest() + 1) + " columns, found "
                        + table.getNCols());
            }
            int n = table.getNRows();
            double[] idValues = column(name, table, columns.id(), "ID", n);
            long[] id = new long[n];
            for (int r = 0; r < n; r++) {
                id[r] = Math.round(idValues[r]);
                if (!(Math.abs(idValues[r] - id[r]) < 0.5) || id[r] < 0 || id[r] >= 1_000_000_000L) {
                    throw new FitsFormatException(name, "row " + r + " (0-based): expected a galaxy ID in [0, 1e9), found "
                            + idValues[r]);
                }
            }
            double[] w = new double[n];
            if (columns.weight() < 0) {
                Arrays.fill(w, 1.0);
            } else {
                w = column(name, table, columns.weight(), "weight", n);
            }
            return new ShearCatalog(id, column(name, table, columns.g1(), "g1", n),
                    column(name, table, columns.g2(), "g2", n), w);
        } catch (FitsException e) {
            throw new FitsFormatException(name, "unreadable FITS catalogue: " + e.getMessage(), e);
        }
    }

    /** A column of numbers, or of strings holding numbers (catalogues written with text IDs). */
    private static double[] column(String name, BinaryTableHDU table, int c, String what, int n) throws FitsException {
        Object data = table.getColumn(c);
        if (!(data instanceof String[] a && a.length == n)) {
            return FitsBinaryTables.numbers(name, c + " (" + what + ")", data, n);
        }
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            try {
                out[r] = Double.parseDouble(a[r].trim());
            } catch (NumberFormatException e) {
                throw new FitsFormatException(name, "column " + c + " (" + what + "), row " + r
                        + " (0-based): expected a number, found '" + a[r] + "'");
            }
        }
        return out;
    }

    /** A column's number; Python's nan and inf are accepted as GREAT3's own text files write them. */
    private static double number(String name, int lineNo, String[] cols, int c, String what) {
        return TextNumbers.parseDouble(cols[c], name, lineNo, "column " + c + " (" + what + ")");
    }

    @Override public long[] id() {
        return id.clone();
    }

    @Override public double[] g1() {
        return g1.clone();
    }

    @Override public double[] g2() {
        return g2.clone();
    }

    @Override public double[] weight() {
        return weight.clone();
    }
}
