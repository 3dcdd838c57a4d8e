package org.megalut.render;

/**
 * A 2×2 real matrix J = [[a, b], [c, d]] mapping a profile's own coordinates to the transformed
 * ones: the transformed profile is I(J⁻¹ x). Immutable.
 *
 * @param a J00
 * @param b J01
 * @param c J10
 * @param d J11
 */
public record Jacobian(double a, double b, double c, double d) {

    /** The identity. */
    public static final Jacobian IDENTITY = new Jacobian(1, 0, 0, 1);

    /**
     * GalSim's shear matrix for reduced shear g: S(g) = (1 − |g|²)^(−1/2) [[1 + g1, g2], [g2, 1 − g1]],
     * with unit determinant (area and flux preserved).
     *
     * @throws IllegalArgumentException if |g| ≥ 1
     */
    public static Jacobian shear(double g1, double g2) {
        double gsq = g1 * g1 + g2 * g2;
        if (!(gsq < 1)) {
            throw new IllegalArgumentException("reduced shear must have |g| < 1, got g = (" + g1 + ", " + g2 + ")");
        }
        double f = 1 / Math.sqrt(1 - gsq);
        return new Jacobian(f * (1 + g1), f * g2, f * g2, f * (1 - g1));
    }

    /** Counter-clockwise rotation by theta (radians): [[cos, −sin], [sin, cos]]. */
    public static Jacobian rotation(double theta) {
        double cs = Math.cos(theta);
        double sn = Math.sin(theta);
        return new Jacobian(cs, -sn, sn, cs);
    }

    /** Isotropic scaling by s. */
    public static Jacobian scaling(double s) {
        return new Jacobian(s, 0, 0, s);
    }

    /** The product this · other (apply other first). */
    public Jacobian times(Jacobian o) {
        return new Jacobian(a * o.a + b * o.c, a * o.b + b * o.d, c * o.a + d * o.c, c * o.b + d * o.d);
    }

    public double det() {
        return a * d - b * c;
    }

    /** Largest singular value, (h1 + h2)/2 with h1 = hypot(a + d, b − c), h2 = hypot(a − d, b + c). */
    public double majorScale() {
        return 0.5 * (Math.hypot(a + d, b - c) + Math.hypot(a - d, b + c));
    }

    /** Smallest singular value, |h1 − h2|/2. */
    public double minorScale() {
        return 0.5 * Math.abs(Math.hypot(a + d, b - c) - Math.hypot(a - d, b + c));
    }
}
