package org.megalut.great3;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A GREAT3 galaxy catalogue ({@code galaxy_catalog-SSS.txt/.fits}): for each galaxy k, its stamp's
 * catalogue position (x, y) in 0-based pixels (see {@link Stamps}) and its ID
 * 1 000 000·subfield + 1000·col + row. Immutable.
 */
public final class GalaxyCatalog {
    /** Column names, in GREAT3's order. */
    public static final List<String> COLUMNS = List.of("x", "y", "ID");
    /** The ID formula holds while col and row fit in three digits. */
    private static final int MAX_GRID = 1000;

    private final int[] x;
    private final int[] y;
    private final long[] id;

    /**
     * @param x  0-based catalogue x (column) positions
     * @param y  0-based catalogue y (row) positions
     * @param id galaxy IDs
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public GalaxyCatalog(int[] x, int[] y, long[] id) {
        if (x.length != y.length || x.length != id.length) {
            throw new IllegalArgumentException("x, y and ID need equal lengths, got " + x.length + ", "
                    + y.length + ", " + id.length);
        }
        this.x = x.clone();
        this.y = y.clone();
        this.id = id.clone();
    }

    /**
     * The catalogue GREAT3 wrote for a subfield: a gridSize × gridSize grid of stamps in row-major
     * order (x fastest), x = S·col + S/2 − 1, y = S·row + S/2 − 1 and
     * ID = 1 000 000·subfield + 1000·col + row (R:great3sims/shear.py). GREAT3: gridSize 100, S 48.
     *
     * @param subfield internal subfield number (200..204 for deep subfields, as in GREAT3 IDs)
     */
    public static GalaxyCatalog grid(int subfield, int gridSize, int stampSize) {
        if (subfield < 0) {
            throw new IllegalArgumentException("subfield must be >= 0, got " + subfield);
        }
        if (gridSize < 1 || gridSize > MAX_GRID) {
            throw new IllegalArgumentException("grid size must be in [1, " + MAX_GRID + "], got " + gridSize);
        }
        int n = gridSize * gridSize;
        int[] xs = new int[n];
        int[] ys = new int[n];
        long[] ids = new long[n];
        for (int row = 0; row < gridSize; row++) {
            for (int col = 0; col < gridSize; col++) {
                int k = row * gridSize + col;
                xs[k] = Stamps.catalogPosition(col, stampSize);
                ys[k] = Stamps.catalogPosition(row, stampSize);
                ids[k] = 1_000_000L * subfield + 1000L * col + row;
            }
        }
        return new GalaxyCatalog(xs, ys, ids);
    }

    /** Reads a {@code .txt} or {@code .fits} catalogue (chosen by the name's extension), any row count. */
    public static GalaxyCatalog read(InputStream in, String name) throws IOException {
        return of(name, CatalogColumns.read(in, name, COLUMNS, OptionalInt.empty()));
    }

    /**
     * Reads a {@code .txt} or {@code .fits} catalogue, chosen by the name's extension.
     *
     * @param expectedRows e.g. gridSize² = 10 000 for GREAT3
     * @throws Great3FormatException naming the file if a column is missing, a value is not an
     *                               integer, or the row count differs
     */
    public static GalaxyCatalog read(InputStream in, String name, int expectedRows) throws IOException {
        return of(name, CatalogColumns.read(in, name, COLUMNS, OptionalInt.of(expectedRows)));
    }

    /** Reads a local {@code .txt} or {@code .fits} catalogue, any row count. */
    public static GalaxyCatalog read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString());
        }
    }

    /** Reads a local {@code .txt} or {@code .fits} catalogue with the expected row count. */
    public static GalaxyCatalog read(Path path, int expectedRows) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString(), expectedRows);
        }
    }

    private static GalaxyCatalog of(String name, long[][] columns) {
        return new GalaxyCatalog(CatalogColumns.positions(name, "x", columns[0]),
                CatalogColumns.positions(name, "y", columns[1]), columns[2]);
    }

    /** Writes the text form exactly as GREAT3: {@code # x}, {@code # y}, {@code # ID}, then {@code %.18e} rows. */
    public void writeTxt(OutputStream out) throws IOException {
        CatalogColumns.writeTxt(out, COLUMNS, longColumns());
    }

    /** Writes the FITS form: empty primary HDU and a BINTABLE of int64 ('K') columns x, y, ID. */
    public void writeFits(OutputStream out) throws IOException {
        CatalogColumns.writeFits(out, COLUMNS, longColumns());
    }

    /** Writes a local {@code .txt} or {@code .fits} file, chosen by the extension. */
    public void write(Path path) throws IOException {
        CatalogColumns.write(path, COLUMNS, longColumns());
    }

    private long[][] longColumns() {
        return new long[][] {CatalogColumns.toLong(x), CatalogColumns.toLong(y), id};
    }

    /** Number of galaxies. */
    public int size() {
        return x.length;
    }

    /** Catalogue x (column) of galaxy k, 0-based pixels. */
    public int x(int k) {
        return x[k];
    }

    /** Catalogue y (row) of galaxy k, 0-based pixels. */
    public int y(int k) {
        return y[k];
    }

    /** ID of galaxy k. */
    public long id(int k) {
        return id[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GalaxyCatalog c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y)
                && Arrays.equals(id, c.id);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(x) + Arrays.hashCode(y)) + Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "GalaxyCatalog[" + size() + " galaxies]";
    }
}
