package org.megalut.eval.variable;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import org.megalut.fits.FitsBinaryTables;
import org.megalut.fits.FitsFormatException;

/**
 * The shear columns of a GREAT3 truth galaxy catalogue ({@code galaxy_catalog-SSS.fits} of the truth
 * tree, a BINTABLE in the first extension), as GREAT3's metric reads them: the true shear
 * ({@code g1}, {@code g2}) and the galaxy's intrinsic shape ({@code g1_intrinsic}, {@code g2_intrinsic}),
 * one row per galaxy of the subfield grid, x fastest. Other columns are ignored; names match
 * case-insensitively.
 *
 * @param g1          true shear, first component
 * @param g2          true shear, second component
 * @param g1Intrinsic intrinsic shape, first component
 * @param g2Intrinsic intrinsic shape, second component
 */
public record TruthCatalog(double[] g1, double[] g2, double[] g1Intrinsic, double[] g2Intrinsic) {
    /** The columns read, in this order. */
    public static final List<String> COLUMNS = List.of("g1", "g2", "g1_intrinsic", "g2_intrinsic");

    /** The column of the galaxy IDs that {@link #write(OutputStream, long[])} adds before the others. */
    public static final String ID_COLUMN = "ID";

    public TruthCatalog {
        int n = g1.length;
        if (g2.length != n || g1Intrinsic.length != n || g2Intrinsic.length != n) {
            throw new IllegalArgumentException("all truth columns need " + n + " rows");
        }
        g1 = g1.clone();
        g2 = g2.clone();
        g1Intrinsic = g1Intrinsic.clone();
        g2Intrinsic = g2Intrinsic.clone();
    }

    /** The number of galaxies. */
    public int size() {
        return g1.length;
    }

    /**
     * Reads a truth catalogue.
     *
     * @throws FitsFormatException naming the file for a missing BINTABLE or column, or a column that is
     *                             not a scalar floating-point or integer one
     */
    public static TruthCatalog read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads a truth catalogue from a stream (a file on any file system); the stream is not closed.
     *
     * @param name the file's name, for messages
     * @throws FitsFormatException as {@link #read(Path)}
     */
    public static TruthCatalog read(InputStream in, String name) throws IOException {
        try {
            Fits fits = new Fits(in);
            BinaryTableHDU table = FitsBinaryTables.firstTable(fits, name);
            List<String> names = FitsBinaryTables.columnNames(table).stream().map(n -> n.toLowerCase(Locale.ROOT))
                    .toList();
            double[][] cols = new double[COLUMNS.size()][];
            for (int c = 0; c < COLUMNS.size(); c++) {
                int at = names.indexOf(COLUMNS.get(c));
                if (at < 0) {
                    throw new FitsFormatException(name, "no column " + COLUMNS.get(c) + "; expected " + COLUMNS
                            + ", found " + names);
                }
                cols[c] = FitsBinaryTables.numbers(name, COLUMNS.get(c), table.getColumn(at), table.getNRows());
            }
            return new TruthCatalog(cols[0], cols[1], cols[2], cols[3]);
        } catch (FitsException e) {
            throw new FitsFormatException(name, "unreadable FITS catalogue: " + e.getMessage(), e);
        }
    }

    /** Writes the four columns as a BINTABLE of doubles after an empty primary HDU. */
    public void write(Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(out);
        } catch (IOException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /** Writes the catalogue as {@link #write(Path)} does to a stream, which is flushed, not closed. */
    public void write(OutputStream out) throws IOException {
        FitsBinaryTables.write(out, COLUMNS, List.of(g1.clone(), g2.clone(), g1Intrinsic.clone(), g2Intrinsic.clone()));
    }

    /**
     * Writes the catalogue with the galaxies' IDs first, in a 64-bit integer column {@code ID}, as GREAT3's
     * truth catalogues hold them (the readers here go by row order and ignore it); the stream is flushed,
     * not closed.
     *
     * @param id the galaxy IDs, in the catalogue's row order
     * @throws IllegalArgumentException when there is not one ID per row
     */
    public void write(OutputStream out, long[] id) throws IOException {
        if (id.length != size()) {
            throw new IllegalArgumentException(id.length + " IDs for a truth catalogue of " + size() + " rows");
        }
        List<String> names = new ArrayList<>(List.of(ID_COLUMN));
        names.addAll(COLUMNS);
        FitsBinaryTables.write(out, names, List.of(id.clone(), g1.clone(), g2.clone(), g1Intrinsic.clone(),
                g2Intrinsic.clone()));
    }

    @Override public double[] g1() {
        return g1.clone();
    }

    @Override public double[] g2() {
        return g2.clone();
    }

    @Override public double[] g1Intrinsic() {
        return g1Intrinsic.clone();
    }

    @Override public double[] g2Intrinsic() {
        return g2Intrinsic.clone();
    }
}
