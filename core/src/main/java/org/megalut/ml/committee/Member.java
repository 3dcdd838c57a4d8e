package org.megalut.ml.committee;

/**
 * One trained committee member: its index, initial and final parameters (flat, Tenbilac order), its cost history
 * and the number of cost-and-gradient evaluations its training used.
 */
public record Member(int index, double[] initialParameters, double[] parameters, CostHistory history,
                     long evaluations) {

    public Member {
        initialParameters = initialParameters.clone();
        parameters = parameters.clone();
    }

    @Override
    public double[] initialParameters() {
        return initialParameters.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }
}
