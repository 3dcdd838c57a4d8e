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
 * A GREAT3 star catalogue ({@code star_catalog-SSS.txt/.fits}): the catalogue positions (x, y), in
 * 0-based pixels, of the PSF stamps of the star field (see {@link Stamps}). Immutable.
 */
public final class StarCatalog {
    /** Column names, in GREAT3's order. */
    public static final List<String> COLUMNS = List.of("x", "y");

    private final int[] x;
    private final int[] y;

    /** @throws IllegalArgumentException if the arrays differ in length */
    public StarCatalog(int[] x, int[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y need equal lengths, got " + x.length + " and " + y.length);
        }
        this.x = x.clone();
        this.y = y.clone();
    }

    /**
     * The catalogue of a gridSize × gridSize star field in row-major order (x fastest). GREAT3
     * constant-PSF branches: grid(3, 48) gives (23,23), (71,23), (119,23), (23,71), …, (119,119).
     */
    public static StarCatalog grid(int gridSize, int stampSize) {
        if (gridSize < 1) {
            throw new IllegalArgumentException("grid size must be >= 1, got " + gridSize);
        }
        int n = gridSize * gridSize;
        int[] xs = new int[n];
        int[] ys = new int[n];
        for (int row = 0; row < gridSize; row++) {
            for (int col = 0; col < gridSize; col++) {
                xs[row * gridSize + col] = Stamps.catalogPosition(col, stampSize);
                ys[row * gridSize + col] = Stamps.catalogPosition(row, stampSize);
            }
        }
        return new StarCatalog(xs, ys);
    }

    /** Reads a {@code .txt} or {@code .fits} catalogue (chosen by the name's extension), any row count. */
    public static StarCatalog read(InputStream in, String name) throws IOException {
        return of(name, CatalogColumns.read(in, name, COLUMNS, OptionalInt.empty()));
    }

    /**
     * Reads a {@code .txt} or {@code .fits} catalogue, chosen by the name's extension.
     *
     * @param expectedRows 9 for GREAT3 constant-PSF branches
     * @throws Great3FormatException naming the file if a column is missing, a value is not an
     *                               integer, or the row count differs
     */
    public static StarCatalog read(InputStream in, String name, int expectedRows) throws IOException {
        return of(name, CatalogColumns.read(in, name, COLUMNS, OptionalInt.of(expectedRows)));
    }

    /** Reads a local {@code .txt} or {@code .fits} catalogue, any row count. */
    public static StarCatalog read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString());
        }
    }

    /** Reads a local {@code .txt} or {@code .fits} catalogue with the expected row count. */
    public static StarCatalog read(Path path, int expectedRows) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString(), expectedRows);
        }
    }

    private static StarCatalog of(String name, long[][] columns) {
        return new StarCatalog(CatalogColumns.positions(name, "x", columns[0]),
                CatalogColumns.positions(name, "y", columns[1]));
    }

    /** Writes the text form exactly as GREAT3: {@code # x}, {@code # y}, then {@code %.18e} rows. */
    public void writeTxt(OutputStream out) throws IOException {
        CatalogColumns.writeTxt(out, COLUMNS, new long[][] {CatalogColumns.toLong(x), CatalogColumns.toLong(y)});
    }

    /** Writes the FITS form: empty primary HDU and a BINTABLE of int64 ('K') columns x, y. */
    public void writeFits(OutputStream out) throws IOException {
        CatalogColumns.writeFits(out, COLUMNS, new long[][] {CatalogColumns.toLong(x), CatalogColumns.toLong(y)});
    }

    /** Writes a local {@code .txt} or {@code .fits} file, chosen by the extension. */
    public void write(Path path) throws IOException {
        CatalogColumns.write(path, COLUMNS, new long[][] {CatalogColumns.toLong(x), CatalogColumns.toLong(y)});
    }

    /** Number of stars. */
    public int size() {
        return x.length;
    }

    /** Catalogue x (column) of star k, 0-based pixels. */
    public int x(int k) {
        return x[k];
    }

    /** Catalogue y (row) of star k, 0-based pixels. */
    public int y(int k) {
        return y[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StarCatalog c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "StarCatalog[" + size() + " stars]";
    }
}
