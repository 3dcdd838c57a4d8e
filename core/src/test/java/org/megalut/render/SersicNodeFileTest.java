package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.megalut.testing.CrossCpu;

/** The shipped Sérsic node tables are what the quadrature builds. */
class SersicNodeFileTest {

    /**
     * The file was built on another machine, and the quadrature's integrand goes through exp, pow, sin and
     * cos, whose last bit differs between CPUs ({@code CrossCpu}); an adaptive quadrature may also stop one
     * level earlier or later on such a change. This test prints the largest difference it finds (run it
     * with {@code -XX:+UnlockDiagnosticVMOptions -XX:-UseLibmIntrinsic} to see another CPU's last bits).
     * Values are per unit flux (H(0) = 1), so 1e-12
     * is seven orders below the tables' k-value accuracy (GalSim's 1e-5) and far below any change of
     * algorithm or grid, which moves values by ≥ 1e-9.
     */
    private static final double VALUE_TOLERANCE = 1e-12;
    /** b(n) and the fold radius come from root finders converged to ~1e-15 relative. */
    private static final double ROOT_RELATIVE = 1e-12;

    @Test
    void shippedNodesAreThoseTheQuadratureComputes() {
        SersicKTable[] shipped = SersicNodeFile.load(SersicTables.nodeCount(), SersicKTable.N_MIN, SersicTables.N_STEP);
        assertNotNull(shipped, "resource " + SersicNodeFile.RESOURCE + " missing or built for other grid constants");
        assertEquals(SersicTables.nodeCount(), shipped.length);
        // a sample over the n range whose quadratures are quick (the large-n ones take seconds)
        double worst = 0;
        for (int j : new int[] {0, 4, 14, 37, 54}) {
            SersicKTable computed = SersicKTable.compute(SersicTables.nodeN(j));
            SersicKTable s = shipped[j];
            assertEquals(computed.n(), s.n(), "n of node " + j);
            CrossCpu.assertRelative(s.b(), computed.b(), ROOT_RELATIVE, "b of node " + j);
            CrossCpu.assertRelative(s.foldRadius(), computed.foldRadius(), ROOT_RELATIVE, "fold radius of node " + j);
            assertArrayEquals(s.nodeValues(), computed.nodeValues(), VALUE_TOLERANCE, "values of node " + j);
            for (int i = 0; i < s.nodeValues().length; i++) {
                worst = Math.max(worst, Math.abs(s.nodeValues()[i] - computed.nodeValues()[i]));
            }
            // maxK is a node of the ln-q grid chosen by a threshold test: a value within an ulp of the
            // threshold may move it by one grid step
            double ratio = computed.maxKr0() / s.maxKr0();
            assertTrue(ratio >= Math.exp(-SersicKTable.DX) * (1 - 1e-12) && ratio <= Math.exp(SersicKTable.DX) * (1 + 1e-12),
                    "maxK of node " + j + ": shipped " + s.maxKr0() + ", computed " + computed.maxKr0());
        }
        System.out.printf("shipped Sersic nodes vs the quadrature here: largest |difference| %.3g (per unit flux)%n", worst);
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
