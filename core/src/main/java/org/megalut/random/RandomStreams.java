package org.megalut.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Deterministic random streams keyed by what they are for, never by partition, thread or time: the
 * stream of (global seed, k₁, k₂, …) — e.g. (seed, subfield, dataset, catalog, case, realization) — is
 * the same on any executor, in any order, after any retry.
 *
 * <p>Derivation: h₀ = mix(seed), h_{i} = mix(h_{i−1} ⊕ mix(k_i + i·φ)), where mix is SplitMix64's
 * finaliser (a bijection of 64-bit words) and φ = 0x9E3779B97F4A7C15; the stream is commons-rng's
 * XoShiRo256++ seeded with h. Different key tuples give unrelated streams; text keys (purposes such as
 * "shear" or "noise") enter through a fixed 64-bit FNV-1a hash.
 */
public final class RandomStreams {
    private static final long PHI = 0x9E3779B97F4A7C15L;

    private RandomStreams() { }

    /** The stream of (seed, keys…). */
    public static UniformRandomProvider stream(long seed, long... keys) {
        return RandomSource.XO_SHI_RO_256_PP.create(key(seed, keys));
    }

    /** The 64-bit key of (seed, keys…) (exposed for tests and for seeding other generators). */
    public static long key(long seed, long... keys) {
        long h = mix(seed);
        for (int i = 0; i < keys.length; i++) {
            h = mix(h ^ mix(keys[i] + (i + 1) * PHI));
        }
        return h;
    }

    /** A stable 64-bit key for a text label (FNV-1a over its UTF-8 bytes). */
    public static long label(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's output function. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
