package org.megalut.sim.great3;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;
import org.megalut.random.RandomStreams;

/**
 * GREAT3's constant shear of a subfield: angle θ ~ U[0, 2π), amplitude with p(|g|) ∝ |g| on [min, max],
 * i.e. |g| = sqrt(min² + u (max² − min²)), and g = |g| e^{2iθ}; the same for ground and space branches.
 *
 * @param min smallest |g|
 * @param max largest |g|
 */
public record ShearRecipe(double min, double max) implements Serializable {

    public ShearRecipe {
        if (!(min >= 0 && max >= min)) {
            throw new IllegalArgumentException("need 0 <= shear-min <= shear-max, got " + min + ", " + max);
        }
    }

    /** GREAT3's range, [0.01, 0.05]. */
    public static ShearRecipe great3() {
        return new ShearRecipe(0.01, 0.05);
    }

    /** (g1, g2) of a subfield, from its own stream. */
    public double[] draw(long seed, int subfield) {
        UniformRandomProvider rng = RandomStreams.stream(seed, subfield, RandomStreams.label("shear"));
        double theta = 2 * Math.PI * rng.nextDouble();
        double g = Math.sqrt(min * min + rng.nextDouble() * (max * max - min * min));
        return new double[] {g * Math.cos(2 * theta), g * Math.sin(2 * theta)};
    }
}
