package org.megalut.eval.variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * GREAT3's variable-shear presubmission: a branch's per-galaxy shear catalogue to per-field ξ± and
 * aperture-mass dispersions, hence the submission file.
 *
 * <p>Each galaxy's ID gives its subfield, field and lattice position ({@link FieldLattice}); the
 * galaxies of a field, failures excluded, are correlated ({@link LatticeShearCorrelator}) and their
 * ⟨M_ap²⟩ taken ({@link ApertureMass}).
 */
public final class Presubmission {
    /** Galaxies per subfield in a GREAT3 branch. */
    public static final int GALAXIES_PER_SUBFIELD = FieldLattice.GRID * FieldLattice.GRID;

    private Presubmission() { }

    /**
     * The per-field statistics of a catalogue, in field order 0..9.
     *
     * @param checkCounts whether to apply GREAT3's counts too: exactly 10 000 galaxies in each of the 200
     *                    subfields (off for partial test catalogues)
     * @throws IllegalArgumentException naming the ID, field or subfield when IDs repeat, a field outside
     *                                  0..9 appears, a field is missing, or (checkCounts) a count is wrong
     */
    public static List<FieldStatistics> compute(ShearCatalog catalog, LatticeShearCorrelator correlator,
                                                boolean checkCounts) {
        long[] id = catalog.id();
        double[] g1 = catalog.g1();
        double[] g2 = catalog.g2();
        double[] w = catalog.weight();
        Set<Long> seen = new HashSet<>();
        TreeMap<Integer, List<ShearGalaxy>> byField = new TreeMap<>();
        TreeMap<Integer, Integer> perSubfield = new TreeMap<>();
        for (int i = 0; i < id.length; i++) {
            if (!seen.add(id[i])) {
                throw new IllegalArgumentException("galaxy ID " + id[i] + " appears more than once");
            }
            FieldLattice.Position p = FieldLattice.decode(id[i]);
            if (p.field() >= FieldLattice.FIELDS) {
                throw new IllegalArgumentException("galaxy ID " + id[i] + " is in subfield " + p.subfield()
                        + ", field " + p.field() + "; a variable-shear branch has fields 0.." + (FieldLattice.FIELDS - 1));
            }
            if (p.ix() >= FieldLattice.LATTICE_SIZE || p.iy() >= FieldLattice.LATTICE_SIZE) {
                throw new IllegalArgumentException("galaxy ID " + id[i] + " has lattice position (" + p.ix() + ", "
                        + p.iy() + "), outside the field's " + FieldLattice.LATTICE_SIZE + " × "
                        + FieldLattice.LATTICE_SIZE + " lattice");
            }
            byField.computeIfAbsent(p.field(), f -> new ArrayList<>())
                    .add(new ShearGalaxy(p.ix(), p.iy(), g1[i], g2[i], w[i]));
            perSubfield.merge(p.subfield(), 1, Integer::sum);
        }
        List<Integer> missing = new ArrayList<>();
        for (int f = 0; f < FieldLattice.FIELDS; f++) {
            if (!byField.containsKey(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no galaxy in field(s) " + missing + "; expected all of 0.."
                    + (FieldLattice.FIELDS - 1));
        }
        if (checkCounts) {
            int subfields = FieldLattice.FIELDS * FieldLattice.SUBFIELDS_PER_FIELD;
            for (int s = 0; s < subfields; s++) {
                int n = perSubfield.getOrDefault(s, 0);
                if (n != GALAXIES_PER_SUBFIELD) {
                    throw new IllegalArgumentException("subfield " + s + " has " + n + " galaxies, expected "
                            + GALAXIES_PER_SUBFIELD);
                }
            }
        }
        List<FieldStatistics> out = new ArrayList<>();
        for (var e : byField.entrySet()) {
            ShearCorrelation xi = correlator.correlate(e.getValue());
            out.add(new FieldStatistics(e.getKey(), xi, ApertureMass.of(xi)));
        }
        return out;
    }

    /** The submission of per-field statistics (fields in the order given, which must be 0, 1, ...). */
    public static VariableSubmission submission(List<FieldStatistics> fields) {
        List<ApertureMass> maps = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).field() != i) {
                throw new IllegalArgumentException("fields must be 0, 1, ... in order; position " + i + " holds field "
                        + fields.get(i).field());
            }
            maps.add(fields.get(i).apertureMass());
        }
        return VariableSubmission.of(maps);
    }

    /**
     * One field's statistics.
     *
     * @param field        field index
     * @param correlation  its ξ±
     * @param apertureMass its ⟨M_ap²⟩ E and B
     */
    public record FieldStatistics(int field, ShearCorrelation correlation, ApertureMass apertureMass) { }
}
