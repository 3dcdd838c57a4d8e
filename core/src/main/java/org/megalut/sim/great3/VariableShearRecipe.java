package org.megalut.sim.great3;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.jtransforms.fft.DoubleFFT_2D;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.great3.ShearType;
import org.megalut.great3.SubfieldOffset;
import org.megalut.random.RandomStreams;

/**
 * GREAT3's variable shear: each field of 20 subfields is lensed by one Gaussian random shear field with
 * the E-mode power spectrum amplitude · C_ℓ ({@link ShearPowerSpectrum#fiducial()}), sampled on the
 * field's 700 × 700 lattice of galaxy positions (spacing 10°/700, {@link FieldLattice}); the subfields
 * interleave on that lattice with the offsets of {@link FieldOffsets}. Each galaxy is lensed by the
 * reduced shear and the magnification at its lattice point, as GREAT3 applied both.
 *
 * <p>The field is drawn by FFT on a periodic grid of the lattice's spacing and padding × 700 points per
 * side, of which the 700 × 700 corner is kept (GREAT3 enlarged its grid by its kmin_factor = 3, so that
 * modes longer than the field contribute). With L the periodic side [rad] and N its points, white noise
 * w of unit variance per point has a DFT W with ⟨|W_k|²⟩ = N²; the convergence DFT κ_k = W_k · N √P(k) / L
 * (zero at k = 0) gives ⟨κ²⟩ = Σ_k P(k)/L² ≈ ∫ P(k) d²k/(2π)², and the shear's DFT is e^{2iφ_k} κ_k
 * (φ_k the direction of k): a pure E mode (Kaiser–Squires). The noise comes from the stream (seed, field,
 * "shear-field"), so every subfield of a field recomputes the same field.
 *
 * @param amplitude factor on the tabulated spectrum (GREAT3: 2)
 * @param padding   periodic grid side over the lattice side (GREAT3: 3)
 */
public record VariableShearRecipe(double amplitude, int padding) implements LensingRecipe {
    private static final long PURPOSE = RandomStreams.label("shear-field");

    /**
     * @throws IllegalArgumentException unless amplitude > 0 and padding ≥ 1, and the padded grid's
     *                                  fundamental mode 2π/(padding · 10°) lies in the spectrum's table
     *                                  (ℓ ≥ 10: padding at most 3)
     */
    public VariableShearRecipe {
        if (!(amplitude > 0) || padding < 1) {
            throw new IllegalArgumentException("variable shear needs amplitude > 0 and padding >= 1, got " + amplitude
                    + ", " + padding);
        }
        double fundamental = 2 * Math.PI / (padding * Math.toRadians(FieldLattice.FIELD_SIZE_DEG));
        double minEll = ShearPowerSpectrum.fiducial().minEll();
        if (fundamental < minEll) {
            throw new IllegalArgumentException("variable-shear padding " + padding + " makes a grid whose longest mode, ell = "
                    + fundamental + " rad^-1, is below the spectrum table's first ell = " + minEll
                    + "; use a padding of at most " + (int) Math.floor(2 * Math.PI / (minEll
                    * Math.toRadians(FieldLattice.FIELD_SIZE_DEG))));
        }
    }

    /** GREAT3's choices: the spectrum doubled, the grid padded three times. */
    public static VariableShearRecipe great3() {
        return new VariableShearRecipe(2.0, 3);
    }

    @Override
    public ShearType shearType() {
        return ShearType.VARIABLE;
    }

    /** The lattice spacing [rad]. */
    static double spacingRad() {
        return Math.toRadians(FieldLattice.SPACING_DEG);
    }

    /** The shear field of one field, a pure function of (seed, field). */
    public ShearField field(long seed, int field) {
        ShearPowerSpectrum spectrum = ShearPowerSpectrum.fiducial();
        int side = FieldLattice.LATTICE_SIZE;
        int n = padding * side;
        double length = n * spacingRad();
        UniformRandomProvider rng = RandomStreams.stream(seed, field, PURPOSE);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] kappa = new double[2 * n * n];
        for (int i = 0; i < n * n; i++) {
            kappa[2 * i] = gauss.sample();
        }
        DoubleFFT_2D fft = new DoubleFFT_2D(n, n);
        fft.complexForward(kappa);
        double[] gamma = new double[2 * n * n];
        double dk = 2 * Math.PI / length;
        for (int y = 0; y < n; y++) {
            double ky = dk * (y <= n / 2 ? y : y - n);
            for (int x = 0; x < n; x++) {
                double kx = dk * (x <= n / 2 ? x : x - n);
                double k2 = kx * kx + ky * ky;
                int at = 2 * (y * n + x);
                if (k2 == 0) {
                    kappa[at] = 0;
                    kappa[at + 1] = 0;
                    continue;
                }
                double f = n * Math.sqrt(amplitude * spectrum.power(Math.sqrt(k2))) / length;
                double re = kappa[at] * f;
                double im = kappa[at + 1] * f;
                kappa[at] = re;
                kappa[at + 1] = im;
                // e^{2iφ} = (kx² − ky² + 2i kx ky) / k²
                double c2 = (kx * kx - ky * ky) / k2;
                double s2 = 2 * kx * ky / k2;
                gamma[at] = re * c2 - im * s2;
                gamma[at + 1] = re * s2 + im * c2;
            }
        }
        fft.complexInverse(kappa, true);
        fft.complexInverse(gamma, true);
        double[] g1 = new double[side * side];
        double[] g2 = new double[side * side];
        double[] k = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int at = 2 * (y * n + x);
                g1[y * side + x] = gamma[at];
                g2[y * side + x] = gamma[at + 1];
                k[y * side + x] = kappa[at];
            }
        }
        return new ShearField(side, g1, g2, k);
    }

    @Override
    public SubfieldLensing forSubfield(long seed, int subfield, SubfieldConditions conditions, int grid) {
        return lensing(field(seed, subfield / FieldLattice.SUBFIELDS_PER_FIELD), seed, subfield, grid);
    }

    /**
     * The lensing of a subfield by its field's shear field, already drawn (it is the same for the 20
     * subfields of a field).
     *
     * @throws IllegalArgumentException if the grid has more than 100 galaxies per side (GREAT3's IDs
     *                                  and lattice hold 100)
     */
    public static SubfieldLensing lensing(ShearField field, long seed, int subfield, int grid) {
        if (grid < 1 || grid > FieldLattice.GRID) {
            throw new IllegalArgumentException("a variable-shear subfield grid has 1.." + FieldLattice.GRID
                    + " galaxies per side, got " + grid);
        }
        int[] k = FieldOffsets.ofSubfield(seed, subfield);
        double spacing = FieldLattice.FIELD_SIZE_DEG / FieldLattice.GRID;
        SubfieldOffset offset = new SubfieldOffset(spacing * k[0] / FieldLattice.SUBSAMPLING,
                spacing * k[1] / FieldLattice.SUBSAMPLING);
        return new SubfieldLensing() {
            @Override
            public double[] shear(int column, int row) {
                return field.reducedShear(FieldLattice.latticeIndex(column, k[0]), FieldLattice.latticeIndex(row, k[1]));
            }

            @Override
            public double magnification(int column, int row) {
                return field.magnification(FieldLattice.latticeIndex(column, k[0]), FieldLattice.latticeIndex(row, k[1]));
            }

            @Override
            public long id(int column, int row) {
                return FieldLattice.encode(subfield, FieldLattice.latticeIndex(column, k[0]),
                        FieldLattice.latticeIndex(row, k[1]));
            }

            @Override
            public SubfieldOffset offset() {
                return offset;
            }
        };
    }
}
