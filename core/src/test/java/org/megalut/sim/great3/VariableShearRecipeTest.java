package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jtransforms.fft.DoubleFFT_2D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.megalut.eval.variable.ApertureMass;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.ShearCorrelation;
import org.megalut.eval.variable.ShearGalaxy;

/**
 * The variable-shear field: its two-point function against the input spectrum, its E/B content, its
 * determinism and how subfields see it.
 */
class VariableShearRecipeTest {
    private static final long SEED = 2718;
    private static final VariableShearRecipe RECIPE = VariableShearRecipe.great3();
    private static ShearField field;

    @BeforeAll
    static void draw() {
        field = RECIPE.field(SEED, 3);
    }

    /**
     * The expected ξ+ and ξ− of the drawn γ, a pure E mode: on the periodic grid of side L (N points),
     * with X_k = A·P(k)/L² (zero at k = 0) and φ_k the direction of k, ⟨γ*(x) γ(x + d)⟩ = Σ_k X_k e^{ik·d}
     * and ⟨γ(x) γ(x + d)⟩ = Σ_k X_k e^{4iφ_k} e^{ik·d}, so ξ+(d) is the first and ξ−(d) the real part of the
     * second times e^{−4iφ_d}; each is averaged over the lattice separations of a bin with their pair counts
     * in the 700 × 700 window. A B mode would add to ξ+ and subtract from ξ−.
     *
     * @return {ξ+, ξ−} per bin
     */
    private static double[][] expectedXi(LatticeShearCorrelator corr) {
        int side = FieldLattice.LATTICE_SIZE;
        int n = RECIPE.padding() * side;
        double length = n * VariableShearRecipe.spacingRad();
        double dk = 2 * Math.PI / length;
        double[] plus = new double[2 * n * n];
        double[] minus = new double[2 * n * n];
        for (int y = 0; y < n; y++) {
            double ky = dk * (y <= n / 2 ? y : y - n);
            for (int x = 0; x < n; x++) {
                double kx = dk * (x <= n / 2 ? x : x - n);
                double k = Math.hypot(kx, ky);
                if (k > 0) {
                    double p = RECIPE.amplitude() * ShearPowerSpectrum.fiducial().power(k) / (length * length);
                    double phi = Math.atan2(ky, kx);
                    int at = 2 * (y * n + x);
                    plus[at] = p;
                    minus[at] = p * Math.cos(4 * phi);
                    minus[at + 1] = p * Math.sin(4 * phi);
                }
            }
        }
        DoubleFFT_2D fft = new DoubleFFT_2D(n, n);
        fft.complexInverse(plus, false);
        fft.complexInverse(minus, false);
        int bins = corr.bins().count();
        double[][] sum = new double[2][bins];
        double[] count = new double[bins];
        for (int dy = -(side - 1); dy < side; dy++) {
            for (int dx = -(side - 1); dx < side; dx++) {
                int b = corr.bins().index(corr.separation(dx, dy));
                if (b >= 0) {
                    double pairs = (double) (side - Math.abs(dx)) * (side - Math.abs(dy));
                    int at = 2 * (Math.floorMod(dy, n) * n + Math.floorMod(dx, n));
                    double phi = Math.atan2(dy, dx);
                    sum[0][b] += pairs * plus[at];
                    sum[1][b] += pairs * (minus[at] * Math.cos(4 * phi) + minus[at + 1] * Math.sin(4 * phi));
                    count[b] += pairs;
                }
            }
        }
        for (int b = 0; b < bins; b++) {
            sum[0][b] /= count[b];
            sum[1][b] /= count[b];
        }
        return sum;
    }

