package org.megalut.eval.variable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.megalut.great3.SubfieldOffset;

/**
 * The reference aperture masses of Q_v, made as GREAT3's public metric code makes them: per field, each
 * galaxy's observed shape is its intrinsic shape sheared by the true shear,
 * g = (g_int + γ) / (1 + γ* g_int) (complex, Schneider 2006 eq. 12), at its grid position plus its
 * subfield's offset, with unit weights; then ξ± and ⟨M_ap²⟩ as for a submission. A perfect shear
 * estimator therefore matches the reference including the shape noise of the intrinsic shapes, which
 * is why the reference is not the M_ap of the pure shear field.
 *
 * <p>Positions: row k of a subfield's truth catalogue is grid column k mod n, row k div n (x fastest, n
 * the grid side), at lattice index 7·column + offset steps ({@link FieldLattice#latticeIndex}).
 */
public final class TruthApertureMass {
    private TruthApertureMass() { }

    /**
     * One subfield's truth.
     *
     * @param offset  its offset in the field [deg]
     * @param catalog its truth catalogue, gridSide² rows
     */
    public record SubfieldTruth(SubfieldOffset offset, TruthCatalog catalog) { }

    /** The complex shear addition (g_int + γ) / (1 + γ* g_int): returns {g1, g2}. */
    public static double[] shear(double gInt1, double gInt2, double gamma1, double gamma2) {
        double nr = gInt1 + gamma1;
        double ni = gInt2 + gamma2;
        // 1 + conj(γ)·g_int
        double dr = 1 + gamma1 * gInt1 + gamma2 * gInt2;
        double di = gamma1 * gInt2 - gamma2 * gInt1;
        double d2 = dr * dr + di * di;
        return new double[] {(nr * dr + ni * di) / d2, (ni * dr - nr * di) / d2};
    }

    /** The observed-truth galaxies of one field on its lattice. */
    public static List<ShearGalaxy> galaxies(List<SubfieldTruth> subfields, int gridSide) {
        List<ShearGalaxy> out = new ArrayList<>();
        for (SubfieldTruth s : subfields) {
            int ox = FieldLattice.offsetSteps(s.offset().offsetDegX());
            int oy = FieldLattice.offsetSteps(s.offset().offsetDegY());
            TruthCatalog c = requireSize(s.catalog(), gridSide);
            double[] g1 = c.g1();
            double[] g2 = c.g2();
            double[] i1 = c.g1Intrinsic();
            double[] i2 = c.g2Intrinsic();
            for (int k = 0; k < c.size(); k++) {
                double[] g = shear(i1[k], i2[k], g1[k], g2[k]);
                out.add(new ShearGalaxy(FieldLattice.latticeIndex(k % gridSide, ox),
                        FieldLattice.latticeIndex(k / gridSide, oy), g[0], g[1], 1.0));
            }
        }
        return out;
    }

    /**
     * One subfield's observed truth as a catalogue: each galaxy's ID (the one a branch generator writes,
     * {@link FieldLattice#encode} of its lattice point), its intrinsic shape sheared by the true shear,
     * and unit weight. This is what a perfect estimator submits for the subfield.
     */
    public static ShearCatalog catalog(int subfield, SubfieldTruth truth, int gridSide) {
        int ox = FieldLattice.offsetSteps(truth.offset().offsetDegX());
        int oy = FieldLattice.offsetSteps(truth.offset().offsetDegY());
        TruthCatalog c = requireSize(truth.catalog(), gridSide);
        int n = c.size();
        long[] id = new long[n];
        double[] o1 = new double[n];
        double[] o2 = new double[n];
        double[] w = new double[n];
        double[] g1 = c.g1();
        double[] g2 = c.g2();
        double[] i1 = c.g1Intrinsic();
        double[] i2 = c.g2Intrinsic();
        for (int k = 0; k < n; k++) {
            double[] g = shear(i1[k], i2[k], g1[k], g2[k]);
            id[k] = FieldLattice.encode(subfield, FieldLattice.latticeIndex(k % gridSide, ox),
                    FieldLattice.latticeIndex(k / gridSide, oy));
            o1[k] = g[0];
            o2[k] = g[1];
            w[k] = 1.0;
        }
        return new ShearCatalog(id, o1, o2, w);
    }

    private static TruthCatalog requireSize(TruthCatalog c, int gridSide) {
        if (c.size() != gridSide * gridSide) {
            throw new IllegalArgumentException("a truth catalogue has " + c.size() + " rows, expected "
                    + gridSide * gridSide + " (" + gridSide + " × " + gridSide + ")");
        }
        return c;
    }

    /**
     * The reference of a branch from GREAT3's truth tree: {@code galaxy_catalog-SSS.fits} and
     * {@code subfield_offset-SSS.yaml} for subfields 000..199 in {@code dir}.
     *
     * @throws IOException naming the first missing file
     */
    public static VariableSubmission reference(Path dir, LatticeShearCorrelator correlator) throws IOException {
        return reference(dir, FieldLattice.GRID, correlator);
    }

    /** As {@link #reference(Path, LatticeShearCorrelator)} for subfield grids of another side (tests). */
    static VariableSubmission reference(Path dir, int gridSide, LatticeShearCorrelator correlator) throws IOException {
        int[] all = new int[FieldLattice.FIELDS];
        for (int f = 0; f < all.length; f++) {
            all[f] = f;
        }
        return reference(dir, all, gridSide, correlator);
    }

    /**
     * The reference of some fields of a branch (ascending), from the truth files of their 20 subfields
     * each in {@code dir}: a run over part of a branch is scored on the fields it covers.
     *
     * @param gridSide galaxies per subfield side (GREAT3: 100)
     * @throws IOException naming the first missing file
     */
    public static VariableSubmission reference(Path dir, int[] fields, int gridSide, LatticeShearCorrelator correlator)
            throws IOException {
        List<ApertureMass> maps = new ArrayList<>();
        for (int f : fields) {
            List<SubfieldTruth> subs = new ArrayList<>();
            for (int j = 0; j < FieldLattice.SUBFIELDS_PER_FIELD; j++) {
                int s = f * FieldLattice.SUBFIELDS_PER_FIELD + j;
                Path cat = dir.resolve(catalogName(s));
                Path off = dir.resolve(offsetName(s));
                for (Path p : List.of(cat, off)) {
                    if (!Files.isRegularFile(p)) {
                        throw new IOException(p + ": truth file missing (GREAT3's metric reads galaxy_catalog-SSS.fits"
                                + " and subfield_offset-SSS.yaml for the 20 subfields of each field scored)");
                    }
                }
                subs.add(new SubfieldTruth(SubfieldOffset.read(off), TruthCatalog.read(cat)));
            }
            maps.add(ApertureMass.of(correlator.correlate(galaxies(subs, gridSide))));
        }
        return VariableSubmission.of(fields, maps);
    }

    /** The truth catalogue's name in the truth directory: {@code galaxy_catalog-SSS.fits}. */
    public static String catalogName(int subfield) {
        return String.format(Locale.ROOT, "galaxy_catalog-%03d.fits", subfield);
    }

    /** The subfield offset's name in the truth directory: {@code subfield_offset-SSS.yaml}. */
    public static String offsetName(int subfield) {
        return String.format(Locale.ROOT, "subfield_offset-%03d.yaml", subfield);
    }
}
