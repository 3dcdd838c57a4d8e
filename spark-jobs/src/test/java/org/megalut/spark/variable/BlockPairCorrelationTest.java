package org.megalut.spark.variable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.megalut.eval.variable.AngularBins;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.ShearCorrelation;
import org.megalut.eval.variable.ShearGalaxy;
import org.megalut.spark.TestSpark;

class BlockPairCorrelationTest {
    private static final LatticeShearCorrelator CORR = new LatticeShearCorrelator(new AngularBins(0.07, 2.5, 7), 0.05);

    private static List<ShearGalaxy> field(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ShearGalaxy> gals = new ArrayList<>();
        boolean[] taken = new boolean[60 * 60];
        while (gals.size() < 500) {
            int ix = rng.nextInt(60);
            int iy = rng.nextInt(60);
            if (!taken[iy * 60 + ix]) {
                taken[iy * 60 + ix] = true;
                double g1 = rng.nextDouble() < 0.05 ? 10.0 : rng.nextDouble(-0.3, 0.3);
                gals.add(new ShearGalaxy(ix, iy, g1, rng.nextDouble(-0.3, 0.3), rng.nextDouble(0.5, 2)));
            }
        }
        return gals;
    }

    @Test
    void blockPairTasksGiveTheCoreResultWhateverThePartitioning() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.get().sparkContext());
        List<List<ShearGalaxy>> fields = List.of(field(1), field(2));
        List<ShearCorrelation> spark = BlockPairCorrelation.correlate(jsc, fields, CORR, 16, 7);
        List<ShearCorrelation> oneSlice = BlockPairCorrelation.correlate(jsc, fields, CORR, 16, 1);
        for (int f = 0; f < fields.size(); f++) {
            ShearCorrelation core = CORR.correlate(fields.get(f));
            ShearCorrelation s = spark.get(f);
            assertArrayEquals(core.pairs(), s.pairs());
            for (int k = 0; k < 7; k++) {
                assertEquals(core.xiPlus()[k], s.xiPlus()[k], 1e-10 * Math.abs(core.xiPlus()[k]), "xi+ bin " + k);
                assertEquals(core.xiMinus()[k], s.xiMinus()[k], 1e-10 * Math.abs(core.xiMinus()[k]), "xi- bin " + k);
                assertEquals(core.meanLogR()[k], s.meanLogR()[k], 1e-10 * Math.abs(core.meanLogR()[k]));
                assertEquals(core.varXi()[k], s.varXi()[k], 1e-12 * core.varXi()[k]);
            }
            // Added on the driver in a fixed order: bit-identical across partitionings.
            assertArrayEquals(s.xiPlus(), oneSlice.get(f).xiPlus());
            assertArrayEquals(s.xiMinus(), oneSlice.get(f).xiMinus());
        }
    }
}
