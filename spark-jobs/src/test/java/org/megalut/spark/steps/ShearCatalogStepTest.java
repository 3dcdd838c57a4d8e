package org.megalut.spark.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.ShearCatalog;
import org.megalut.ml.data.LongTable;

class ShearCatalogStepTest {
    private static final List<String> COLUMNS = List.of("x", "pre_s1", "pre_s2", "pre_s1w", "pre_s2w");

    @Test
    void everyGalaxyInIdOrderWithFailuresFlagged() {
        long a = FieldLattice.encode(23, 3, 10);
        long b = FieldLattice.encode(23, 10, 3);
        long c = FieldLattice.encode(23, 10, 10);
        long d = FieldLattice.encode(23, 3, 3);
        LongTable t = LongTable.builder(COLUMNS)
                .add(c, 0, 1, 0.01, 0.02, 2.0, 4.0)
                .add(a, 0, 2, Double.NaN, Double.NaN, Double.NaN, Double.NaN) // measurement failed
                .add(d, 0, 3, -0.03, 0.04, 1.0, 1.0)
                .add(b, 0, 4, 0.05, -0.06, Double.NaN, 1.0) // no weight: failed too
                .build();
        ShearCatalog cat = ShearCatalogStep.catalog(t, 23, 4, "p.parquet");
        assertArrayEquals(new long[] {d, a, b, c}, cat.id());
        assertArrayEquals(new double[] {-0.03, 20, 20, 0.01}, cat.g1());
        assertArrayEquals(new double[] {0.04, 20, 20, 0.02}, cat.g2());
        assertArrayEquals(new double[] {1.0, 0, 0, 3.0}, cat.weight());
        assertTrue(cat.passes(0) && !cat.passes(1) && !cat.passes(2) && cat.passes(3));
    }

    @Test
    void aMissingGalaxyOrAnotherSubfieldsIdIsAnError() {
        LongTable t = LongTable.builder(COLUMNS).add(FieldLattice.encode(23, 3, 3), 0, 1, 0, 0, 1, 1)
                .add(FieldLattice.encode(24, 3, 3), 0, 1, 0, 0, 1, 1).build();
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> ShearCatalogStep.catalog(t, 23, 9, "p.parquet"));
        assertEquals("p.parquet: 2 galaxies, expected 9 (branch.grid²): GREAT3 needs every galaxy of the subfield in"
                + " the catalogue", count.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> ShearCatalogStep.catalog(t, 23, 2, "p.parquet"));
        assertTrue(other.getMessage().contains("galaxy ID 24003003 belongs to subfield 24, not 23"), other.getMessage());
    }
}
