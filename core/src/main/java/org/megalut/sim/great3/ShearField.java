package org.megalut.sim.great3;

/**
 * The lensing of one field of a variable-shear branch on its square lattice of galaxy positions
 * (index · 10°/700, {@link org.megalut.eval.variable.FieldLattice}): the shear γ and convergence κ, and
 * from them the reduced shear g = γ / (1 − κ) and the magnification μ = 1 / ((1 − κ)² − |γ|²). Immutable.
 */
public final class ShearField {
    private final int side;
    private final double[] gamma1;
    private final double[] gamma2;
    private final double[] kappa;

    /**
     * @param side   lattice points per side
     * @param gamma1 γ₁ at (ix, iy), index iy·side + ix
     * @param gamma2 γ₂, same layout
     * @param kappa  κ, same layout
     * @throws IllegalArgumentException unless every array has side² values
     */
    public ShearField(int side, double[] gamma1, double[] gamma2, double[] kappa) {
        int n = side * side;
        if (side < 1 || gamma1.length != n || gamma2.length != n || kappa.length != n) {
            throw new IllegalArgumentException("a shear field of side " + side + " needs " + n + " values per map, got "
                    + gamma1.length + ", " + gamma2.length + ", " + kappa.length);
        }
        this.side = side;
        this.gamma1 = gamma1.clone();
        this.gamma2 = gamma2.clone();
        this.kappa = kappa.clone();
    }

    /** Lattice points per side. */
    public int side() {
        return side;
    }

    /** γ₁ at lattice point (ix, iy). */
    public double gamma1(int ix, int iy) {
        return gamma1[at(ix, iy)];
    }

    /** γ₂ at lattice point (ix, iy). */
    public double gamma2(int ix, int iy) {
        return gamma2[at(ix, iy)];
    }

    /** κ at lattice point (ix, iy). */
    public double kappa(int ix, int iy) {
        return kappa[at(ix, iy)];
    }

    /** The reduced shear (g₁, g₂) = γ / (1 − κ) at lattice point (ix, iy), what lenses a galaxy there. */
    public double[] reducedShear(int ix, int iy) {
        int k = at(ix, iy);
        double f = 1 / (1 - kappa[k]);
        return new double[] {gamma1[k] * f, gamma2[k] * f};
    }

    /** The magnification μ = 1 / ((1 − κ)² − |γ|²) at lattice point (ix, iy) (weak lensing: μ ≈ 1 + 2κ). */
    public double magnification(int ix, int iy) {
        int k = at(ix, iy);
        double a = 1 - kappa[k];
        return 1 / (a * a - gamma1[k] * gamma1[k] - gamma2[k] * gamma2[k]);
    }

    private int at(int ix, int iy) {
        if (ix < 0 || ix >= side || iy < 0 || iy >= side) {
            throw new IndexOutOfBoundsException("lattice point (" + ix + ", " + iy + ") outside the field's [0, " + side
                    + ")²");
        }
        return iy * side + ix;
    }
}
