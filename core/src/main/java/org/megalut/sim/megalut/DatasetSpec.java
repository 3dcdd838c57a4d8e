package org.megalut.sim.megalut;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;
import org.megalut.great3.ObservationType;
import org.megalut.sim.great3.SelectionRule;

/**
 * One of MegaLUT's per-subfield simulated datasets (docs/datasets.md, "Vocabulary"): n distinct
 * galaxies per catalog laid on a grid of nc columns (the Sérsic index follows the row), each with snc
 * shape-noise-cancellation copies rotated by j·180°/snc in position angle, drawn in nrea image
 * realizations (noise and jitter), ncat independent catalogs.
 *
 * @param name            dataset name (e.g. {@code train-shear})
 * @param distribution    parameter distributions
 * @param obstype         the branch's observation type, which sets the distributions' sizes and fluxes
 * @param n               distinct galaxies per catalog
 * @param nc              grid columns (n/nc rows of Sérsic indices)
 * @param nrea            image realizations per catalog
 * @param ncat            catalogs
 * @param snc             rotated copies per galaxy (1: none)
 * @param shear           shear components drawn from U(−S, S) (0: no shear)
 * @param shearPerCatalog one shear per catalog (MegaLUT's statshear) instead of one per galaxy
 * @param noise           Gaussian noise on (σ from the subfield's observations) or off
 * @param grouping        how stamps become (case, realization) for the networks
 * @param hlrLaw          the half-light radius law [px] in place of the distribution's own, or null for the
 *                        distribution's (a bulge+disk galaxy's drawn radius is its flux-weighted one)
 * @param fluxLaw         the flux law [ADU] in place of the distribution's own, or null for the distribution's
 * @param selection       the galaxy selection against the subfield's PSF and noise (GREAT3's S/N and resolution
 *                        cuts, as the branch generator applies them), or null to keep every drawn galaxy; a
 *                        galaxy that fails it is redrawn ({@link DatasetCatalogs})
 */
public record DatasetSpec(String name, Distribution distribution, ObservationType obstype, int n, int nc, int nrea, int ncat, int snc,
                          double shear, boolean shearPerCatalog, boolean noise, Grouping grouping,
                          TruncatedNormalLaw hlrLaw, TruncatedNormalLaw fluxLaw, SelectionRule selection)
        implements Serializable {

    /** How stamps form cases: one case per galaxy (realizations = images), or one per distinct shear. */
    public enum Grouping { GALAXY, SHEAR }

    public DatasetSpec {
        if (distribution == null || obstype == null) {
            throw new IllegalArgumentException("dataset " + name + ": needs a distribution and an observation type");
        }
        if (n < 1 || nc < 1 || n % nc != 0 || nrea < 1 || ncat < 1 || snc < 1 || !(shear >= 0)) {
            throw new IllegalArgumentException("dataset " + name + ": need n, nc, nrea, ncat, snc >= 1 with n a multiple"
                    + " of nc and shear >= 0; got n=" + n + ", nc=" + nc + ", nrea=" + nrea + ", ncat=" + ncat
                    + ", snc=" + snc + ", shear=" + shear);
        }
    }

    /** A dataset drawing the distribution's own sizes and fluxes. */
    public DatasetSpec(String name, Distribution distribution, ObservationType obstype, int n, int nc, int nrea,
                       int ncat, int snc, double shear, boolean shearPerCatalog, boolean noise, Grouping grouping) {
        this(name, distribution, obstype, n, nc, nrea, ncat, snc, shear, shearPerCatalog, noise, grouping, null, null, null);
    }

    /** The same dataset with other size and flux laws (null: the distribution's own). */
    public DatasetSpec withLaws(TruncatedNormalLaw hlr, TruncatedNormalLaw flux) {
        return new DatasetSpec(name, distribution, obstype, n, nc, nrea, ncat, snc, shear, shearPerCatalog, noise,
                grouping, hlr, flux, selection);
    }

    /** The same dataset with another galaxy selection (null: none). */
    public DatasetSpec withSelection(SelectionRule rule) {
        return new DatasetSpec(name, distribution, obstype, n, nc, nrea, ncat, snc, shear, shearPerCatalog, noise,
                grouping, hlrLaw, fluxLaw, rule);
    }

    /** A galaxy's half-light radius [px]: the dataset's law when it sets one, else the distribution's. */
    public double halfLightRadius(UniformRandomProvider rng) {
        return hlrLaw != null ? hlrLaw.sample(rng) : distribution.halfLightRadius(rng, obstype);
    }

    /** A galaxy's flux [ADU]: the dataset's law when it sets one, else the distribution's. */
    public double flux(UniformRandomProvider rng) {
        return fluxLaw != null ? fluxLaw.sample(rng) : distribution.flux(rng, obstype);
    }

    /**
     * The size law the dataset draws: its own, else its distribution's.
     *
     * @throws IllegalArgumentException when that is not a truncated normal (a uniform distribution)
     */
    public TruncatedNormalLaw drawnHlrLaw() {
        return hlrLaw != null ? hlrLaw : distribution.hlrLaw(obstype);
    }

    /**
     * The flux law the dataset draws: its own, else its distribution's.
     *
     * @throws IllegalArgumentException when that is not a truncated normal (a uniform distribution)
     */
    public TruncatedNormalLaw drawnFluxLaw() {
        return fluxLaw != null ? fluxLaw : distribution.fluxLaw(obstype);
    }

    /** Grid rows (distinct Sérsic indices). */
    public int rows() {
        return n / nc;
    }

    /** Stamps per catalog and realization. */
    public int stampsPerCatalog() {
        return n * snc;
    }

    /** Total stamps of the dataset for one subfield. */
    public long stamps() {
        return (long) ncat * nrea * n * snc;
    }

    /** MegaLUT's GREAT3 datasets (docs/datasets.md, "Default datasets"), by role name, for an observation type. */
    public static DatasetSpec megalutDefault(String role, ObservationType obstype) {
        return switch (role) {
            case "train-shear" -> new DatasetSpec(role, Distribution.TRAIN, obstype, 1000, 10, 10, 1, 1, 0, false, false, Grouping.GALAXY);
            case "train-weight" -> new DatasetSpec(role, Distribution.G3, obstype, 250, 10, 1, 200, 4, 0.1, true, true, Grouping.SHEAR);
            case "valid-shear" -> new DatasetSpec(role, Distribution.G3, obstype, 20, 1, 1, 50, 1000, 0.1, false, true, Grouping.SHEAR);
            case "valid-overall" -> new DatasetSpec(role, Distribution.G3, obstype, 2000, 50, 1, 200, 4, 0.1, true, true, Grouping.SHEAR);
            case "simobscompa" -> new DatasetSpec(role, Distribution.G3, obstype, 1000, 5, 1, 10, 1, 0, true, true, Grouping.GALAXY);
            case "mimic-great3" -> new DatasetSpec(role, Distribution.G3, obstype, 5000, 50, 1, 1, 2, 0.05, true, true, Grouping.GALAXY);
            default -> throw new IllegalArgumentException("unknown dataset role '" + role + "'; MegaLUT's are train-shear,"
                    + " train-weight, valid-shear, valid-overall, simobscompa, mimic-great3");
        };
    }
}
