package org.megalut.great3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.util.FitsOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.fits.FitsFormatException;


class CatalogTest {

    @TempDir
    Path tmp;

    private static byte[] txt(GalaxyCatalog c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.writeTxt(out);
        return out.toByteArray();
    }

    private static byte[] fits(GalaxyCatalog c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.writeFits(out);
        return out.toByteArray();
    }

    private static GalaxyCatalog readGalaxies(String name, byte[] bytes, int rows) throws IOException {
        return GalaxyCatalog.read(new ByteArrayInputStream(bytes), name, rows);
    }

    private static GalaxyCatalog readGalaxies(String name, String text, int rows) throws IOException {
        return readGalaxies(name, text.getBytes(StandardCharsets.US_ASCII), rows);
    }

    @Test
    void gridFollowsGreat3IdFormulaAndRowOrder() {
        GalaxyCatalog c = GalaxyCatalog.grid(7, 100, 48);
        assertEquals(10_000, c.size());
        assertEquals(23, c.x(0));
        assertEquals(23, c.y(0));
        assertEquals(7_000_000L, c.id(0));
        // x varies fastest: entry 1 is the next column of the first row.
        assertEquals(71, c.x(1));
        assertEquals(23, c.y(1));
        assertEquals(7_001_000L, c.id(1));
        assertEquals(23, c.x(100));
        assertEquals(71, c.y(100));
        assertEquals(7_000_001L, c.id(100));
        int k = 100 * 42 + 17;
        assertEquals(48 * 17 + 23, c.x(k));
        assertEquals(48 * 42 + 23, c.y(k));
        assertEquals(7_017_042L, c.id(k));
        assertEquals(4775, c.x(9999));
        assertEquals(7_099_099L, c.id(9999));
        assertEquals(204_000_000L, GalaxyCatalog.grid(204, 100, 48).id(0));
    }

    @Test
    void textIsByteExactGreat3() throws IOException {
        String text = new String(txt(GalaxyCatalog.grid(0, 100, 48)), StandardCharsets.US_ASCII);
        String[] lines = text.split("\n", -1);
        assertEquals("# x", lines[0]);
        assertEquals("# y", lines[1]);
        assertEquals("# ID", lines[2]);
        assertEquals("2.300000000000000000e+01 2.300000000000000000e+01 0.000000000000000000e+00", lines[3]);
        assertEquals("7.100000000000000000e+01 2.300000000000000000e+01 1.000000000000000000e+03", lines[4]);
        assertEquals(3 + 10_000 + 1, lines.length);
        assertEquals("", lines[lines.length - 1]);
        for (int i = 3; i < lines.length - 1; i++) {
            assertEquals(75, lines[i].length() + 1, "line " + i + " with its newline");
        }
        String last = new String(txt(GalaxyCatalog.grid(199, 100, 48)), StandardCharsets.US_ASCII).split("\n")[10_002];
        assertEquals("4.775000000000000000e+03 4.775000000000000000e+03 1.990990990000000000e+08", last);
    }

    @Test
    void textAndFitsRoundTrip() throws IOException {
        GalaxyCatalog c = GalaxyCatalog.grid(12, 20, 48);
        assertEquals(c, readGalaxies("galaxy_catalog-012.txt", txt(c), 400));
        assertEquals(c, readGalaxies("galaxy_catalog-012.fits", fits(c), 400));
        Path file = tmp.resolve(BranchLayout.galaxyCatalogFits(12));
        c.write(file);
        assertEquals(c, GalaxyCatalog.read(file, 400));
        Path text = tmp.resolve(BranchLayout.galaxyCatalogTxt(12));
        c.write(text);
        assertEquals(c, GalaxyCatalog.read(text, 400));
        assertEquals(c, GalaxyCatalog.read(text));
    }

