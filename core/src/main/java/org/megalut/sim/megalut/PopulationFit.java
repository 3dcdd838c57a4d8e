package org.megalut.sim.megalut;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.megalut.eval.PopulationMatch;

/**
 * Fits a simulated dataset's size and flux laws to a branch's observations. MegaLUT adjusted its
 * GREAT3-like distributions by comparing simulated and observed feature histograms; here the comparison
 * is turned into numbers. The simulated galaxies of each subfield (drawn with that subfield's PSF and
 * noise, so measured like its observed galaxies) are reweighted so that their measured size and flux
 * (adaptive-moment σ and flux) follow the observed ones: the (σ, flux) plane is cut into cells at the
 * observed quantiles of each feature, and a simulated galaxy in a cell gets the weight
 * (observed fraction in the cell) / (simulated fraction in the cell) — importance weights of the
 * observed against the simulated feature density. A truncated normal is fitted to the reweighted true
 * half-light radii and fluxes by weighted maximum likelihood on the simulation's own bounds.
 *
 * <p>One such step is biased towards the simulated population: the measured features are noisy, and
 * the truths behind a cell follow the simulation's prior, not the observed one. The step is therefore
 * iterated as in iterative Bayesian unfolding (D'Agostini 1995), within the truncated-normal family:
 * each iteration first reweights the simulated galaxies by the ratio of the current fitted laws to the
 * simulation's own (their prior), then matches the cells as above and refits; it stops when the laws
 * change by less than 1e-4 of their bounds' width, or after {@value #MAX_ITERATIONS} iterations. The
 * method can only reach what the simulation covers: observed cells without a simulated galaxy are
 * reported as the uncovered fraction.
 *
 * <p>When the simulation cuts its galaxies as the observations were cut ({@link DatasetSpec#selection}),
 * both samples are the parent population times the subfield's selection S(θ), which depends on the PSF;
 * the reweighted galaxies then follow the observed (cut) population, and the laws fitted to them would be
 * those of the cut galaxies, not the parent laws a simulation should draw from. The selection-aware fit
 * maximises instead the likelihood of the parent laws p given the cut, Σ_i w_i ln p(θ_i) − Σ_s W_s ln Z_s(p),
 * with W_s the weight of subfield s and Z_s(p) = ∫ p S_s the fraction of the parent that subfield s keeps.
 * Z_s is known up to a constant from the simulation itself: its kept galaxies follow q S_s / Z_s(q) for the
 * drawn laws q, so Z_s(p) ∝ the mean over them of p(θ)/q(θ). The size and flux laws are then fitted
 * jointly, because the cut couples them.
 */
public final class PopulationFit {
    /** Iterations of the unfolding at most. */
    static final int MAX_ITERATIONS = 30;

    private PopulationFit() { }

    /**
     * One subfield's galaxies.
     *
     * @param obsSigma  observed adaptive-moment σ [px], finite values only
     * @param obsFlux   observed adaptive-moment flux [ADU], same galaxies
     * @param simSigma  simulated galaxies' measured σ [px]
     * @param simFlux   their measured flux [ADU]
     * @param trueHlr   their drawn half-light radius [px]
     * @param trueFlux  their drawn flux [ADU]
     */
    public record Subfield(double[] obsSigma, double[] obsFlux, double[] simSigma, double[] simFlux, double[] trueHlr,
                           double[] trueFlux) {
        public Subfield {
            if (obsSigma.length != obsFlux.length || simSigma.length != simFlux.length
                    || simSigma.length != trueHlr.length || simSigma.length != trueFlux.length) {
                throw new IllegalArgumentException("a subfield's arrays must pair up: observed " + obsSigma.length + ", "
                        + obsFlux.length + "; simulated " + simSigma.length + ", " + simFlux.length + ", "
                        + trueHlr.length + ", " + trueFlux.length);
            }
            if (obsSigma.length == 0 || simSigma.length == 0) {
                throw new IllegalArgumentException("a subfield needs observed and simulated galaxies, found "
                        + obsSigma.length + " and " + simSigma.length);
            }
        }
    }

    /**
     * The fitted laws and how well the reweighting matched.
     *
     * @param hlr            fitted half-light radius law [px]
     * @param flux           fitted flux law [ADU]
     * @param uncovered      fraction of the observed galaxies in cells without a simulated galaxy
     * @param ksSigmaBefore  KS distance of the observed and simulated σ, pooled over the subfields
     * @param ksSigmaAfter   the same with the simulated galaxies reweighted
     * @param ksFluxBefore   KS distance of the observed and simulated flux
     * @param ksFluxAfter    the same, reweighted
     * @param subfields      subfields used
     * @param iterations     unfolding iterations done
     */
    public record Result(TruncatedNormalLaw hlr, TruncatedNormalLaw flux, double uncovered, double ksSigmaBefore,
                         double ksSigmaAfter, double ksFluxBefore, double ksFluxAfter, int subfields, int iterations) { }

