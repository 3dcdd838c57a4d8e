package org.megalut.render;

import java.util.Locale;

/**
 * A 1-d interpolation kernel K(t) (t in samples) with its Fourier transform û(u) = ∫K(t)e^{−2πiut}dt
 * (u in cycles per sample), as GalSim's Interpolant: the x-interpolant of an {@link InterpolatedImage}.
 * Immutable and thread-safe.
 */
public interface Interpolant {

    /** K(t); 0 for |t| ≥ {@link #xrange()}. */
    double xval(double t);

    /** û(u); taken as 0 for |u| &gt; {@link #urange()}. */
    double uval(double u);

    /** Half-width of the support in samples. */
    int xrange();

    /** |u| beyond which |û| is below kvalue_accuracy (cycles per sample). */
    double urange();

    /**
     * The interpolant of a GalSim name: "quintic", or "lanczosN" (N = 1..10, conserve_dc = true, as
     * GalSim's string form), case-insensitive.
     *
     * @throws IllegalArgumentException for other names
     */
    static Interpolant parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (s.equals("quintic")) {
            return Quintic.INSTANCE;
        }
        if (s.matches("lanczos[0-9]+")) {
            int n = Integer.parseInt(s.substring("lanczos".length()));
            return Lanczos.of(n, true);
        }
        throw new IllegalArgumentException("unknown interpolant '" + name + "'; valid: quintic, lanczosN (e.g. lanczos5)");
    }
}
