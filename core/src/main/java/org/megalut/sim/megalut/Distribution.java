package org.megalut.sim.megalut;

import org.apache.commons.rng.UniformRandomProvider;
import org.megalut.great3.ObservationType;
import org.megalut.sim.great3.GalaxyParams;
import org.megalut.sim.great3.GalaxyPopulation;

/**
 * MegaLUT's Sérsic parameter distributions for GREAT3 branches (sizes in pixels, flux in ADU). Ground:
 *
 * <table>
 *   <caption>ground distributions</caption>
 *   <tr><th></th><th>TRAIN</th><th>G3 (GREAT3-like)</th><th>UNI</th></tr>
 *   <tr><td>|g|</td><td colspan="2">contracted Rayleigh(σ 0.2, max 0.7, p 4), angle U(0, 2π)</td>
 *       <td>g1, g2 ~ U(−0.7, 0.7)</td></tr>
 *   <tr><td>half-light radius</td><td>U(0.75, 3.0)</td><td>TN(1.0, 0.8, [0.75, 3.0])</td><td>U(0.1, 3.0)</td></tr>
 *   <tr><td>flux</td><td>U(10, 100)</td><td>TN(15, 20, [10, 200])</td><td>U(5, 80)</td></tr>
 *   <tr><td>Sérsic n of grid row iy of ny</td><td>0.5 + 3.5·iy/ny</td><td>0.5 + 2.0·(iy/ny)²</td>
 *       <td>as TRAIN</td></tr>
 * </table>
 *
 * <p>Space (96-px stamps of 0.05″), MegaLUT's space variants: the ellipticities as on the ground, and
 *
 * <table>
 *   <caption>space distributions</caption>
 *   <tr><th></th><th>TRAIN</th><th>G3 (GREAT3-like)</th><th>UNI</th></tr>
 *   <tr><td>half-light radius</td><td>U(1.25, 10)</td><td>TN(2.5, 3.5, [1.25, 10])</td><td>U(0.1, 10)</td></tr>
 *   <tr><td>flux</td><td>U(10, 100)</td><td>TN(0, 30, [10, 200])</td><td>U(5, 80)</td></tr>
 *   <tr><td>Sérsic n of grid row iy of ny</td><td>0.5 + 3.5·iy/ny</td><td>0.5 + 3.5·(iy/ny)²</td>
 *       <td>as TRAIN</td></tr>
 * </table>
 *
 * <p>{@link #TRAINBD} and {@link #G3BD} are TRAIN and G3 with bulge+disk galaxies, the model of 36 % of
 * GREAT3's galaxies (see {@link GalaxyPopulation}) that the single-Sérsic distributions lack: the same
 * ellipticity, half-light radius, flux and single-Sérsic index, but with probability
 * {@link #BULGE_DISK_PROBABILITY} the galaxy is instead a de Vaucouleurs bulge (n = 4) plus an
 * exponential disk (n = 1) with bulge fraction B/T ~ U[0.1, 0.9) and bulge half-light radius half the
 * disk's, the drawn half-light radius being the flux-weighted one B/T·hlr_b + (1 − B/T)·hlr_d
 * ({@link GalaxyParams#diskHlr}, GREAT3-like rule of {@link GalaxyPopulation}). For simplicity both
 * components share the galaxy's ellipticity and centre (GalaxyPopulation's bulges are rounder and
 * slightly twisted); the applied shear is that of the single-Sérsic case.
 */
public enum Distribution {
    TRAIN, G3, UNI, TRAINBD, G3BD;

    /**
     * Probability that a galaxy of a bulge+disk distribution is a bulge+disk: the fraction of bulge+disk
     * fits in GREAT3's parametric COSMOS catalogue, as used by {@link GalaxyPopulation#great3Like()}.
     */
    public static final double BULGE_DISK_PROBABILITY = GalaxyPopulation.GREAT3_BULGE_DISK_FRACTION;

    /** Lower bound of the bulge fraction B/T of a bulge+disk galaxy (as GalaxyPopulation). */
    public static final double MIN_BULGE_FRACTION = 0.1;

    /** Upper bound (excluded) of the bulge fraction B/T of a bulge+disk galaxy (as GalaxyPopulation). */
    public static final double MAX_BULGE_FRACTION = 0.9;

