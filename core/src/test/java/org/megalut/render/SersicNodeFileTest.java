package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The shipped Sérsic node tables are exactly what the quadrature builds. */
class SersicNodeFileTest {

    @Test
    void shippedNodesAreBitIdenticalToComputedOnes() {
        SersicKTable[] shipped = SersicNodeFile.load(SersicTables.nodeCount(), SersicKTable.N_MIN, SersicTables.N_STEP);
        assertNotNull(shipped, "resource " + SersicNodeFile.RESOURCE + " missing or built for other grid constants");
        assertEquals(SersicTables.nodeCount(), shipped.length);
        // a sample over the n range whose quadratures are quick (the large-n ones take seconds)
        for (int j : new int[] {0, 4, 14, 37, 54}) {
            SersicKTable computed = SersicKTable.compute(SersicTables.nodeN(j));
            SersicKTable s = shipped[j];
            assertEquals(computed.n(), s.n(), "n of node " + j);
            assertEquals(computed.b(), s.b(), 0.0, "b of node " + j);
            assertEquals(computed.foldRadius(), s.foldRadius(), 0.0, "fold radius of node " + j);
            assertArrayEquals(computed.nodeValues(), s.nodeValues(), 0.0, "values of node " + j);
            assertEquals(computed.maxKr0(), s.maxKr0(), 0.0, "maxK of node " + j);
        }
        for (int j = 0; j < shipped.length; j++) {
            assertEquals(SersicTables.nodeN(j), shipped[j].n(), 1e-12, "node order");
        }
    }

    @Test
    void roundTripAndMismatchedGridIsIgnored() throws IOException {
        SersicKTable[] one = {SersicKTable.compute(1.0), SersicKTable.compute(1.05)};
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SersicNodeFile.write(buf, one, 1.0, 0.05);
        SersicKTable[] back = SersicNodeFile.read(new ByteArrayInputStream(buf.toByteArray()), 2, 1.0, 0.05);
        assertNotNull(back);
        assertArrayEquals(one[1].nodeValues(), back[1].nodeValues(), 0.0);
        assertNull(SersicNodeFile.read(new ByteArrayInputStream(buf.toByteArray()), 2, 1.0, 0.1));
        assertNull(SersicNodeFile.read(new ByteArrayInputStream(buf.toByteArray()), 3, 1.0, 0.05));
    }
}
