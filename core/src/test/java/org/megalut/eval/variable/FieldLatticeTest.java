package org.megalut.eval.variable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FieldLatticeTest {
    @Test
    void decodesSubfieldThenXThenY() {
        FieldLattice.Position p = FieldLattice.decode(137_412_035L);
        assertEquals(137, p.subfield());
        assertEquals(6, p.field());
        assertEquals(412, p.ix());
        assertEquals(35, p.iy());
        assertEquals(412 * 10.0 / 700, p.xDeg(), 1e-15);
        assertEquals(35 * 10.0 / 700, p.yDeg(), 1e-15);
    }

    @Test
    void leadingZerosAreImplicit() {
        FieldLattice.Position p = FieldLattice.decode(5_006L);
        assertEquals(0, p.subfield());
        assertEquals(5, p.ix());
        assertEquals(6, p.iy());
    }

    @Test
    void encodeInvertsDecode() {
        for (int sub : new int[] {0, 19, 20, 199}) {
            for (int ix : new int[] {0, 6, 693, 699}) {
                FieldLattice.Position p = FieldLattice.decode(FieldLattice.encode(sub, ix, 699 - ix));
                assertEquals(new FieldLattice.Position(sub, ix, 699 - ix), p);
            }
        }
    }

    @Test
    void subfieldGridsInterleaveOnTheLattice() {
        // Grid column 99 with offset 6 steps is the last lattice point; offsets come in 1/70 deg.
        assertEquals(699, FieldLattice.latticeIndex(99, 6));
        assertEquals(3, FieldLattice.offsetSteps(3 * 0.1 / 7));
        assertThrows(IllegalArgumentException.class, () -> FieldLattice.offsetSteps(0.005));
        assertThrows(IllegalArgumentException.class, () -> FieldLattice.offsetSteps(0.1));
        assertThrows(IllegalArgumentException.class, () -> FieldLattice.latticeIndex(100, 0));
    }

    @Test
    void rejectsIdsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> FieldLattice.decode(-1));
        assertThrows(IllegalArgumentException.class, () -> FieldLattice.decode(1_000_000_000L));
        assertThrows(IllegalArgumentException.class, () -> FieldLattice.encode(0, 1000, 0));
    }
}
