package org.megalut.sim.great3;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How the knotted population gives each galaxy its knots ({@link KnotParams}): the number of knots
 * uniform on the integers [minCount, maxCount], the fraction of the disk's (or single Sérsic's) flux they
 * carry uniform on [minFraction, maxFraction), and a position seed.
 *
 * <p>{@link #starForming()}: 10–100 knots (10 as in descwl-shear-sims' bulge + disk + knots galaxies, 100
 * as in GalSim's RandomKnots documentation) carrying U[0, 0.5) of the disk's light, a deliberately wide
 * range (descwl-shear-sims' bulge + disk + knots galaxies use U[0, 0.1)) so that the population departs
 * clearly from Sérsic profiles.
 *
 * @param minCount    fewest knots (≥ 0)
 * @param maxCount    most knots (≥ minCount; 0 for no knots at all)
 * @param minFraction smallest flux fraction, in [0, 1)
 * @param maxFraction fraction bound, in [minFraction, 1)
 */
public record KnotRecipe(int minCount, int maxCount, double minFraction, double maxFraction) implements Serializable {

    /** No knots: the Sérsic population. */
    public static final KnotRecipe NONE = new KnotRecipe(0, 0, 0, 0);

    /**
     * @throws IllegalArgumentException for counts or fractions out of order or out of range
     */
    public KnotRecipe {
        if (minCount < 0 || maxCount < minCount) {
            throw new IllegalArgumentException("knot counts must satisfy 0 <= min <= max, got [" + minCount + ", "
                    + maxCount + "]");
        }
        if (!(minFraction >= 0 && maxFraction >= minFraction && maxFraction < 1)) {
            throw new IllegalArgumentException("knot flux fractions must satisfy 0 <= min <= max < 1, got ["
                    + minFraction + ", " + maxFraction + "]");
        }
    }

    /** The knotted population's recipe described above. */
    public static KnotRecipe starForming() {
        return new KnotRecipe(10, 100, 0.0, 0.5);
    }

    /** Whether galaxies may get knots. */
    public boolean any() {
        return maxCount > 0;
    }

    /**
     * The knots of one galaxy, from the galaxy's own stream (count, fraction, then the position seed).
     * A draw of no knots is {@link KnotParams#NONE}.
     */
    public KnotParams draw(UniformRandomProvider rng) {
        int count = minCount + rng.nextInt(maxCount - minCount + 1);
        double fraction = minFraction + (maxFraction - minFraction) * rng.nextDouble();
        long seed = rng.nextLong() >>> (Long.SIZE - 53);
        return count == 0 ? KnotParams.NONE : new KnotParams(count, fraction, seed);
    }
}
