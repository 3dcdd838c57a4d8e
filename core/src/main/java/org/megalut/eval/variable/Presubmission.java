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
        TreeMap<Integer, List<ShearGalaxy>> byField = byField(catalog);
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
            TreeMap<Integer, Integer> perSubfield = new TreeMap<>();
            for (long id : catalog.id()) {
                perSubfield.merge(FieldLattice.decode(id).subfield(), 1, Integer::sum);
            }
            int subfields = FieldLattice.FIELDS * FieldLattice.SUBFIELDS_PER_FIELD;
            for (int s = 0; s < subfields; s++) {
                int n = perSubfield.getOrDefault(s, 0);
                if (n != GALAXIES_PER_SUBFIELD) {
                    throw new IllegalArgumentException("subfield " + s + " has " + n + " galaxies, expected "
                            + GALAXIES_PER_SUBFIELD);
                }
            }
        }
        return statistics(byField, correlator);
    }

    /**
     * The per-field statistics of the fields a catalogue covers, in ascending field order, with none of
     * the branch-wide checks of {@link #compute} (for a run over some fields of a branch: the caller
     * checks that each field is complete).
     *
     * @throws IllegalArgumentException as {@link #byField}
     */
    public static List<FieldStatistics> computeFields(ShearCatalog catalog, LatticeShearCorrelator correlator) {
        return statistics(byField(catalog), correlator);
    }

    /** The statistics of one field's galaxies. */
    private static FieldStatistics field(int field, List<ShearGalaxy> galaxies, LatticeShearCorrelator correlator) {
        ShearCorrelation xi = correlator.correlate(galaxies);
        return new FieldStatistics(field, xi, ApertureMass.of(xi));
    }

    private static List<FieldStatistics> statistics(TreeMap<Integer, List<ShearGalaxy>> byField,
                                                    LatticeShearCorrelator correlator) {
        List<FieldStatistics> out = new ArrayList<>();
        for (var e : byField.entrySet()) {
            out.add(field(e.getKey(), e.getValue(), correlator));
        }
        return out;
    }

    /**
     * The galaxies of a catalogue by field, each at its lattice point ({@link FieldLattice#decode}), in
     * catalogue order within a field.
     *
     * @throws IllegalArgumentException naming the ID when an ID repeats, lies in a field outside 0..9 or
     *                                  off the field's lattice
     */
    public static TreeMap<Integer, List<ShearGalaxy>> byField(ShearCatalog catalog) {
        long[] id = catalog.id();
        double[] g1 = catalog.g1();
        double[] g2 = catalog.g2();
        double[] w = catalog.weight();
        Set<Long> seen = new HashSet<>();
        TreeMap<Integer, List<ShearGalaxy>> byField = new TreeMap<>();
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
        }
        return byField;
    }

    /**
     * The submission of per-field statistics, fields in ascending order (all ten for GREAT3; fewer for a
     * run over some fields).
     *
     * @throws IllegalArgumentException when the fields are not in strictly ascending order
     */
    public static VariableSubmission submission(List<FieldStatistics> fields) {
        List<ApertureMass> maps = new ArrayList<>();
        int[] ids = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            ids[i] = fields.get(i).field();
            if (i > 0 && ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("fields must be in ascending order; position " + i + " holds field "
                        + ids[i] + " after field " + ids[i - 1]);
            }
            maps.add(fields.get(i).apertureMass());
        }
        return VariableSubmission.of(ids, maps);
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
