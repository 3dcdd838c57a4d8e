package org.megalut.ml.committee;

import java.util.Arrays;
import java.util.Locale;

/** How the selected members' predictions are combined per (realization, output, case). */
public enum MemberCombination {
    /** Arithmetic mean. */
    MEAN {
        @Override
        double combine(double[] v, int n) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += v[i];
            }
            return s / n;
        }
    },
    /** Median (mean of the two central values for even n). */
    MEDIAN {
        @Override
        double combine(double[] v, int n) {
            double[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        }
    };

    /** Combines v[0..n). */
    abstract double combine(double[] v, int n);

    /** The config name, "mean" or "median". */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException listing the valid names */
    public static MemberCombination byName(String name) {
        for (MemberCombination c : values()) {
            if (c.configName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown combine '" + name + "', valid: [mean, median]");
    }
}
