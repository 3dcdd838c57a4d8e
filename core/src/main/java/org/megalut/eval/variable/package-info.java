/**
 * GREAT3 variable-shear statistics: the field position encoded in a galaxy ID
 * ({@link org.megalut.eval.variable.FieldLattice}), GREAT3's failure test
 * ({@link org.megalut.eval.variable.ShearGalaxy}), the exact binned shear two-point correlation functions
 * ξ± ({@link org.megalut.eval.variable.LatticeShearCorrelator}), the aperture-mass dispersion
 * ⟨M_ap²⟩_E,B with the Crittenden filter ({@link org.megalut.eval.variable.ApertureMass}), the per-field
 * presubmission ({@link org.megalut.eval.variable.Presubmission}) and the metric Q_v
 * ({@link org.megalut.eval.variable.VariableShearMetric}). Conventions and their GREAT3 sources are in
 * {@code docs/variable-shear.md}.
 */
package org.megalut.eval.variable;
