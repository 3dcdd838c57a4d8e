package org.megalut.great3;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
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
import java.util.Locale;
import java.util.OptionalInt;

import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import org.megalut.fits.FitsBinaryTables;
import org.megalut.fits.FitsFormatException;

/**
 * Integer-valued catalogue columns in GREAT3's two forms (R:great3sims/mapper.py).
 *
 * <p>Text: one {@code # name} comment line per column, then numpy {@code savetxt} rows with every
 * value as {@code %.18e}, separated by single spaces. FITS: an empty primary HDU, then a BINTABLE
 * with one scalar column per name. Columns are found by name, case-insensitively, and returned in
 * the order asked for. Content problems (missing columns, row counts, non-integer values) raise
 * {@link Great3FormatException}; a file that is not a readable FITS table raises
 * {@link FitsFormatException}.
 */
final class CatalogColumns {
    private static final String TFORM_CODES = "KJED";

    private CatalogColumns() {
    }

    /** Reads a {@code .txt} or {@code .fits} catalogue, chosen by the name's extension. */
    static long[][] read(InputStream in, String name, List<String> columns, OptionalInt expectedRows)
            throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            return readTxt(in, name, columns, expectedRows);
        }
        if (lower.endsWith(".fits") || lower.endsWith(".fit")) {
            return readFits(in, name, columns, expectedRows);
        }
        throw new Great3FormatException(name, "unknown catalogue extension, expected .txt or .fits");
    }

    static long[][] readTxt(InputStream in, String name, List<String> columns, OptionalInt expectedRows)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        List<String> header = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        int[] index = null;
        List<String> what = columns.stream().map(c -> "column " + c).toList();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#")) {
                // Only the comment lines before the data name columns (numpy writes "# x", "# y", ...).
                if (index == null) {
                    for (String token : TextNumbers.WHITESPACE.split(text.substring(1).trim())) {
                        if (!token.isEmpty()) {
                            header.add(token);
                        }
                    }
                }
                continue;
            }
            if (index == null) {
                if (header.isEmpty()) {
                    throw new Great3FormatException(name, lineNo,
                            "expected '# name' lines naming the columns " + columns + " before the data");
                }
                index = locate(name, header, columns);
            }
            String[] tokens = TextNumbers.WHITESPACE.split(text);
            if (tokens.length != header.size()) {
                throw new Great3FormatException(name, lineNo, "expected " + header.size() + " values (columns "
                        + header + "), found " + tokens.length);
            }
            long[] row = new long[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                double v = TextNumbers.parseDouble(tokens[index[c]], name, lineNo, what.get(c));
                if (!TextNumbers.isExactInteger(v)) {
                    throw new Great3FormatException(name, lineNo, what.get(c) + " = " + tokens[index[c]]
                            + ", expected an integer value");
                }
                row[c] = (long) v;
            }
            rows.add(row);
        }
        if (index == null) {
            if (header.isEmpty()) {
                throw new Great3FormatException(name, "empty catalogue: expected '# name' lines for columns "
                        + columns + " and data rows");
            }
            locate(name, header, columns);
        }
        checkRows(name, rows.size(), expectedRows);
        long[][] out = new long[columns.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                out[c][r] = rows.get(r)[c];
            }
        }
        return out;
    }

    static long[][] readFits(InputStream in, String name, List<String> columns, OptionalInt expectedRows)
            throws IOException {
        // Not closed: closing a Fits closes the caller's stream.
        Fits fits = new Fits(in);
        try {
            BinaryTableHDU table = FitsBinaryTables.firstTable(fits, name);
            List<String> names = FitsBinaryTables.columnNames(table);
            int[] index = locate(name, names, columns);
            int nRows = table.getNRows();
            checkRows(name, nRows, expectedRows);
            long[][] out = new long[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                out[c] = integerColumn(name, table, index[c], columns.get(c), nRows);
            }
            return out;
        } catch (FitsException e) {
            throw new FitsFormatException(name, "unreadable FITS catalogue: " + e.getMessage(), e);
        }
    }

    private static long[] integerColumn(String name, BinaryTableHDU table, int col, String column, int nRows)
            throws FitsException {
        String tform = table.getHeader().getStringValue("TFORM" + (col + 1));
        String form = tform == null ? "" : tform.trim();
        if (!form.matches("1?[" + TFORM_CODES + "]")) {
            throw new FitsFormatException(name, "column " + column + " has TFORM '" + form
                    + "', expected a scalar K (int64), J (int32), D or E");
        }
        Object data = table.getColumn(col);
        if (data instanceof long[] a && a.length == nRows) {
            return a;
        }
        if (data instanceof int[] a && a.length == nRows) {
            long[] out = new long[nRows];
            for (int r = 0; r < nRows; r++) {
                out[r] = a[r];
            }
            return out;
        }
        double[] values;
        if (data instanceof double[] a && a.length == nRows) {
            values = a;
        } else if (data instanceof float[] a && a.length == nRows) {
            values = new double[nRows];
            for (int r = 0; r < nRows; r++) {
                values[r] = a[r];
            }
        } else {
            throw new FitsFormatException(name, "column " + column + " has unexpected data layout "
                    + data.getClass().getSimpleName() + ", expected " + nRows + " scalars");
        }
        long[] out = new long[nRows];
        for (int r = 0; r < nRows; r++) {
            if (!TextNumbers.isExactInteger(values[r])) {
                throw new Great3FormatException(name, "column " + column + ", row " + r + " (0-based) = "
                        + values[r] + ", expected an integer value");
            }
            out[r] = (long) values[r];
        }
        return out;
    }

    /** Index in {@code found} of each wanted column, matched case-insensitively. */
    private static int[] locate(String name, List<String> found, List<String> wanted) {
        int[] index = new int[wanted.size()];
        for (int w = 0; w < wanted.size(); w++) {
            index[w] = -1;
            for (int f = 0; f < found.size(); f++) {
                if (found.get(f).equalsIgnoreCase(wanted.get(w))) {
                    index[w] = f;
                    break;
                }
            }
            if (index[w] < 0) {
                throw new Great3FormatException(name, "missing column " + wanted.get(w) + ": expected columns "
                        + wanted + ", found " + found);
            }
        }
        return index;
    }

    private static void checkRows(String name, int rows, OptionalInt expectedRows) {
        if (expectedRows.isPresent() && rows != expectedRows.getAsInt()) {
            throw new Great3FormatException(name, "expected " + expectedRows.getAsInt() + " rows, found " + rows);
        }
    }

    /** Writes GREAT3's text form: {@code # name} lines, then {@code %.18e} values separated by single spaces. */
    static void writeTxt(OutputStream out, List<String> names, long[][] columns) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        for (String n : names) {
            w.write("# " + n + "\n");
        }
        int rows = columns[0].length;
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            line.setLength(0);
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    line.append(' ');
                }
                line.append(sci18(columns[c][r]));
            }
            w.write(line.append('\n').toString());
        }
        w.flush();
    }

    /**
     * numpy's default {@code savetxt} format {@code %.18e} of an integer, e.g. 23 →
     * {@code 2.300000000000000000e+01}; exact for every long (at most 19 digits). Formatted by hand
     * because {@code String.format} dominates the cost of writing a 10 000-row catalogue.
     */
    static String sci18(long v) {
        if (v == 0) {
            return "0.000000000000000000e+00";
        }
        String digits = v < 0 ? Long.toString(v).substring(1) : Long.toString(v);
        int exponent = digits.length() - 1;
        StringBuilder sb = new StringBuilder(26);
        if (v < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0)).append('.').append(digits, 1, digits.length());
        sb.append("0".repeat(18 - exponent)).append("e+");
        if (exponent < 10) {
            sb.append('0');
        }
        return sb.append(exponent).toString();
    }

    /** Writes an empty primary HDU and a BINTABLE of int64 ('K') columns, as pyfits did for GREAT3. */
    static void writeFits(OutputStream out, List<String> names, long[][] columns) throws IOException {
        List<long[]> copies = new ArrayList<>();
        for (long[] column : columns) {
            copies.add(column.clone());
        }
        FitsBinaryTables.write(out, names, copies);
    }

    /** Writes a local {@code .txt} or {@code .fits} catalogue, chosen by the extension. */
    static void write(Path path, List<String> names, long[][] columns) throws IOException {
        String lower = path.toString().toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".fits") && !lower.endsWith(".txt")) {
            throw new IllegalArgumentException(path + ": expected a .txt or .fits catalogue name");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            if (lower.endsWith(".fits")) {
                writeFits(out, names, columns);
            } else {
                writeTxt(out, names, columns);
            }
        }
    }

    /** Catalogue positions as ints, rejecting negative or huge values. */
    static int[] positions(String name, String column, long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > Integer.MAX_VALUE) {
                throw new Great3FormatException(name, "column " + column + ", row " + i + " (0-based) = "
                        + values[i] + ", expected a pixel position >= 0");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    /** Widens positions for writing. */
    static long[] toLong(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
