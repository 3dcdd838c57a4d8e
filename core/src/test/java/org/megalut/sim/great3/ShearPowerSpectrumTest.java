package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShearPowerSpectrumTest {

    @Test
    void interpolatesLinearlyInLogLog() {
        ShearPowerSpectrum p = new ShearPowerSpectrum(new double[] {10, 1000}, new double[] {1e-8, 1e-12});
        assertEquals(1e-8, p.power(10), 1e-20);
        assertEquals(1e-12, p.power(1000), 1e-24);
        // C ∝ ℓ^-2 between the nodes
        assertEquals(1e-10, p.power(100), 1e-22);
        assertEquals(1e-8 / 9, p.power(30), 1e-20);
        assertThrows(IllegalArgumentException.class, () -> p.power(9.9));
        assertThrows(IllegalArgumentException.class, () -> p.power(1001));
    }

    @Test
    void theShippedTableIsGalSimsICosmoTable() {
        ShearPowerSpectrum p = ShearPowerSpectrum.fiducial();
        assertEquals(10.0, p.minEll(), 1e-9);
        assertEquals(1.962354e4, p.maxEll(), 1e-2);
        // nodes of the table, read back exactly
        assertEquals(3.512672e-08, p.power(10), 1e-14);
        assertEquals(1.138781e-09, p.power(3.000619e+02), 1e-15);
        // the grid of a GREAT3 field (10°/700 spacing, 2100 points periodic) stays inside the table
        double dk = 2 * Math.PI / (2100 * Math.toRadians(10.0 / 700));
        double kMax = Math.sqrt(2) * Math.PI / Math.toRadians(10.0 / 700);
        assertEquals(true, dk > p.minEll() && kMax < p.maxEll());
    }

    @Test
    void malformedTablesNameTheLine() {
        String text = "# comment\n10 1e-8\n20 oops\n";
        IOException e = assertThrows(IOException.class, () -> ShearPowerSpectrum.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.txt"));
        assertEquals(true, e.getMessage().startsWith("t.txt line 3"), e.getMessage());
    }
}
