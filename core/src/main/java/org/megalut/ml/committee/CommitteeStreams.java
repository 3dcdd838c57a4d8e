package org.megalut.ml.committee;

import org.apache.commons.rng.UniformRandomProvider;
import org.megalut.random.RandomStreams;

/**
 * Deterministic random streams of a committee, derived only from the committee seed, the member index and the
 * purpose of the stream (never from time, thread or scheduling), so parallel and sequential training agree.
 *
 * <p>The streams are the project's keyed streams {@link RandomStreams#stream(long, long...)} of
 * (committee seed, member, purpose), so distinct (member, purpose) pairs give unrelated streams.
 */
public final class CommitteeStreams {
    /** What a stream is used for. */
    public enum Purpose {
        /** The committee's train/validation split (member index −1). */
        SPLIT,
        /** A member's initialisation noise. */
        INIT,
        /** A member's minibatch draws. */
        MINIBATCH
    }

    private CommitteeStreams() {
    }

    /** The stream for (seed, member, purpose); member −1 for committee-level streams. */
    public static UniformRandomProvider stream(long committeeSeed, int member, Purpose purpose) {
        return RandomStreams.stream(committeeSeed, member, purpose.ordinal());
    }
}
