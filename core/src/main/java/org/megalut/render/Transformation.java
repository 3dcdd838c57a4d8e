package org.megalut.render;

/**
 * A profile under an affine map and flux scaling (GalSim's Transformation):
 * I_T(x) = fluxRatio · I(J⁻¹(x − shift)).
 *
 * <p>Hence flux_T = fluxRatio·|det J|·flux and, in k-space (docs/rendering.md, "Transformation"),
 * F_T(k) = fluxRatio·|det J|·F(Jᵀk)·e^{−i k·shift}. stepK and maxK follow GalSim: with the singular
 * values major ≥ minor of J, maxK = maxK₀/minor, stepK = stepK₀/major, then with a shift d,
 * stepK ← π/(π/stepK + |d|).
 *
 * <p>Nested transformations collapse: applying (J₂, s₂, f₂) to (J₁, s₁, f₁) gives
 * (J₂J₁, s₂ + J₂s₁, f₂f₁).
 */
public final class Transformation extends Profile {
    private final Profile original;
    private final Jacobian jac;
    private final double dx;
    private final double dy;
    private final double fluxRatio;
    private final double ampl;      // fluxRatio·|det J|
    private final double stepK;
    private final double maxK;

    private Transformation(Profile original, Jacobian jac, double dx, double dy, double fluxRatio) {
        if (jac.det() == 0) {
            throw new IllegalArgumentException("singular Jacobian " + jac);
        }
        if (!Double.isFinite(dx) || !Double.isFinite(dy) || !Double.isFinite(fluxRatio)) {
            throw new IllegalArgumentException("non-finite shift (" + dx + ", " + dy + ") or flux ratio " + fluxRatio);
        }
        this.original = original;
        this.jac = jac;
        this.dx = dx;
        this.dy = dy;
        this.fluxRatio = fluxRatio;
        this.ampl = fluxRatio * Math.abs(jac.det());
        double sk = original.stepK() / jac.majorScale();
        double shiftLen = Math.hypot(dx, dy);
        this.stepK = shiftLen > 0 ? Math.PI / (Math.PI / sk + shiftLen) : sk;
        this.maxK = original.maxK() / jac.minorScale();
    }

    /** Applies (jac, shift, fluxRatio) to {@code p}, collapsing into p's own transformation if it has one. */
    public static Profile of(Profile p, Jacobian jac, double dx, double dy, double fluxRatio) {
        if (p instanceof Transformation t) {
            Jacobian j = jac.times(t.jac);
            double sx = dx + jac.a() * t.dx + jac.b() * t.dy;
            double sy = dy + jac.c() * t.dx + jac.d() * t.dy;
            return new Transformation(t.original, j, sx, sy, fluxRatio * t.fluxRatio);
        }
        return new Transformation(p, jac, dx, dy, fluxRatio);
    }

    public Profile original() { return original; }
    public Jacobian jacobian() { return jac; }
    public double shiftX() { return dx; }
    public double shiftY() { return dy; }
    public double fluxRatio() { return fluxRatio; }

    @Override
    public double flux() {
        return ampl * original.flux();
    }

    @Override
    public double stepK() {
        return stepK;
    }

    @Override
    public double maxK() {
        return maxK;
    }

    @Override
    public boolean isPointSymmetric() {
        return dx == 0 && dy == 0 && original.isPointSymmetric();
    }

    @Override
    public void kValue(double kx, double ky, FourierValue out) {
        // Jᵀk: the transformed profile's wave vector seen in the original's frame.
        original.kValue(jac.a() * kx + jac.c() * ky, jac.b() * kx + jac.d() * ky, out);
        out.re *= ampl;
        out.im *= ampl;
        if (dx != 0 || dy != 0) {
            double ph = -(kx * dx + ky * dy);
            out.times(Math.cos(ph), Math.sin(ph));
        }
    }

    @Override
    public boolean hasXValue() {
        return original.hasXValue();
    }

    @Override
    public double xValue(double x, double y) {
        double det = jac.det();
        double ux = x - dx;
        double uy = y - dy;
        // J⁻¹ = [[d, −b], [−c, a]] / det
        double px = (jac.d() * ux - jac.b() * uy) / det;
        double py = (-jac.c() * ux + jac.a() * uy) / det;
        return fluxRatio * original.xValue(px, py);
    }

    @Override
    public String toString() {
        return "Transformation[" + original + ", " + jac + ", shift=(" + dx + ", " + dy + "), fluxRatio=" + fluxRatio + "]";
    }
}
