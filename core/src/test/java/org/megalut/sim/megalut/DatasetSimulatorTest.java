package org.megalut.sim.megalut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.meas.MeasurementFlag;
import org.megalut.meas.StampMeasurer;
import org.megalut.testing.TestImages;

class DatasetSimulatorTest {

    private static List<Image> stars() {
        List<Image> stars = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            // Pixel-sampled Gaussian PSFs of σ ≈ 1.5 px centred on the stamp's true centre.
            stars.add(TestImages.gaussian(48, 1.0, 23.5, 23.5, 2.2 + 0.05 * k, 0.02, 2.1));
        }
        return stars;
    }

    @Test
    void noiseFreeTrainingStampsMeasureTheirTruth() {
        DatasetSpec spec = new DatasetSpec("train-shear", Distribution.TRAIN, 20, 10, 2, 1, 1, 0, false, false,
                DatasetSpec.Grouping.GALAXY);
        DatasetSimulator sim = new DatasetSimulator(spec, 3, 7, stars(), 0, StampMeasurer.megalutDefaults());
        List<SimulatedStamp> stamps = sim.catalog(0);
        assertEquals(40, stamps.size());
        int agree = 0;
        for (SimulatedStamp s : stamps) {
            assertEquals(MeasurementFlag.OK, s.features().flag());
            assertEquals(s.galaxy().flux(), s.features().flux(), 0.25 * s.galaxy().flux());
            if (Math.signum(s.galaxy().g1()) == Math.signum(s.features().g1())) {
                agree++;
            }
            assertEquals(0.0, s.features().sky().mad(), 1e-3);
        }
        // PSF-convolved shapes are rounder but keep the sign of the intrinsic ellipticity.
        assertTrue(agree >= 36, "sign agreement " + agree + "/40");
        // Realizations of a galaxy differ only by the jitter.
        assertTrue(stamps.get(0).jitterX() != stamps.get(1).jitterX());
        assertEquals(stamps.get(0).caseId(), stamps.get(1).caseId());
        assertEquals(stamps.get(5).features(), new DatasetSimulator(spec, 3, 7, stars(), 0,
                StampMeasurer.megalutDefaults()).catalog(0).get(5).features());
    }

    @Test
    void noisyStampsHaveTheRequestedNoise() {
        DatasetSpec spec = new DatasetSpec("train-weight", Distribution.G3, 10, 10, 1, 2, 4, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR);
        DatasetSimulator sim = new DatasetSimulator(spec, 3, 7, stars(), 0.07, StampMeasurer.megalutDefaults());
        double mad = 0;
        List<SimulatedStamp> stamps = sim.catalog(1);
        for (SimulatedStamp s : stamps) {
            mad += s.features().sky().mad() / stamps.size();
            assertEquals(1, s.caseId());
        }
        assertEquals(0.07, mad, 0.007);
    }

    @Test
    void slicesOfACatalogEqualTheWholeCatalog() {
        // Each galaxy drawn alone, with a fresh simulator, equals the same galaxy drawn after others:
        // nothing cached across stamps may change a stamp's pixels, not even in the last bit.
        DatasetSpec spec = new DatasetSpec("valid-overall", Distribution.G3, 6, 3, 2, 2, 2, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR);
        List<SimulatedStamp> whole = new DatasetSimulator(spec, 7, 0, stars(), 0.07, StampMeasurer.megalutDefaults())
                .catalog(1);
        assertEquals(24, whole.size());
        for (int g = 0; g < 12; g++) {
            List<SimulatedStamp> one = new DatasetSimulator(spec, 7, 0, stars(), 0.07, StampMeasurer.megalutDefaults())
                    .catalog(1, g, 1);
            assertEquals(2, one.size());
            for (int r = 0; r < 2; r++) {
                assertEquals(whole.get(2 * g + r).features(), one.get(r).features(), "galaxy " + g + ", realization " + r);
            }
        }
    }
}
