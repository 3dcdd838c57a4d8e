package org.megalut.ml.cost;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;

/** Small random datasets for unit tests. */
final class TestData {
    private TestData() {
    }

    /**
     * A prepared dataset with random inputs in (−1, 1), targets near 0.3, aux in (−0.5, 0.5) and about
     * {@code maskedFraction} of the realizations masked (one case fully masked when that fraction is positive).
     */
    static NetworkData random(long seed, int nr, int nf, int nl, int nc, double maskedFraction) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        Tensor3 x = new Tensor3(nr, nf, nc);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = 2 * rng.nextDouble() - 1;
        }
        Tensor2 t = new Tensor2(nl, nc);
        for (int i = 0; i < t.data().length; i++) {
            t.data()[i] = 0.3 + 0.2 * rng.nextDouble();
        }
        Tensor3 a = new Tensor3(nr, nl, nc);
        for (int i = 0; i < a.data().length; i++) {
            a.data()[i] = rng.nextDouble() - 0.5;
        }
        if (maskedFraction > 0) {
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < nc; c++) {
                    if (c == nc - 1 || rng.nextDouble() < maskedFraction) {
                        x.set(r, rng.nextInt(nf), c, Double.NaN);
                    }
                }
            }
        }
        return NetworkData.of(x, t, a).normalised(null, null);
    }
}
