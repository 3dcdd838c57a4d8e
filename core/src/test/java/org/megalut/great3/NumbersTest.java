package org.megalut.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void decimalSyntaxIsStrict() {
        for (String ok : new String[] {"0", "-7", "+3", ".5", "5.", "1e5", "-1.5E-03", "2.300000000000000000e+01"}) {
            assertTrue(Numbers.isDecimal(ok), ok);
        }
        for (String bad : new String[] {"", "+", ".", "e5", "1e", "1e+", "1.2.3", "1f", "0x10", "Infinity", "NaN",
            "1 2", "--1"}) {
            assertFalse(Numbers.isDecimal(bad), bad);
        }
    }

    @Test
    void pythonAndYamlSpecialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, Numbers.parseDouble("-.inf", "f", 1, "v"));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.parseDouble("inf", "f", 1, "v"));
        assertTrue(Double.isNaN(Numbers.parseDouble("nan", "f", 1, "v")));
        assertEquals(-0.0015, Numbers.parseDouble("-1.5E-03", "f", 1, "v"));
        assertTrue(Numbers.isExactInteger(23.0));
        assertFalse(Numbers.isExactInteger(23.5));
        assertFalse(Numbers.isExactInteger(Double.NaN));
        assertFalse(Numbers.isExactInteger(1e300));
    }
}
