package org.megalut.ml;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Deterministic random streams of a committee, derived only from the committee seed, the member index and the
 * purpose of the stream (never from time, thread or scheduling), so parallel and sequential training agree.
 *
 * <p>Derivation: key = mix(mix(seed) + 4·(member + 1) + purpose), with mix one output of a SplitMix64 seeded with
 * its argument (a bijective 64-bit hash); the stream is commons-rng's XO_SHI_RO_256_PP seeded with that key.
 * Distinct (member, purpose) pairs thus give distinct, well-mixed seeds.
 */
public final class Seeds {
    /** What a stream is used for. */
    public enum Purpose {
        /** The committee's train/validation split (member index −1). */
        SPLIT,
        /** A member's initialisation noise. */
        INIT,
        /** A member's minibatch draws. */
        MINIBATCH
    }

    private Seeds() {
    }

    /** The stream for (seed, member, purpose); member −1 for committee-level streams. */
    public static UniformRandomProvider stream(long committeeSeed, int member, Purpose purpose) {
        long key = mix(mix(committeeSeed) + 4L * (member + 1L) + purpose.ordinal());
        return RandomSource.XO_SHI_RO_256_PP.create(key);
    }

    private static long mix(long x) {
        return RandomSource.SPLIT_MIX_64.create(x).nextLong();
    }
}