    private static List<ShearGalaxy> gammaGalaxies() {
        int side = field.side();
        List<ShearGalaxy> gals = new ArrayList<>(side * side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                gals.add(new ShearGalaxy(x, y, field.gamma1(x, y), field.gamma2(x, y), 1.0));
            }
        }
        return gals;
    }

    @Test
    void xiPlusAndXiMinusFollowTheInputEModeSpectrum() {
        LatticeShearCorrelator corr = LatticeShearCorrelator.great3();
        ShearCorrelation xi = corr.correlate(gammaGalaxies());
        double[][] expected = expectedXi(corr);
        // Bins 0..9 (0.02° to 1.3°): one field's sample variance moves ξ by up to ~12 % at 0.5°, ~1 % below 0.1°.
        for (int b = 0; b < 10; b++) {
            double tol = b < 4 ? 0.03 : 0.15;
            assertEquals(1.0, xi.xiPlus()[b] / expected[0][b], tol, "xi+ bin " + b);
            // A B mode would lower ξ− below the E-mode prediction while raising ξ+.
            assertEquals(1.0, xi.xiMinus()[b] / expected[1][b], tol, "xi- bin " + b);
            assertEquals(0.0, xi.xiCross()[b], 0.05 * expected[0][b], "xix bin " + b);
        }
        // The spectrum's amplitude sets the shear rms: GREAT3's doubled spectrum gives ~0.015 per component.
        assertEquals(0.0146, Math.sqrt(expected[0][0]), 0.002);
    }

    @Test
    void theSameSeedAndFieldGiveTheSameField() {
        ShearField again = RECIPE.field(SEED, 3);
        ShearField other = RECIPE.field(SEED, 4);
        int[][] points = {{0, 0}, {699, 0}, {0, 699}, {350, 123}, {699, 699}};
        for (int[] p : points) {
            assertArrayEquals(field.reducedShear(p[0], p[1]), again.reducedShear(p[0], p[1]), 0.0);
            assertEquals(field.kappa(p[0], p[1]), again.kappa(p[0], p[1]), 0.0);
            assertNotEquals(field.gamma1(p[0], p[1]), other.gamma1(p[0], p[1]));
        }
    }

    @Test
    void reducedShearAndMagnificationFollowFromGammaAndKappa() {
        double k = field.kappa(10, 20);
        double g1 = field.gamma1(10, 20);
        double g2 = field.gamma2(10, 20);
        assertEquals(g1 / (1 - k), field.reducedShear(10, 20)[0], 1e-15);
        assertEquals(g2 / (1 - k), field.reducedShear(10, 20)[1], 1e-15);
        assertEquals(1 / ((1 - k) * (1 - k) - g1 * g1 - g2 * g2), field.magnification(10, 20), 1e-14);
        // weak lensing: κ of order the shear, μ ≈ 1 + 2κ
        assertEquals(1 + 2 * k, field.magnification(10, 20), 0.01);
        assertTrue(Math.abs(k) < 0.2 && k != 0, "kappa " + k);
    }

    @Test
    void everySubfieldOfAFieldSeesTheFieldAtItsLatticePoints() {
        int grid = 12;
        for (int subfield : new int[] {60, 61, 79}) {
            SubfieldConditions c = ConditionsRecipe.great3Ground().draw(SEED, subfield);
            SubfieldLensing l = RECIPE.forSubfield(SEED, subfield, c, grid);
            int[] k = FieldOffsets.ofSubfield(SEED, subfield);
            assertEquals(k[0] * 0.1 / 7, l.offset().offsetDegX(), 1e-15);
            assertEquals(k[1] * 0.1 / 7, l.offset().offsetDegY(), 1e-15);
            for (int[] cr : new int[][] {{0, 0}, {11, 0}, {3, 7}, {11, 11}}) {
                int ix = 7 * cr[0] + k[0];
                int iy = 7 * cr[1] + k[1];
                assertArrayEquals(field.reducedShear(ix, iy), l.shear(cr[0], cr[1]), 0.0, "subfield " + subfield);
                assertEquals(field.magnification(ix, iy), l.magnification(cr[0], cr[1]), 0.0);
                FieldLattice.Position p = FieldLattice.decode(l.id(cr[0], cr[1]));
                assertEquals(subfield, p.subfield());
                assertEquals(ix, p.ix());
                assertEquals(iy, p.iy());
                assertEquals(ix, FieldLattice.latticeIndex(cr[0], FieldLattice.offsetSteps(l.offset().offsetDegX())));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> VariableShearRecipe.lensing(field, SEED, 60, 101));
    }

    @Test
    void aPaddingBeyondTheTableIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VariableShearRecipe(2, 4));
        assertTrue(e.getMessage().contains("at most 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VariableShearRecipe(0, 3));
    }

    @Test
    void offsetsAreGreat3s() {
        for (int f = 0; f < 11; f++) {
            int[][] o = FieldOffsets.ofField(SEED, f);
            assertEquals(FieldLattice.SUBFIELDS_PER_FIELD, o.length);
            assertArrayEquals(new int[] {0, 0}, o[0], "field " + f);
            Set<Integer> seen = new HashSet<>();
            for (int[] k : o) {
                assertTrue(k[0] >= 0 && k[0] < 7 && k[1] >= 0 && k[1] < 7, "on the lattice");
                assertTrue(seen.add(k[0] * 7 + k[1]), "distinct within field " + f);
            }
            assertArrayEquals(o[5], FieldOffsets.ofSubfield(SEED, 20 * f + 5));
        }
        assertNotEquals(List.of(FieldOffsets.ofField(SEED, 0)[1][0], FieldOffsets.ofField(SEED, 0)[1][1],
                FieldOffsets.ofField(SEED, 0)[2][0]), List.of(FieldOffsets.ofField(SEED, 1)[1][0],
                FieldOffsets.ofField(SEED, 1)[1][1], FieldOffsets.ofField(SEED, 1)[2][0]));
    }

    @Test
    void constantLensingKeepsTheSubfieldShearAndGreat3Ids() {
        SubfieldConditions c = ConditionsRecipe.great3Ground().draw(SEED, 7);
        SubfieldLensing l = ConstantLensing.INSTANCE.forSubfield(SEED, 7, c, 100);
        assertArrayEquals(new double[] {c.g1(), c.g2()}, l.shear(42, 17), 0.0);
        assertEquals(7_042_017L, l.id(42, 17));
        assertEquals(1.0, l.magnification(42, 17), 0.0);
        assertEquals(0.0, l.offset().offsetDegX());
    }
}
