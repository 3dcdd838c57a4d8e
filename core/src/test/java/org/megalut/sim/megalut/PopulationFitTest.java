package org.megalut.sim.megalut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.megalut.eval.PopulationMatch;
import org.megalut.random.RandomStreams;

class PopulationFitTest {
    private static final TruncatedNormalLaw G3_HLR = new TruncatedNormalLaw(1.0, 0.8, 0.75, 3.0);
    private static final TruncatedNormalLaw G3_FLUX = new TruncatedNormalLaw(15, 20, 10, 200);

    private static UniformRandomProvider rng(int k) {
        return RandomStreams.stream(17, k, RandomStreams.label("population-fit-test"));
    }

    @Test
    void weightedKsWithUnitWeightsIsTheTwoSampleStatistic() {
        UniformRandomProvider r = rng(0);
        double[] x = new double[300];
        double[] y = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.floor(20 * r.nextDouble()) / 2; // ties within and across the samples
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.floor(22 * r.nextDouble()) / 2;
        }
        double[] ones = new double[y.length];
        Arrays.fill(ones, 1);
        assertEquals(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(x, y), PopulationMatch.weightedKs(x, y, ones),
                1e-12);
        // Doubling the weight of half of y is the same as listing those values twice.
        double[] w = ones.clone();
        double[] twice = Arrays.copyOf(y, y.length + y.length / 2);
        for (int i = 0; i < y.length / 2; i++) {
            w[i] = 2;
            twice[y.length + i] = y[i];
        }
        assertEquals(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(x, twice), PopulationMatch.weightedKs(x, y, w),
                1e-12);
    }

    @Test
    void truncatedNormalMaximumLikelihoodRecoversItsParameters() {
        TruncatedNormalLaw truth = new TruncatedNormalLaw(1.6, 0.5, 0.75, 3.0);
        UniformRandomProvider r = rng(1);
        double[] x = new double[40_000];
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = truth.sample(r);
            w[i] = 1;
        }
        TruncatedNormalLaw fit = PopulationFit.truncatedNormal(x, w, G3_HLR);
        assertEquals(1.6, fit.mean(), 0.02);
        assertEquals(0.5, fit.sigma(), 0.02);
        assertEquals(0.75, fit.min(), 0);
        assertEquals(3.0, fit.max(), 0);
        assertThrows(IllegalArgumentException.class, () -> PopulationFit.truncatedNormal(new double[] {5}, new double[] {1},
                G3_HLR));
    }

    /**
     * Three subfields whose "PSF" and noise map the true size and flux to measured ones differently;
     * the observations come from other laws than the simulations. The reweighted fit recovers the
     * observed population's laws, and the reweighted simulations match the observed features.
     */
    @Test
    void reweightedSimulationsRecoverTheObservedPopulationsLaws() {
        TruncatedNormalLaw obsHlr = new TruncatedNormalLaw(1.6, 0.5, 0.75, 3.0);
        TruncatedNormalLaw obsFlux = new TruncatedNormalLaw(30, 15, 10, 200);
        List<PopulationFit.Subfield> subfields = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            double psf = 1.0 + 0.3 * s;
            double[][] obs = galaxies(rng(10 + s), 8_000, obsHlr, obsFlux, psf);
            double[][] sim = galaxies(rng(20 + s), 30_000, G3_HLR, G3_FLUX, psf);
            subfields.add(new PopulationFit.Subfield(obs[2], obs[3], sim[2], sim[3], sim[0], sim[1]));
        }
        PopulationFit.Result fit = PopulationFit.fit(subfields, G3_HLR, G3_FLUX, 12);
        // The unfolding removes the pull of the simulated prior that one reweighting step keeps (σ 0.56).
        assertEquals(1.6, fit.hlr().mean(), 0.03);
        assertEquals(0.5, fit.hlr().sigma(), 0.03);
        assertEquals(30, fit.flux().mean(), 1.0);
        assertEquals(15, fit.flux().sigma(), 1.0);
        assertTrue(fit.iterations() > 1 && fit.iterations() < PopulationFit.MAX_ITERATIONS, fit.toString());
        assertTrue(fit.ksSigmaBefore() > 0.1 && fit.ksFluxBefore() > 0.1, "the populations differ: " + fit);
        assertTrue(fit.ksSigmaAfter() < 0.03 && fit.ksFluxAfter() < 0.03, "reweighted, they match: " + fit);
        assertTrue(fit.uncovered() < 0.01, fit.toString());
        assertEquals(3, fit.subfields());
    }

    /**
     * Both samples cut per subfield as GREAT3 cut its galaxies (here on the true size and flux: resolved enough
     * against the subfield's PSF and bright enough for its size), so that on the largest PSF only large galaxies
     * remain. The selection-aware fit recovers the parent laws, which the plain fit, fitting the cut galaxies,
     * does not.
     */
    @Test
    void theSelectionAwareFitRecoversTheParentLawsOfCutPopulations() {
        List<PopulationFit.Subfield> subfields = cutSubfields(new TruncatedNormalLaw(1.3, 0.7, 0.5, 6.0),
                new double[] {1.0, 1.8, 2.6}, 30);
        PopulationFit.Result aware = PopulationFit.fit(subfields, CUT_DRAWN_HLR, CUT_DRAWN_FLUX, 12, true);
        assertEquals(1.3, aware.hlr().mean(), 0.06, aware.toString());
        assertEquals(0.7, aware.hlr().sigma(), 0.06, aware.toString());
        assertEquals(25, aware.flux().mean(), 2.5, aware.toString());
        assertEquals(20, aware.flux().sigma(), 2.5, aware.toString());
        PopulationFit.Result plain = PopulationFit.fit(subfields, CUT_DRAWN_HLR, CUT_DRAWN_FLUX, 12, false);
        assertTrue(plain.hlr().mean() > 1.3 + 0.3, "the cut galaxies are larger than the parent: " + plain);
    }

    /**
     * A parent size law that falls steadily over its bounds (a truncated normal far in its tail, nearly an
     * exponential): the fit may wander along the family's exponential limit, so the law it returns is judged by
     * what it draws, its mean and its fraction of large galaxies, not by its parameters.
     */
    @Test
    void aSteadilyFallingParentIsFittedWithoutOverflow() {
        TruncatedNormalLaw parentHlr = new TruncatedNormalLaw(-20, 5, 0.5, 6.0);
        List<PopulationFit.Subfield> subfields = cutSubfields(parentHlr, new double[] {0.6, 1.0, 1.4}, 50);
        PopulationFit.Result fit = PopulationFit.fit(subfields, CUT_DRAWN_HLR, CUT_DRAWN_FLUX, 12, true);
        double[] truth = meanAndTail(parentHlr, 2.0);
        double[] fitted = meanAndTail(fit.hlr(), 2.0);
        assertEquals(truth[0], fitted[0], 0.05, "mean hlr of " + fit);
        assertEquals(truth[1], fitted[1], 0.01, "fraction above 2 px of " + fit);
    }

    /** The laws the cut simulations draw from, wide enough for every cut of these tests. */
    private static final TruncatedNormalLaw CUT_DRAWN_HLR = new TruncatedNormalLaw(1.0, 2.0, 0.5, 6.0);
    private static final TruncatedNormalLaw CUT_DRAWN_FLUX = new TruncatedNormalLaw(15, 60, 10, 300);

    /**
     * Subfields of PSF σ {@code psfs}, each with 6000 observed galaxies of the parent size law (flux TN(25, 20)) and
     * 15 000 simulated ones of the drawn laws, both cut ({@link #cutGalaxies}); streams from {@code stream}.
     */
    private static List<PopulationFit.Subfield> cutSubfields(TruncatedNormalLaw parentHlr, double[] psfs, int stream) {
        TruncatedNormalLaw parentFlux = new TruncatedNormalLaw(25, 20, 10, 300);
        List<PopulationFit.Subfield> subfields = new ArrayList<>();
        for (int s = 0; s < psfs.length; s++) {
            double[][] obs = cutGalaxies(rng(stream + s), 6_000, parentHlr, parentFlux, psfs[s]);
            double[][] sim = cutGalaxies(rng(stream + 10 + s), 15_000, CUT_DRAWN_HLR, CUT_DRAWN_FLUX, psfs[s]);
            subfields.add(new PopulationFit.Subfield(obs[2], obs[3], sim[2], sim[3], sim[0], sim[1]));
        }
        return subfields;
    }

    /** Mean and fraction above x of a truncated normal, from its draws. */
    private static double[] meanAndTail(TruncatedNormalLaw law, double x) {
        UniformRandomProvider r = rng(70);
        double sum = 0;
        int above = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double v = law.sample(r);
            sum += v;
            above += v > x ? 1 : 0;
        }
        return new double[] {sum / n, above / (double) n};
    }

    /** {@link #galaxies} until n pass the cut: resolution-like r ≥ 1/3 and flux over the PSF-convolved size ≥ 6. */
    private static double[][] cutGalaxies(UniformRandomProvider r, int n, TruncatedNormalLaw hlr, TruncatedNormalLaw flux,
                                          double psf) {
        double[][] out = new double[4][n];
        int kept = 0;
        while (kept < n) {
            double[][] one = galaxies(r, 1, hlr, flux, psf);
            double size2 = one[0][0] * one[0][0] / 1.4;
            if (size2 / (size2 + psf * psf) >= 1.0 / 3 && one[1][0] / Math.sqrt(size2 + psf * psf) >= 6) {
                for (int k = 0; k < 4; k++) {
                    out[k][kept] = one[k][0];
                }
                kept++;
            }
        }
        return out;
    }

    /** {true hlr, true flux, measured σ, measured flux} of n galaxies seen through a PSF of σ = psf. */
    private static double[][] galaxies(UniformRandomProvider r, int n, TruncatedNormalLaw hlr, TruncatedNormalLaw flux,
                                       double psf) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(r);
        double[][] out = new double[4][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = hlr.sample(r);
            out[1][i] = flux.sample(r);
            out[2][i] = Math.sqrt(out[0][i] * out[0][i] / 1.4 + psf * psf) * (1 + 0.05 * g.sample());
            out[3][i] = out[1][i] * (1 + 0.1 * g.sample()) + 2 * g.sample();
        }
        return out;
    }
}