    /** The distribution of a configuration name: train, G3, uni, trainBD or G3BD (case-insensitive). */
    public static Distribution byName(String name) {
        for (Distribution d : values()) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown simulation distribution '" + name
                + "'; expected train, G3, uni, trainBD or G3BD");
    }

    /** Whether some galaxies are bulge+disk ({@link #bulgeFraction} may be positive). */
    public boolean hasBulgeDisk() {
        return this == TRAINBD || this == G3BD;
    }

    /** Intrinsic ellipticity (g1, g2) in reduced-shear form. */
    public double[] ellipticity(UniformRandomProvider rng) {
        if (this == UNI) {
            return new double[] {Samplers.uniform(rng, -0.7, 0.7), Samplers.uniform(rng, -0.7, 0.7)};
        }
        double g = Samplers.contractedRayleigh(rng, 0.2, 0.7, 4);
        double theta = 2 * Math.PI * rng.nextDouble();
        return new double[] {g * Math.cos(2 * theta), g * Math.sin(2 * theta)};
    }

    /**
     * The truncated normal size law [px] of the GREAT3-like distributions for the observation type.
     *
     * @throws IllegalArgumentException for train and uni, whose sizes are uniform
     */
    public TruncatedNormalLaw hlrLaw(ObservationType obstype) {
        requireTruncatedNormal();
        return obstype == ObservationType.GROUND ? new TruncatedNormalLaw(1.0, 0.8, 0.75, 3.0)
                : new TruncatedNormalLaw(2.5, 3.5, 1.25, 10.0);
    }

    /**
     * The truncated normal flux law [ADU] of the GREAT3-like distributions for the observation type.
     *
     * @throws IllegalArgumentException for train and uni, whose fluxes are uniform
     */
    public TruncatedNormalLaw fluxLaw(ObservationType obstype) {
        requireTruncatedNormal();
        return obstype == ObservationType.GROUND ? new TruncatedNormalLaw(15, 20, 10, 200)
                : new TruncatedNormalLaw(0, 30, 10, 200);
    }

    private void requireTruncatedNormal() {
        if (this != G3 && this != G3BD) {
            throw new IllegalArgumentException("distribution " + name() + " draws uniform sizes and fluxes, not"
                    + " truncated normals (only G3 and G3BD do)");
        }
    }

    /** Half-light radius [px] (the flux-weighted one of a bulge+disk galaxy) for the observation type. */
    public double halfLightRadius(UniformRandomProvider rng, ObservationType obstype) {
        boolean ground = obstype == ObservationType.GROUND;
        return switch (this) {
            case TRAIN, TRAINBD -> ground ? Samplers.uniform(rng, 0.75, 3.0) : Samplers.uniform(rng, 1.25, 10.0);
            case G3, G3BD -> hlrLaw(obstype).sample(rng);
            case UNI -> ground ? Samplers.uniform(rng, 0.1, 3.0) : Samplers.uniform(rng, 0.1, 10.0);
        };
    }

    /** Flux [ADU] for the observation type. */
    public double flux(UniformRandomProvider rng, ObservationType obstype) {
        return switch (this) {
            case TRAIN, TRAINBD -> Samplers.uniform(rng, 10, 100);
            case G3, G3BD -> fluxLaw(obstype).sample(rng);
            case UNI -> Samplers.uniform(rng, 5, 80);
        };
    }

    /**
     * Sérsic index of a single-Sérsic galaxy in grid row iy of ny rows for the observation type (MegaLUT ties
     * n to the row; its G3 space range is [0.5, 4), the ground one [0.5, 2.5)).
     */
    public double sersicIndex(int iy, int ny, ObservationType obstype) {
        double f = iy / (double) ny;
        if (this == G3 || this == G3BD) {
            return 0.5 + (obstype == ObservationType.GROUND ? 2.0 : 3.5) * f * f;
        }
        return 0.5 + 3.5 * f;
    }

    /**
     * Bulge fraction B/T of the next galaxy: 0 (a single Sérsic) for the single-Sérsic distributions,
     * which then draw nothing, so that their galaxies do not depend on this method; for the bulge+disk
     * distributions, with probability {@link #BULGE_DISK_PROBABILITY} B/T ~ U[0.1, 0.9), else 0.
     */
    public double bulgeFraction(UniformRandomProvider rng) {
        if (!hasBulgeDisk() || rng.nextDouble() >= BULGE_DISK_PROBABILITY) {
            return 0;
        }
        return Samplers.uniform(rng, MIN_BULGE_FRACTION, MAX_BULGE_FRACTION);
    }
}
