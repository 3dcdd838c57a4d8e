package org.megalut.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormerTest {
    // 2 realizations, 2 features, 2 cases; feature 1 has a masked value that must be ignored.
    static final Tensor3 X = new Tensor3(2, 2, 2, new double[] {1, -3, 10, Double.NaN, 2, 0, 20, 30});

    @Test
    void fitsIgnoringMaskedValues() {
        Normer sa1 = Normer.fit(NormType.SA1, X);
        assertArrayEquals(new double[] {3, 30}, sa1.b());
        Normer m11 = Normer.fit(NormType.MINUS_ONE_ONE, X);
        assertArrayEquals(new double[] {-3, 10}, m11.a());
        assertArrayEquals(new double[] {5, 20}, m11.b());
        Normer std = Normer.fit(NormType.STD, X);
        assertEquals(0.0, std.a()[0], 1e-15);
        assertEquals(Math.sqrt((1 + 9 + 4 + 0) / 4.0), std.b()[0], 1e-15);
        assertEquals(20.0, std.a()[1], 1e-15);
    }

    @Test
    void normaliseAndDenormaliseAreInverse() {
        for (NormType t : NormType.values()) {
            Normer n = Normer.fit(t, X);
            Tensor3 back = n.denormalise(n.normalise(X));
            for (int i = 0; i < X.data().length; i++) {
                if (!Double.isNaN(X.data()[i])) {
                    assertEquals(X.data()[i], back.data()[i], 1e-12, t + " " + i);
                } else {
                    assertTrue(Double.isNaN(back.data()[i]));
                }
            }
        }
        Tensor3 m = Normer.fit(NormType.MINUS_ONE_ONE, X).normalise(X);
        assertEquals(-1.0, m.get(0, 0, 1), 1e-15);
        assertEquals(1.0, m.get(1, 1, 1), 1e-15);
    }

    @Test
    void constantFeatureIsAnError() {
        Tensor3 x = new Tensor3(1, 1, 3, new double[] {2, 2, 2});
        assertThrows(IllegalArgumentException.class, () -> Normer.fit(NormType.MINUS_ONE_ONE, x));
        assertThrows(IllegalArgumentException.class, () -> NormType.byName("minmax"));
    }
}
