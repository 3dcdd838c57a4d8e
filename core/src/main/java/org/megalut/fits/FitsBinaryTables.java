package org.megalut.fits;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;

/** Writes FITS binary tables (one BINTABLE extension after an empty primary HDU), as pyfits wrote GREAT3's. */
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
}