    @Test
    void fitsIsStandardInt64TableAfterEmptyPrimaryAndDeterministic() throws Exception {
        GalaxyCatalog c = GalaxyCatalog.grid(3, 4, 48);
        byte[] bytes = fits(c);
        assertArrayEquals(bytes, fits(c), "two writes give identical bytes");
        try (Fits f = new Fits(new ByteArrayInputStream(bytes))) {
            BasicHDU<?>[] hdus = f.read();
            assertEquals(2, hdus.length);
            assertEquals(0, hdus[0].getHeader().getIntValue("NAXIS"));
            BinaryTableHDU t = (BinaryTableHDU) hdus[1];
            assertEquals("x", t.getColumnName(0));
            assertEquals("ID", t.getColumnName(2));
            assertEquals("1K", t.getHeader().getStringValue("TFORM3"));
            assertEquals(24, t.getHeader().getIntValue("NAXIS1"));
            assertEquals(3_002_003L, ((long[]) t.getColumn(2))[14], "row 3, col 2");
        }
    }

    /** A BINTABLE written by nom-tam from the given columns, with the given column names. */
    private static byte[] table(String[] names, Object... columns) throws Exception {
        BinaryTable table = new BinaryTable();
        for (Object col : columns) {
            table.addColumn(col);
        }
        BinaryTableHDU hdu = BinaryTableHDU.wrap(table);
        for (int i = 0; i < names.length; i++) {
            hdu.setColumnName(i, names[i], null);
        }
        Fits f = new Fits();
        f.addHDU(hdu);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FitsOutputStream fo = new FitsOutputStream(out)) {
            f.write(fo);
        }
        return out.toByteArray();
    }

    @Test
    void fitsWithInt32AndFloatColumnsAndOtherCase() throws Exception {
        byte[] j = table(new String[] {"X", "Y", "id"}, new int[] {23, 71}, new int[] {23, 23}, new int[] {5, 1005});
        GalaxyCatalog c = readGalaxies("j.fits", j, 2);
        assertEquals(new GalaxyCatalog(new int[] {23, 71}, new int[] {23, 23}, new long[] {5, 1005}), c);

        byte[] d = table(new String[] {"ID", "x", "y", "flux"}, new double[] {5}, new double[] {23}, new float[] {71},
                new double[] {1.5});
        assertEquals(new GalaxyCatalog(new int[] {23}, new int[] {71}, new long[] {5}), readGalaxies("d.fits", d, 1));

        byte[] half = table(new String[] {"x", "y", "ID"}, new double[] {23.5}, new double[] {23}, new double[] {0});
        Great3FormatException e = assertThrows(Great3FormatException.class, () -> readGalaxies("half.fits", half, 1));
        assertTrue(e.getMessage().startsWith("half.fits: column x, row 0"), e.getMessage());
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        Great3FormatException t = assertThrows(Great3FormatException.class,
                () -> readGalaxies("galaxy_catalog-001.txt", "# x\n# y\n23 23\n", 1));
        assertTrue(t.getMessage().startsWith("galaxy_catalog-001.txt: missing column ID"), t.getMessage());
        assertTrue(t.getMessage().contains("found [x, y]"), t.getMessage());

        byte[] f = table(new String[] {"x", "y"}, new long[] {23}, new long[] {23});
        Great3FormatException e = assertThrows(Great3FormatException.class,
                () -> readGalaxies("galaxy_catalog-001.fits", f, 1));
        assertTrue(e.getMessage().startsWith("galaxy_catalog-001.fits: missing column ID"), e.getMessage());
    }

    @Test
    void shortCatalogIsReported() throws IOException {
        byte[] full = txt(GalaxyCatalog.grid(5, 10, 48));
        String text = new String(full, StandardCharsets.US_ASCII);
        String shorter = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
        Great3FormatException e = assertThrows(Great3FormatException.class,
                () -> readGalaxies("galaxy_catalog-005.txt", shorter, 100));
        assertEquals("galaxy_catalog-005.txt: expected 100 rows, found 99", e.getMessage());

        Great3FormatException f = assertThrows(Great3FormatException.class,
                () -> readGalaxies("galaxy_catalog-005.fits", fits(GalaxyCatalog.grid(5, 9, 48)), 100));
        assertEquals("galaxy_catalog-005.fits: expected 100 rows, found 81", f.getMessage());
    }

    @Test
    void badTextValuesGiveLineNumbers() {
        Great3FormatException nonNumeric = assertThrows(Great3FormatException.class,
                () -> readGalaxies("c.txt", "# x\n# y\n# ID\n23 23 0\n71 abc 1000\n", 2));
        assertEquals("c.txt, line 5: column y = 'abc', expected a number", nonNumeric.getMessage());
        Great3FormatException javaOnly = assertThrows(Great3FormatException.class,
                () -> readGalaxies("c.txt", "# x\n# y\n# ID\n23 23 1f\n", 1));
        assertTrue(javaOnly.getMessage().startsWith("c.txt, line 4: column ID = '1f'"), javaOnly.getMessage());
        Great3FormatException fraction = assertThrows(Great3FormatException.class,
                () -> readGalaxies("c.txt", "# x\n# y\n# ID\n2.35e+01 23 0\n", 1));
        assertTrue(fraction.getMessage().startsWith("c.txt, line 4: column x = 2.35e+01, expected an integer"),
                fraction.getMessage());
        Great3FormatException width = assertThrows(Great3FormatException.class,
                () -> readGalaxies("c.txt", "# x\n# y\n# ID\n23 23\n", 1));
        assertTrue(width.getMessage().startsWith("c.txt, line 4: expected 3 values"), width.getMessage());
        Great3FormatException noHeader = assertThrows(Great3FormatException.class,
                () -> readGalaxies("c.txt", "23 23 0\n", 1));
        assertTrue(noHeader.getMessage().startsWith("c.txt, line 1: expected '# name' lines"), noHeader.getMessage());
        Great3FormatException negative = assertThrows(Great3FormatException.class,
                () -> readGalaxies("c.txt", "# x\n# y\n# ID\n-1 23 0\n", 1));
        assertTrue(negative.getMessage().startsWith("c.txt: column x, row 0"), negative.getMessage());
    }

    @Test
    void truncatedOrForeignFitsCatalogIsAFitsError() throws IOException {
        byte[] full = fits(GalaxyCatalog.grid(0, 20, 48));
        byte[] cut = Arrays.copyOf(full, full.length - 2880);
        FitsFormatException e = assertThrows(FitsFormatException.class,
                () -> readGalaxies("galaxy_catalog-000.fits", cut, 400));
        assertTrue(e.getMessage().startsWith("galaxy_catalog-000.fits: "), e.getMessage());
        assertThrows(Great3FormatException.class, () -> readGalaxies("galaxy_catalog-000.dat", full, 400));
    }

    @Test
    void starCatalogGridAndRoundTrips() throws IOException {
        StarCatalog s = StarCatalog.grid(3, 48);
        int[][] expected = {{23, 23}, {71, 23}, {119, 23}, {23, 71}, {71, 71}, {119, 71}, {23, 119}, {71, 119},
            {119, 119}};
        assertEquals(9, s.size());
        for (int k = 0; k < 9; k++) {
            assertEquals(expected[k][0], s.x(k));
            assertEquals(expected[k][1], s.y(k));
        }
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        s.writeTxt(t);
        String text = t.toString(StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("# x\n# y\n2.300000000000000000e+01 2.300000000000000000e+01\n"), text);
        assertEquals(s, StarCatalog.read(new ByteArrayInputStream(t.toByteArray()), "star_catalog-000.txt", 9));
        Path file = tmp.resolve(BranchLayout.starCatalogFits(0));
        s.write(file);
        assertEquals(s, StarCatalog.read(file, 9));
        assertEquals(s, StarCatalog.read(file));
        Great3FormatException e = assertThrows(Great3FormatException.class, () -> StarCatalog.read(file, 10));
        assertTrue(e.getMessage().endsWith("star_catalog-000.fits: expected 10 rows, found 9"), e.getMessage());
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void integerScientificFormatMatchesPrintf() {
        for (long v : new long[] {0, 1, -1, 23, 4775, 199_099_099, -1000, 1_000_000_000_000L, Long.MAX_VALUE,
            Long.MIN_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%.18e", BigDecimal.valueOf(v)),
                    CatalogColumns.sci18(v), "value " + v);
        }
    }
}
