package org.megalut.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextNumbersTest {

    @Test
    void decimalSyntaxIsStrict() {
        for (String ok : new String[] {"0", "-7", "+3", ".5", "5.", "1e5", "-1.5E-03", "2.300000000000000000e+01"}) {
            assertTrue(TextNumbers.isDecimal(ok), ok);
        }
        for (String bad : new String[] {"", "+", ".", "e5", "1e", "1e+", "1.2.3", "1f", "0x10", "Infinity", "NaN",
            "1 2", "--1"}) {
            assertFalse(TextNumbers.isDecimal(bad), bad);
        }
    }

    @Test
    void pythonAndYamlSpecialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, TextNumbers.parseDouble("-.inf", "f", 1, "v"));
        assertEquals(Double.POSITIVE_INFINITY, TextNumbers.parseDouble("inf", "f", 1, "v"));
        assertTrue(Double.isNaN(TextNumbers.parseDouble("nan", "f", 1, "v")));
        assertEquals(-0.0015, TextNumbers.parseDouble("-1.5E-03", "f", 1, "v"));
        assertTrue(TextNumbers.isExactInteger(23.0));
        assertFalse(TextNumbers.isExactInteger(23.5));
        assertFalse(TextNumbers.isExactInteger(Double.NaN));
        assertFalse(TextNumbers.isExactInteger(1e300));
    }
}
