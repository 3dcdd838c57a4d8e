package org.megalut.eval.variable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.megalut.fits.FitsBinaryTables;

/** The truth catalogue written with GREAT3's ID column reads back unchanged, and the IDs are there. */
class TruthCatalogTest {

    @Test
    void idsGoFirstInAnIntegerColumnAndTheCatalogueReadsBack() throws Exception {
        TruthCatalog cat = new TruthCatalog(new double[] {0.01, -0.02}, new double[] {0.03, 0.0},
                new double[] {0.2, -0.1}, new double[] {0.05, 0.3});
        long[] ids = {5_012_345L, 199_693_693L};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cat.write(out, ids);
        byte[] bytes = out.toByteArray();

        TruthCatalog back = TruthCatalog.read(new ByteArrayInputStream(bytes), "t.fits");
        assertArrayEquals(cat.g1(), back.g1(), 0);
        assertArrayEquals(cat.g2Intrinsic(), back.g2Intrinsic(), 0);
        try (Fits fits = new Fits(new ByteArrayInputStream(bytes))) {
            BinaryTableHDU table = FitsBinaryTables.firstTable(fits, "t.fits");
            assertEquals(List.of("ID", "g1", "g2", "g1_intrinsic", "g2_intrinsic"), FitsBinaryTables.columnNames(table));
            assertEquals(long[].class, table.getColumn(0).getClass());
            assertArrayEquals(ids, (long[]) table.getColumn(0));
        }
        assertThrows(IllegalArgumentException.class, () -> cat.write(new ByteArrayOutputStream(), new long[] {1}));
    }
}
