package org.megalut.ml.optimiser;

import java.util.Arrays;

/** The optimisers available to training, by config name. */
public enum OptimizerKind {
    /** {@link Bfgs}. */
    BFGS("bfgs"),
    /** {@link Lbfgs} with memory 10. */
    LBFGS("lbfgs");

    private final String configName;

    OptimizerKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** A fresh optimiser (a fresh inverse-Hessian estimate per minimisation, as Tenbilac restarts per loop). */
    public Optimizer create(int maxIterations, double gtol) {
        return this == BFGS ? new Bfgs(maxIterations, gtol) : new Lbfgs(maxIterations, gtol);
    }

    /** @throws IllegalArgumentException listing the valid names */
    public static OptimizerKind byName(String name) {
        for (OptimizerKind k : values()) {
            if (k.configName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimiser '" + name + "', valid: "
                + Arrays.stream(values()).map(OptimizerKind::configName).toList());
    }
}
