package org.megalut.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A galaxy flattened into axisymmetric terms, F(k) = e^{−ik·s} Σ_t a_t F_t(|J_tᵀk|²), when that is
 * possible: axisymmetric profiles under any nesting of {@link Transformation}s and {@link Sum}s
 * whose shifts all come out equal (e.g. a sheared Sérsic, or a bulge + disk with their own shapes
 * under a common shear and offset), each smooth in k ({@link RadialProfile#isSmoothInK}).
 * Transformations distribute over sums:
 * T(Σ p_i) = Σ T(p_i). Used by {@link StampDrawer} to evaluate each term through a
 * {@link RadialLookup}.
 *
 * <p>{@link RandomKnots} in such a galaxy become point terms a_p·e^{−ik·x_p}: a knot at x under
 * (J, s, ratio) is a point of amplitude ratio·|det J|·(F/N) at J·x + s (the Transformation rule with
 * F = e^{−i(Jᵀk)·x} = e^{−ik·Jx}); their positions are stored relative to the common shift.
 */
final class RadialTerms {
    /** One term: amplitude a = fluxRatio·|det J|, quadratic form |Jᵀk|² = qxx kx² + 2qxy kx ky + qyy ky². */
    record Term(Profile radial, double ampl, double qxx, double qxy, double qyy) {
    }

    /** One point source: amplitude a and position (x, y) [arcsec] relative to the common shift. */
    record Point(double ampl, double x, double y) {
    }

    private final List<Term> terms;
    private final List<Point> points;
    private final double shiftX;
    private final double shiftY;

    private RadialTerms(List<Term> terms, List<Point> points, double shiftX, double shiftY) {
        this.terms = terms;
        this.points = points;
        this.shiftX = shiftX;
        this.shiftY = shiftY;
    }

    List<Term> terms() { return terms; }

    /** The knots' point terms; empty for a galaxy of smooth terms only. */
    List<Point> points() { return points; }

    /** Common shift, arcsec. */
    double shiftX() { return shiftX; }

    double shiftY() { return shiftY; }

    /** The flattened form of {@code p}, or null when p has other components or unequal shifts. */
    static RadialTerms of(Profile p) {
        List<Term> out = new ArrayList<>();
        List<Point> absolute = new ArrayList<>();
        double[] shift = {Double.NaN, Double.NaN};
        if (!collect(p, Jacobian.IDENTITY, 0, 0, 1, out, absolute, shift)) {
            return null;
        }
        if (Double.isNaN(shift[0])) {
            shift[0] = 0;   // knots only: no smooth term sets the shift
            shift[1] = 0;
        }
        List<Point> points = new ArrayList<>(absolute.size());
        for (Point q : absolute) {
            points.add(new Point(q.ampl(), q.x() - shift[0], q.y() - shift[1]));
        }
        return new RadialTerms(out, points, shift[0], shift[1]);
    }

    private static boolean collect(Profile p, Jacobian j, double sx, double sy, double ratio, List<Term> out,
                                   List<Point> points, double[] shift) {
        if (p instanceof RandomKnots k) {
            double a = ratio * Math.abs(j.det()) * k.fluxPerKnot();
            for (int i = 0; i < k.count(); i++) {
                points.add(new Point(a, sx + j.a() * k.x(i) + j.b() * k.y(i), sy + j.c() * k.x(i) + j.d() * k.y(i)));
            }
            return true;
        }
        if (p instanceof RadialProfile rp && !rp.isSmoothInK()) {
            return false;
        }
        if (p.isAxisymmetric()) {
            if (Double.isNaN(shift[0])) {
                shift[0] = sx;
                shift[1] = sy;
            } else if (shift[0] != sx || shift[1] != sy) {
                return false;
            }
            out.add(new Term(p, ratio * Math.abs(j.det()), j.a() * j.a() + j.b() * j.b(),
                    j.a() * j.c() + j.b() * j.d(), j.c() * j.c() + j.d() * j.d()));
            return true;
        }
        if (p instanceof Transformation t) {
            // outer (j, s, ratio) applied to t: J = j·t.J, shift = s + j·t.shift
            Jacobian tj = t.jacobian();
            double nx = sx + j.a() * t.shiftX() + j.b() * t.shiftY();
            double ny = sy + j.c() * t.shiftX() + j.d() * t.shiftY();
            return collect(t.original(), j.times(tj), nx, ny, ratio * t.fluxRatio(), out, points, shift);
        }
        if (p instanceof Sum s) {
            for (Profile item : s.items()) {
                if (!collect(item, j, sx, sy, ratio, out, points, shift)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
