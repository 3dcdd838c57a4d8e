package org.megalut.sim.megalut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megalut.great3.ObservationType;
import org.megalut.image.Image;
import org.megalut.meas.MeasurementFlag;
import org.megalut.meas.StampMeasurer;
import org.megalut.sim.great3.SelectionRule;
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
        DatasetSpec spec = new DatasetSpec("train-shear", Distribution.TRAIN, ObservationType.GROUND, 20, 10, 2, 1, 1, 0, false, false,
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
        DatasetSpec spec = new DatasetSpec("train-weight", Distribution.G3, ObservationType.GROUND, 10, 10, 1, 2, 4, 0.1, true, true,
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
        DatasetSpec spec = new DatasetSpec("valid-overall", Distribution.G3, ObservationType.GROUND, 6, 3, 2, 2, 2, 0.1, true, true,
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

    @Test
    void bulgeDiskGalaxiesAreMoreConcentratedThanTheirSersicTwins() {
        // G3BD and G3 datasets of the same name share every draw but the bulge: galaxy by galaxy the same
        // flux-weighted half-light radius, flux, ellipticity, star and jitter. A de Vaucouleurs bulge makes
        // the PSF-convolved light more concentrated than the row's Sérsic (n ≤ 2.5): larger rho4.
        int n = 60;
        DatasetSpec bd = new DatasetSpec("simobscompa", Distribution.G3BD, ObservationType.GROUND, n, 10, 1, 1, 1, 0, true, false,
                DatasetSpec.Grouping.GALAXY);
        DatasetSpec single = new DatasetSpec("simobscompa", Distribution.G3, ObservationType.GROUND, n, 10, 1, 1, 1, 0, true, false,
                DatasetSpec.Grouping.GALAXY);
        List<SimulatedStamp> withBulges = new DatasetSimulator(bd, 5, 2, stars(), 0, StampMeasurer.megalutDefaults())
                .catalog(0);
        List<SimulatedStamp> sersics = new DatasetSimulator(single, 5, 2, stars(), 0,
                StampMeasurer.megalutDefaults()).catalog(0);
        assertEquals(n, withBulges.size());
        int count = 0;
        int higher = 0;
        double rho4Bd = 0;
        double rho4Sersic = 0;
        for (int i = 0; i < n; i++) {
            SimulatedStamp b = withBulges.get(i);
            SimulatedStamp s = sersics.get(i);
            SimGalaxy g = b.galaxy();
            assertEquals(g.flux(), DatasetSimulator.galaxy(g).flux(), 1e-12 * g.flux());
            assertEquals(MeasurementFlag.OK, b.features().flag(), "galaxy " + i);
            if (!g.bulgeDisk()) {
                // Single Sérsic galaxies are rendered exactly as in the G3 dataset.
                assertEquals(s.features(), b.features(), "galaxy " + i);
                continue;
            }
            count++;
            rho4Bd += b.features().rho4();
            rho4Sersic += s.features().rho4();
            if (b.features().rho4() > s.features().rho4()) {
                higher++;
            }
            assertEquals(g.flux(), b.features().flux(), 0.25 * g.flux());
        }
        assertTrue(count >= 12, "bulge+disk galaxies: " + count + "/" + n);
        assertTrue(rho4Bd / count > rho4Sersic / count + 0.02, "mean rho4 " + rho4Bd / count + " (bulge+disk) vs "
                + rho4Sersic / count + " (Sérsic)");
        assertTrue(higher >= 0.8 * count, "higher rho4 in " + higher + " of " + count);
    }

    /**
     * GREAT3's selection on a dataset, checked against the analytic S/N and resolution of Gaussians: row 0 of G3
     * has Sérsic n = 0.5, a Gaussian, and the test stars are Gaussians of covariance ≈ 2.15 px², so a galaxy of
     * σ = hlr/sqrt(2 ln 2) and ellipticity |g| has T = 2σ²(1 + g²)/(1 − g²) (area-preserving shear), resolution
     * T/(T + T_psf), and S/N F/(σ_n sqrt(4π sqrt(det C))) with C the convolved covariance (pixel area 1).
     */
    @Test
    void aSelectionKeepsOnlyResolvedBrightEnoughGalaxiesAndSlicesStillConcatenate() {
        SelectionRule rule = new SelectionRule(40, 200, 0.5);
        DatasetSpec all = new DatasetSpec("train-weight", Distribution.G3, ObservationType.GROUND, 30, 30, 1, 1, 2, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR);
        DatasetSpec selected = all.withSelection(rule);
        double noise = 0.07;
        List<SimulatedStamp> kept = new DatasetSimulator(selected, 3, 7, stars(), noise, StampMeasurer.megalutDefaults()).catalog(0);
        List<SimulatedStamp> drawn = new DatasetSimulator(all, 3, 7, stars(), noise, StampMeasurer.megalutDefaults()).catalog(0);
        assertEquals(60, kept.size());
        int failingDrawn = 0;
        for (int i = 0; i < 60; i += 2) {
            double[] k = snrAndResolution(kept.get(i).galaxy(), noise);
            assertTrue(k[0] >= 0.97 * rule.snrMin() && k[0] <= 1.03 * rule.snrMax(), "S/N " + k[0] + " of kept " + kept.get(i));
            assertTrue(k[1] >= rule.minResolution() - 0.02, "resolution " + k[1] + " of kept " + kept.get(i));
            // the rotated copy is the same galaxy
            assertEquals(kept.get(i).galaxy().hlr(), kept.get(i + 1).galaxy().hlr());
            double[] d = snrAndResolution(drawn.get(i).galaxy(), noise);
            if (d[0] < 0.9 * rule.snrMin() || d[1] < rule.minResolution() - 0.05) {
                failingDrawn++;
            }
        }
        // the unselected catalog has galaxies the rule removes: the selection binds
        assertTrue(failingDrawn >= 5, failingDrawn + " of 30 drawn galaxies fail the rule");
        // a galaxy that passes on its first draw is the unselected one, and a slice is the whole catalog's
        int same = 0;
        for (int i = 0; i < 60; i += 2) {
            same += kept.get(i).galaxy().equals(drawn.get(i).galaxy()) ? 1 : 0;
        }
        assertEquals(30 - failingDrawn, same, 5);
        for (int e : new int[] {7, 30, 59}) {
            List<SimulatedStamp> one = new DatasetSimulator(selected, 3, 7, stars(), noise, StampMeasurer.megalutDefaults())
                    .catalog(0, e, 1);
            assertEquals(kept.get(e).features(), one.get(0).features(), "entry " + e);
        }
    }

    @Test
    void anImpossibleSelectionFailsNamingTheDatasetAndGalaxy() {
        DatasetSpec spec = new DatasetSpec("my-set", Distribution.G3, ObservationType.GROUND, 2, 2, 1, 1, 1, 0.1, true, true,
                DatasetSpec.Grouping.SHEAR).withSelection(new SelectionRule(1e6, 2e6, 0.3));
        DatasetSimulator sim = new DatasetSimulator(spec, 3, 7, stars(), 0.07, StampMeasurer.megalutDefaults());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.catalog(0));
        assertTrue(e.getMessage().contains("subfield 7: dataset my-set, catalog 0, galaxy 0: none of 1000 draws"), e.getMessage());
        // and the selection needs the subfield's noise level even for noiseless stamps
        DatasetSpec noiseless = new DatasetSpec("train-shear", Distribution.TRAIN, ObservationType.GROUND, 2, 2, 1, 1, 1, 0, false,
                false, DatasetSpec.Grouping.GALAXY).withSelection(new SelectionRule(10, 100, 0.3));
        assertThrows(IllegalArgumentException.class,
                () -> new DatasetSimulator(noiseless, 3, 7, stars(), 0, StampMeasurer.megalutDefaults()));
    }

    /** Analytic S/N and resolution of a Gaussian galaxy (n = 0.5) through the ≈ round test stars. */
    private static double[] snrAndResolution(SimGalaxy g, double noise) {
        assertEquals(0.5, g.sersicN(), 0);
        double var = Math.pow(g.hlr() / Math.sqrt(2 * Math.log(2)), 2);
        double e = Math.hypot(g.g1(), g.g2());
        double a2 = var * (1 + e) / (1 - e);
        double b2 = var * (1 - e) / (1 + e);
        double psf = 2.15 + 0.05 * g.star();   // the star's mean variance (stars())
        double tPsf = 2 * psf;
        double snr = g.flux() / (noise * Math.sqrt(4 * Math.PI * Math.sqrt((a2 + psf) * (b2 + psf))));
        return new double[] {snr, (a2 + b2) / (a2 + b2 + tPsf)};
    }
}
