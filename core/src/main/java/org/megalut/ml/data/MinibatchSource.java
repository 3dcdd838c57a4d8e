package org.megalut.ml.data;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/** The training positions (indices into the split's training cases) used by each minibatch loop of a member. */
@FunctionalInterface
public interface MinibatchSource {

    /** Positions for loop {@code loop} (0-based). */
    int[] positions(int loop);

    /**
     * ⌊mbfrac·nTrain⌋ positions per loop, drawn without replacement, independently per loop, from {@code rng}.
     * Loops must be requested in order 0, 1, … (the draws are sequential).
     */
    static MinibatchSource random(int nTrain, double mbfrac, UniformRandomProvider rng) {
        if (!(mbfrac > 0 && mbfrac <= 1)) {
            throw new IllegalArgumentException("mbfrac must be in (0, 1], got " + mbfrac);
        }
        int size = Math.max(1, (int) Math.floor(mbfrac * nTrain));
        return loop -> {
            int[] perm = PermutationSampler.natural(nTrain);
            PermutationSampler.shuffle(rng, perm);
            return Arrays.copyOf(perm, size);
        };
    }

    /** Replays given minibatches (e.g. Tenbilac's stored minibatch_idx rows). */
    static MinibatchSource replay(int[][] batches) {
        int[][] copy = Arrays.stream(batches).map(int[]::clone).toArray(int[][]::new);
        return loop -> {
            if (loop >= copy.length) {
                throw new IllegalArgumentException("only " + copy.length + " minibatches to replay, loop " + loop
                        + " requested");
            }
            return copy[loop].clone();
        };
    }
}
