package org.megalut.eval;

/**
 * A requirement on the shear bias, |m| ≤ m and |c| ≤ c (dimensionless; stage-IV surveys ask |m| ≤ 1e-3,
 * GREAT3 aimed at m 2e-3, c 2e-4), and how a measurement with a 68 % error σ stands against a bound b:
 * it meets the bound when |x| ≤ b, is consistent with it when |x| − 2σ ≤ b (a 2σ excursion could explain the
 * excess), and exceeds it otherwise. A measurement resolves the bound when 2σ ≤ b: only then does "meets"
 * say more than "not measured well enough"; for |m| ≤ 1e-3 that is σ(m) ≤ 5e-4.
 *
 * @param m bound on |m|
 * @param c bound on |c|
 */
public record BiasRequirement(double m, double c) implements java.io.Serializable {

    /** How a measurement stands against a bound. */
    public enum Verdict {
        MEETS, CONSISTENT, EXCEEDS;

        /** The lower-case name, for tables and JSON. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BiasRequirement {
        if (!(m > 0) || !(c > 0) || !Double.isFinite(m) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("the bias requirement needs positive finite bounds, found m = " + m
                    + ", c = " + c);
        }
    }

    /** The verdict of a value with its 68 % error against a bound. */
    public static Verdict judge(double value, double error, double bound) {
        if (Math.abs(value) <= bound) {
            return Verdict.MEETS;
        }
        return Math.abs(value) - 2 * error <= bound ? Verdict.CONSISTENT : Verdict.EXCEEDS;
    }

    /** Whether an error is small enough to tell the bound from zero at 2σ. */
    public static boolean resolves(double error, double bound) {
        return 2 * error <= bound;
    }
}
