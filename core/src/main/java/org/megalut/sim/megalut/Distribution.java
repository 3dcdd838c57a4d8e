package org.megalut.sim.megalut;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * MegaLUT's Sérsic parameter distributions for GREAT3 ground branches (sizes in pixels, flux in ADU):
 *
 * <table>
 *   <caption>distributions</caption>
 *   <tr><th></th><th>TRAIN</th><th>G3 (GREAT3-like)</th><th>UNI</th></tr>
 *   <tr><td>|g|</td><td colspan="2">contracted Rayleigh(σ 0.2, max 0.7, p 4), angle U(0, 2π)</td>
 *       <td>g1, g2 ~ U(−0.7, 0.7)</td></tr>
 *   <tr><td>half-light radius</td><td>U(0.75, 3.0)</td><td>TN(1.0, 0.8, [0.75, 3.0])</td><td>U(0.1, 3.0)</td></tr>
 *   <tr><td>flux</td><td>U(10, 100)</td><td>TN(15, 20, [10, 200])</td><td>U(5, 80)</td></tr>
 *   <tr><td>Sérsic n of grid row iy of ny</td><td>0.5 + 3.5·iy/ny</td><td>0.5 + 2.0·(iy/ny)²</td>
 *       <td>as TRAIN</td></tr>
 * </table>
 */
public enum Distribution {
    TRAIN, G3, UNI;

    /** The distribution of a configuration name: train, G3 or uni (case-insensitive). */
    public static Distribution byName(String name) {
        for (Distribution d : values()) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown simulation distribution '" + name + "'; expected train, G3 or uni");
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

    /** Half-light radius [px]. */
    public double halfLightRadius(UniformRandomProvider rng) {
        return switch (this) {
            case TRAIN -> Samplers.uniform(rng, 0.75, 3.0);
            case G3 -> Samplers.truncatedNormal(rng, 1.0, 0.8, 0.75, 3.0);
            case UNI -> Samplers.uniform(rng, 0.1, 3.0);
        };
    }

    /** Flux [ADU]. */
    public double flux(UniformRandomProvider rng) {
        return switch (this) {
            case TRAIN -> Samplers.uniform(rng, 10, 100);
            case G3 -> Samplers.truncatedNormal(rng, 15, 20, 10, 200);
            case UNI -> Samplers.uniform(rng, 5, 80);
        };
    }

    /** Sérsic index of grid row iy of ny rows (MegaLUT ties n to the row). */
    public double sersicIndex(int iy, int ny) {
        double f = iy / (double) ny;
        return this == G3 ? 0.5 + 2.0 * f * f : 0.5 + 3.5 * f;
    }
}
