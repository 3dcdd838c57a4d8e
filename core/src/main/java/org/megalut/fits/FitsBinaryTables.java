package org.megalut.fits;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;

/**
 * FITS binary tables laid out as pyfits wrote GREAT3's (one BINTABLE extension after an empty primary HDU):
 * writing them, and the reading steps every table reader shares.
 */
public final class FitsBinaryTables {

    private FitsBinaryTables() { }

    /**
     * Writes the named columns, each an array of one primitive type (e.g. {@code long[]} → 'K', {@code double[]}
     * → 'D'), all of one length. The primary header is written by hand because nom-tam's default one carries the
     * write date, and the outputs must be byte-identical across runs.
     *
     * @throws IOException naming the cause when the table cannot be built or written
     */
    public static void write(OutputStream out, List<String> names, List<?> columns) throws IOException {
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " column names for " + columns.size() + " columns");
        }
        try {
            BinaryTable table = new BinaryTable();
            for (Object column : columns) {
                table.addColumn(column);
            }
            BinaryTableHDU hdu = BinaryTableHDU.wrap(table);
            for (int c = 0; c < names.size(); c++) {
                hdu.setColumnName(c, names.get(c), null);
            }
            FitsOutputStream fout = new FitsOutputStream(out);
            Header primary = new Header();
            primary.addValue("SIMPLE", true, "conforms to FITS standard");
            primary.addValue("BITPIX", 8, "array data type");
            primary.addValue("NAXIS", 0, "number of array dimensions");
            primary.addValue("EXTEND", true, null);
            primary.write(fout);
            hdu.write(fout);
            fout.flush();
        } catch (FitsException e) {
            throw new IOException("cannot write FITS table: " + e.getMessage(), e);
        }
    }

    /**
     * The BINTABLE that follows the primary HDU.
     *
     * @param name the file, for messages
     * @throws FitsFormatException naming the file for an empty file or a missing BINTABLE
     */
    public static BinaryTableHDU firstTable(Fits fits, String name) throws FitsException, IOException {
        if (fits.readHDU() == null) {
            throw new FitsFormatException(name, "empty file, expected a primary HDU and a BINTABLE");
        }
        BasicHDU<?> second = fits.readHDU();
        if (!(second instanceof BinaryTableHDU table)) {
            throw new FitsFormatException(name, "expected a BINTABLE extension after the primary HDU, found "
                    + (second == null ? "none" : second.getClass().getSimpleName()));
        }
        return table;
    }

    /** The table's column names (TTYPEn), trimmed; "" for an unnamed column. */
    public static List<String> columnNames(BinaryTableHDU table) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < table.getNCols(); i++) {
            String n = table.getColumnName(i);
            names.add(n == null ? "" : n.trim());
        }
        return names;
    }

    /**
     * A column of scalar numbers (D, E, K or J) as doubles.
     *
     * @param name   the file, for messages
     * @param column the column's name or description, for messages
     * @throws FitsFormatException naming the file and column when it holds something else (strings, vectors)
     */
    public static double[] numbers(String name, String column, Object data, int rows) {
        if (data instanceof double[] a && a.length == rows) {
            return a;
        }
        double[] out = new double[rows];
        if (data instanceof float[] a && a.length == rows) {
            for (int r = 0; r < rows; r++) {
                out[r] = a[r];
            }
        } else if (data instanceof long[] a && a.length == rows) {
            for (int r = 0; r < rows; r++) {
                out[r] = a[r];
            }
        } else if (data instanceof int[] a && a.length == rows) {
            for (int r = 0; r < rows; r++) {
                out[r] = a[r];
            }
        } else {
            throw new FitsFormatException(name, "column " + column + " has data " + data.getClass().getSimpleName()
                    + ", expected " + rows + " scalar numbers (D, E, K or J)");
        }
        return out;
    }
}
