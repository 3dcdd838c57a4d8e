package org.megalut.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongTableTest {
    static final String CSV = """
            case,realization,f1,f2,t,a
            20,0,1.0,2.0,0.5,0.1
            20,1,1.5,,0.5,0.2
            10,0,3.0,4.0,-0.5,0.3
            10,1,3.5,4.5,-0.5,nan
            10,2,3.6,4.6,-0.5,0.4
            """;

    static LongTable table() throws IOException {
        return LongTableCsv.read(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), "test.csv",
                "case", "realization");
    }

    @Test
    void buildsTensorsWithMasks() throws IOException {
        TableTensors tt = table().tensors(List.of("f1", "f2"), List.of("t"), List.of("a"));
        assertArrayEquals(new long[] {10, 20}, tt.caseIds());
        assertArrayEquals(new long[] {0, 1, 2}, tt.realizationIds());
        NetworkData d = tt.data();
        assertEquals(3, d.realizations());
        assertEquals(2, d.features());
        assertEquals(2, d.cases());
        assertEquals(3.0, d.inputs().get(0, 0, 0));
        assertEquals(4.6, d.inputs().get(2, 1, 0));
        assertEquals(-0.5, d.targets().get(0, 0));
        assertEquals(0.5, d.targets().get(0, 1));
        RealizationMask m = d.mask();
        assertFalse(m.isMasked(0, 0));
        assertTrue(m.isMasked(1, 0), "masked aux masks the realization");
        assertTrue(m.isMasked(1, 1), "masked feature masks the realization");
        assertTrue(m.isMasked(2, 1), "missing row is masked");
        assertFalse(tt.isPresent(2, 1));
        assertEquals(2, m.unmaskedCount(0));
        assertEquals(1, m.unmaskedCount(1));
        NetworkData prepared = d.normalised(Normer.fit(NormType.SA1, d.inputs()), null);
        for (double v : prepared.inputs().data()) {
            assertTrue(Double.isFinite(v));
        }
        assertEquals(1.0 / 3.6, prepared.inputs().get(0, 0, 1), 1e-15);
    }

    @Test
    void csvRoundTrip(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        LongTable t = table();
        Path file = dir.resolve("t.csv");
        LongTableCsv.write(t, file);
        LongTable back = LongTableCsv.read(file);
        assertEquals(t.columns(), back.columns());
        assertEquals(t.rowCount(), back.rowCount());
        for (int row = 0; row < t.rowCount(); row++) {
            assertEquals(t.caseId(row), back.caseId(row));
            assertEquals(t.realizationId(row), back.realizationId(row));
            for (String col : t.columns()) {
                assertEquals(t.value(row, col), back.value(row, col), 0.0);
            }
        }
        assertTrue(Double.isNaN(back.value(1, "f2")));
    }

    @Test
    void badTablesAreRejected() {
        LongTable.Builder b = LongTable.builder(List.of("f", "t"));
        b.add(1, 0, 1.0, 0.1).add(1, 1, 2.0, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.build().tensors(List.of("f"), List.of("t"), List.of()));
        assertTrue(e.getMessage().contains("varies"));
        LongTable dup = LongTable.builder(List.of("f")).add(1, 0, 1.0).add(1, 0, 2.0).build();
        assertThrows(IllegalArgumentException.class, () -> dup.tensors(List.of("f"), List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> dup.tensors(List.of("g"), List.of(), List.of()));
        LongTable nullTarget = LongTable.builder(List.of("f", "t")).addNullable(1, 0, 1.0, null).build();
        assertThrows(IllegalArgumentException.class,
                () -> nullTarget.tensors(List.of("f"), List.of("t"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> LongTableCsv.read(
                new ByteArrayInputStream("case,f\n1,2\n".getBytes(StandardCharsets.UTF_8)), "x", "case",
                "realization"));
    }

    @Test
    void aSizedBuilderGivesTheSameTableWhetherFilledExactlyShortOrBeyond() {
        for (int capacity : new int[] {0, 2, 3, 5}) {
            LongTable.Builder b = LongTable.builder(List.of("x", "y"), capacity);
            for (int r = 0; r < 3; r++) {
                b.add(7, r, r, -r);
            }
            LongTable t = b.build();
            assertEquals(3, t.rowCount(), "capacity " + capacity);
            assertEquals(2.0, t.value(2, "x"));
            assertEquals(-1.0, t.value(1, "y"));
            // A row added after build goes to the builder's next table, never to this one.
            b.add(8, 0, 9, 9);
            assertEquals(3, t.rowCount());
            assertEquals(4, b.build().rowCount());
            assertEquals(2.0, t.value(2, "x"));
        }
        assertThrows(IllegalArgumentException.class, () -> LongTable.builder(List.of("x"), -1));
    }

    @Test
    void aSelectionKeepsTheRowsAndIdsWithTheNamedColumnsInTheirOrder() {
        LongTable t = LongTable.builder(List.of("x", "y", "z")).add(1, 0, 1, 2, 3).add(2, 5, 4, Double.NaN, 6).build();
        LongTable s = t.select(List.of("z", "x"));
        assertEquals(List.of("z", "x"), s.columns());
        assertEquals(2, s.rowCount());
        assertEquals(2, s.caseId(1));
        assertEquals(5, s.realizationId(1));
        assertEquals(6.0, s.value(1, "z"));
        assertEquals(1.0, s.value(0, "x"));
        assertThrows(IllegalArgumentException.class, () -> s.value(0, "y"));
        assertThrows(IllegalArgumentException.class, () -> t.select(List.of("w")));
    }
}
