package org.megalut.sim.megalut;

import org.megalut.meas.StampFeatures;

/**
 * One simulated and measured stamp.
 *
 * @param galaxy       the galaxy's truth
 * @param realization  image realization index
 * @param caseId       case of the stamp for the networks
 * @param realizationId realization of the stamp within its case
 * @param jitterX      sub-pixel offset of the galaxy centre from the stamp's true centre [px]
 * @param jitterY      same along y [px]
 * @param features     measured features (with flag)
 */
public record SimulatedStamp(SimGalaxy galaxy, int realization, long caseId, long realizationId, double jitterX,
                             double jitterY, StampFeatures features) {
}