    /**
     * Fits both laws.
     *
     * @param simHlr  the size law the simulation drew (its bounds are the fitted law's)
     * @param simFlux the flux law the simulation drew
     * @param cells   quantile cells per feature (cells² per subfield), at least 1
     */
    public static Result fit(List<Subfield> subfields, TruncatedNormalLaw simHlr, TruncatedNormalLaw simFlux,
                             int cells) {
        return fit(subfields, simHlr, simFlux, cells, false);
    }

    /**
     * Fits both laws, as the parent laws of a population cut by a per-subfield selection when {@code selected}
     * (the simulation applied the observations' cut; see the class notes).
     */
    public static Result fit(List<Subfield> subfields, TruncatedNormalLaw simHlr, TruncatedNormalLaw simFlux,
                             int cells, boolean selected) {
        if (subfields.isEmpty() || cells < 1) {
            throw new IllegalArgumentException("need at least one subfield and one cell, found " + subfields.size()
                    + " and " + cells);
        }
        int nSim = subfields.stream().mapToInt(s -> s.simSigma().length).sum();
        int nObs = subfields.stream().mapToInt(s -> s.obsSigma().length).sum();
        double[] hlr = concat(subfields.stream().map(Subfield::trueHlr).toList(), nSim);
        double[] flux = concat(subfields.stream().map(Subfield::trueFlux).toList(), nSim);
        double[] measuredSigma = concat(subfields.stream().map(Subfield::simSigma).toList(), nSim);
        double[] measuredFlux = concat(subfields.stream().map(Subfield::simFlux).toList(), nSim);
        double[] obsSigma = concat(subfields.stream().map(Subfield::obsSigma).toList(), nObs);
        double[] obsFlux = concat(subfields.stream().map(Subfield::obsFlux).toList(), nObs);
        TruncatedNormalLaw hlrLaw = simHlr;
        TruncatedNormalLaw fluxLaw = simFlux;
        double[] w = new double[nSim];
        double uncovered = 0;
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            // The ratio of the current laws to the drawn ones, up to a constant (each subfield's weights are
            // normalised): in logs, without the truncation constants, so that laws far in their normal's tail
            // neither overflow nor underflow.
            double[] prior = new double[nSim];
            double maxLog = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < nSim; i++) {
                boolean drawn = simHlr.contains(hlr[i]) && simFlux.contains(flux[i]);
                prior[i] = drawn ? logShape(hlrLaw, hlr[i]) + logShape(fluxLaw, flux[i])
                        - logShape(simHlr, hlr[i]) - logShape(simFlux, flux[i]) : Double.NEGATIVE_INFINITY;
                maxLog = Math.max(maxLog, prior[i]);
            }
            for (int i = 0; i < nSim; i++) {
                prior[i] = Math.exp(prior[i] - maxLog);
            }
            uncovered = 0;
            int at = 0;
            for (Subfield s : subfields) {
                int n = s.simSigma().length;
                Weights sw = weights(s, cells, Arrays.copyOfRange(prior, at, at + n));
                // Each subfield counts as its share of the observed galaxies, whatever its simulation's size.
                double scale = s.obsSigma().length / (double) nObs;
                for (int i = 0; i < n; i++) {
                    w[at + i] = sw.weights()[i] * scale;
                }
                uncovered += sw.uncovered() * scale;
                at += n;
            }
            TruncatedNormalLaw h;
            TruncatedNormalLaw f;
            if (selected) {
                TruncatedNormalLaw[] hf = parentLaws(subfields, hlr, flux, w, simHlr, simFlux, hlrLaw, fluxLaw);
                h = hf[0];
                f = hf[1];
            } else {
                h = truncatedNormal(hlr, w, hlrLaw);
                f = truncatedNormal(flux, w, fluxLaw);
            }
            boolean converged = close(h, hlrLaw) && close(f, fluxLaw);
            hlrLaw = h;
            fluxLaw = f;
            if (converged) {
                break;
            }
        }
        double[] ones = new double[nSim];
        Arrays.fill(ones, 1);
        return new Result(hlrLaw, fluxLaw, uncovered, PopulationMatch.weightedKs(obsSigma, measuredSigma, ones),
                PopulationMatch.weightedKs(obsSigma, measuredSigma, w), PopulationMatch.weightedKs(obsFlux, measuredFlux, ones),
                PopulationMatch.weightedKs(obsFlux, measuredFlux, w),
                subfields.size(), iterations);
    }

    private static boolean close(TruncatedNormalLaw a, TruncatedNormalLaw b) {
        double tol = 1e-4 * (a.max() - a.min());
        return Math.abs(a.mean() - b.mean()) < tol && Math.abs(a.sigma() - b.sigma()) < tol;
    }

    private static double[] concat(List<double[]> parts, int n) {
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** A subfield's importance weights (mean 1 over its simulated galaxies) and its uncovered observed fraction. */
    record Weights(double[] weights, double uncovered) { }

    static Weights weights(Subfield s, int cells, double[] prior) {
        double[] sigmaEdges = innerQuantiles(s.obsSigma(), cells);
        double[] fluxEdges = innerQuantiles(s.obsFlux(), cells);
        double[] obs = new double[cells * cells];
        double[] sim = new double[cells * cells];
        int[] simCell = new int[s.simSigma().length];
        double priorTotal = Arrays.stream(prior).sum();
        for (int i = 0; i < s.obsSigma().length; i++) {
            obs[cell(s.obsSigma()[i], sigmaEdges) * cells + cell(s.obsFlux()[i], fluxEdges)] += 1.0 / s.obsSigma().length;
        }
        for (int i = 0; i < simCell.length; i++) {
            simCell[i] = cell(s.simSigma()[i], sigmaEdges) * cells + cell(s.simFlux()[i], fluxEdges);
            sim[simCell[i]] += prior[i] / priorTotal;
        }
        double uncovered = 0;
        for (int c = 0; c < obs.length; c++) {
            if (sim[c] == 0) {
                uncovered += obs[c];
            }
        }
        double[] w = new double[simCell.length];
        // Renormalised over the covered cells, so that the weights sum to the number of simulated galaxies.
        double covered = 1 - uncovered;
        for (int i = 0; i < w.length; i++) {
            double inCell = sim[simCell[i]];
            w[i] = covered > 0 && inCell > 0
                    ? prior[i] / priorTotal * simCell.length * obs[simCell[i]] / inCell / covered : 0;
        }
        return new Weights(w, uncovered);
    }

    /** The cells − 1 inner quantiles of a sample (cell k holds values between quantiles k/cells and (k+1)/cells). */
    private static double[] innerQuantiles(double[] v, int cells) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] edges = new double[cells - 1];
        for (int k = 1; k < cells; k++) {
            edges[k - 1] = sorted[(int) Math.min(sorted.length - 1, Math.floor(k * (double) sorted.length / cells))];
        }
        return edges;
    }

    private static int cell(double x, double[] edges) {
        int i = Arrays.binarySearch(edges, x);
        // A value equal to an edge belongs to the cell above it, as the quantile's own value does.
        return i >= 0 ? upper(edges, i) : -i - 1;
    }

    private static int upper(double[] edges, int i) {
        int j = i;
        while (j < edges.length && edges[j] == edges[i]) {
            j++;
        }
        return j;
    }

    /**
     * Weighted maximum-likelihood truncated normal on the bounds of {@code bounds}: minimises
     * Σ w [(x − μ)²/(2σ²) + ln σ + ln(Φ((b − μ)/σ) − Φ((a − μ)/σ))] over (μ, ln σ) with Nelder–Mead,
     * started at {@code bounds}' own μ and σ. Values outside the bounds are left out.
     */
    public static TruncatedNormalLaw truncatedNormal(double[] x, double[] w, TruncatedNormalLaw bounds) {
        double a = bounds.min();
        double b = bounds.max();
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= a && x[i] <= b) {
                total += w[i];
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no weighted value within [" + a + ", " + b + "] to fit");
        }
        double norm = total;
        MultivariateFunction nll = p -> {
            double mu = p[0];
            double sigma = Math.exp(p[1]);
            double z = Math.max(Samplers.mass((a - mu) / sigma, (b - mu) / sigma), Double.MIN_NORMAL);
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                if (w[i] > 0 && x[i] >= a && x[i] <= b) {
                    double u = (x[i] - mu) / sigma;
                    s += w[i] * 0.5 * u * u;
                }
            }
            return s / norm + Math.log(sigma) + Math.log(z);
        };
        double scale = b - a;
        PointValuePair best = new SimplexOptimizer(1e-12, 1e-12).optimize(new MaxEval(20_000),
                new ObjectiveFunction(nll), GoalType.MINIMIZE,
                new InitialGuess(new double[] {bounds.mean(), Math.log(bounds.sigma())}),
                new NelderMeadSimplex(new double[] {0.1 * scale, 0.2}));
        return new TruncatedNormalLaw(best.getPoint()[0], Math.exp(best.getPoint()[1]), a, b);
    }

    /**
     * The selection-aware joint fit of the size and flux laws (class notes): minimises
     * [Σ_i w_i (−ln p_h(h_i) − ln p_f(f_i)) + Σ_s W_s ln Z_s] / Σ w over (μ_h, ln σ_h, μ_f, ln σ_f), with
     * Z_s the mean over subfield s's simulated galaxies (those within the drawn laws' bounds) of
     * p_h p_f / (q_h q_f), on the drawn laws' bounds, started at {@code startHlr}, {@code startFlux}.
     */
    static TruncatedNormalLaw[] parentLaws(List<Subfield> subfields, double[] hlr, double[] flux, double[] w,
                                           TruncatedNormalLaw drawnHlr, TruncatedNormalLaw drawnFlux,
                                           TruncatedNormalLaw startHlr, TruncatedNormalLaw startFlux) {
        int n = hlr.length;
        // per simulated galaxy: within the drawn bounds, and ln q (less constants: they cancel in ln Z_s)
        boolean[] inside = new boolean[n];
        double[] logDrawn = new double[n];
        for (int i = 0; i < n; i++) {
            inside[i] = drawnHlr.contains(hlr[i]) && drawnFlux.contains(flux[i]);
            logDrawn[i] = logShape(drawnHlr, hlr[i]) + logShape(drawnFlux, flux[i]);
        }
        int[] ends = new int[subfields.size()];
        double[] subfieldWeight = new double[subfields.size()];
        double total = 0;
        for (int k = 0, at = 0; k < ends.length; k++) {
            ends[k] = at + subfields.get(k).simSigma().length;
            for (int i = at; i < ends[k]; i++) {
                subfieldWeight[k] += w[i];
            }
            total += subfieldWeight[k];
            at = ends[k];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no weighted simulated galaxy to fit");
        }
        double norm = total;
        double[] logP = new double[n];   // scratch of one evaluation
        MultivariateFunction nll = p -> {
            // The laws' truncation constants cancel: they enter every ln p(θ_i) and every ln Z_s alike, and the
            // W_s sum the w_i. Without them a law far in its normal's tail stays finite, and ln Z_s is taken as
            // a log-sum-exp so that no term underflows.
            double sh = Math.exp(p[1]);
            double sf = Math.exp(p[3]);
            double s = 0;
            int from = 0;
            for (int k = 0; k < ends.length; k++) {
                double max = Double.NEGATIVE_INFINITY;
                int kept = 0;
                for (int i = from; i < ends[k]; i++) {
                    if (inside[i]) {   // outside the drawn bounds: neither in the likelihood nor in Z
                        logP[i] = logDensity(hlr[i], flux[i], p, sh, sf);
                        s -= w[i] * logP[i];
                        max = Math.max(max, logP[i] - logDrawn[i]);
                        kept++;
                    }
                }
                double sum = 0;
                for (int i = from; i < ends[k]; i++) {
                    if (inside[i]) {
                        sum += Math.exp(logP[i] - logDrawn[i] - max);
                    }
                }
                if (kept > 0) {
                    s += subfieldWeight[k] * (max + Math.log(sum / kept));
                }
                from = ends[k];
            }
            return s / norm;
        };
        double hScale = drawnHlr.max() - drawnHlr.min();
        double fScale = drawnFlux.max() - drawnFlux.min();
        PointValuePair best = new SimplexOptimizer(1e-10, 1e-12).optimize(new MaxEval(20_000),
                new ObjectiveFunction(nll), GoalType.MINIMIZE,
                new InitialGuess(new double[] {startHlr.mean(), Math.log(startHlr.sigma()), startFlux.mean(),
                        Math.log(startFlux.sigma())}),
                new NelderMeadSimplex(new double[] {0.1 * hScale, 0.2, 0.1 * fScale, 0.2}));
        double[] p = best.getPoint();
        return new TruncatedNormalLaw[] {law(p[0], p[1], drawnHlr), law(p[2], p[3], drawnFlux)};
    }

    /** ln of a law's untruncated normal density, less 0.5 ln 2π: −(x − μ)²/(2σ²) − ln σ. */
    private static double logShape(TruncatedNormalLaw law, double x) {
        double u = (x - law.mean()) / law.sigma();
        return -0.5 * u * u - Math.log(law.sigma());
    }

    /** ln of the untruncated normal densities of size and flux, less constants, at (μ_h, ln σ_h, μ_f, ln σ_f) = p. */
    private static double logDensity(double hlr, double flux, double[] p, double sh, double sf) {
        double uh = (hlr - p[0]) / sh;
        double uf = (flux - p[2]) / sf;
        return -0.5 * (uh * uh + uf * uf) - p[1] - p[3];
    }

    /** A truncated normal of mean μ and σ = exp(ln σ) on the bounds of {@code bounds}. */
    private static TruncatedNormalLaw law(double mu, double logSigma, TruncatedNormalLaw bounds) {
        return new TruncatedNormalLaw(mu, Math.exp(logSigma), bounds.min(), bounds.max());
    }
}
