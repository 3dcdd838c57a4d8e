package org.megalut.ml.cost;

import java.util.List;

/** The cost functions by Tenbilac name. */
public final class Costs {
    /** The valid names. */
    public static final List<String> NAMES = List.of("mse", "msb", "mab", "msbwsignorm", "mabwsignorm",
            "msbw", "msbwnonorm", "msbwsig", "msbpw");

    private Costs() {
    }

    /**
     * A new instance of the named cost (instances hold scratch space: one per thread).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static CostFunction byName(String name) {
        return switch (name) {
            case "mse" -> new MseCost();
            case "msb" -> new BiasCost(name, BiasEstimator.MEAN, Penalty.SQUARE);
            case "mab" -> new BiasCost(name, BiasEstimator.MEAN, Penalty.ABS);
            case "msbwsignorm" -> new BiasCost(name, BiasEstimator.SIG_WEIGHTED_MEAN, Penalty.SQUARE);
            case "mabwsignorm" -> new BiasCost(name, BiasEstimator.SIG_WEIGHTED_MEAN, Penalty.ABS);
            case "msbw" -> new BiasCost(name, BiasEstimator.POW10_WEIGHTED_MEAN, Penalty.SQUARE);
            case "msbwnonorm" -> new BiasCost(name, BiasEstimator.POW10_WEIGHTED_SUM, Penalty.SQUARE);
            case "msbwsig" -> new BiasCost(name, BiasEstimator.WEIGHTED_SUM, Penalty.SQUARE);
            case "msbpw" -> new BiasCost(name, BiasEstimator.AUX_WEIGHTED_MEAN, Penalty.SQUARE);
            default -> throw new IllegalArgumentException("unknown cost function '" + name + "', valid: " + NAMES);
        };
    }
}
