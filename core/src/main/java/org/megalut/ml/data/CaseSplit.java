package org.megalut.ml.data;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * A train/validation split of the cases, shared by all members of a committee. Indices refer to the case axis of
 * the full training dataset, in the order Tenbilac uses them: "training position" k is case {@code train[k]}.
 */
public record CaseSplit(int[] train, int[] validation) {

    public CaseSplit {
        if (train.length == 0) {
            throw new IllegalArgumentException("a split needs at least one training case");
        }
        train = train.clone();
        validation = validation.clone();
    }

    /**
     * Tenbilac's Traindata(valfrac, shuffle=True): shuffle the cases once and put the last ⌊valfrac·n⌋ into
     * validation.
     */
    public static CaseSplit random(int cases, double valfrac, UniformRandomProvider rng) {
        if (!(valfrac >= 0 && valfrac < 1)) {
            throw new IllegalArgumentException("valfrac must be in [0, 1), got " + valfrac);
        }
        int[] perm = PermutationSampler.natural(cases);
        PermutationSampler.shuffle(rng, perm);
        int nval = (int) Math.floor(valfrac * cases);
        return new CaseSplit(Arrays.copyOf(perm, cases - nval), Arrays.copyOfRange(perm, cases - nval, cases));
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }
}
