package org.megalut.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * PSF leakage from validation simulations. Each subfield's validation gives its additive bias c with an
 * error (the intercept of estimate − truth = c + m truth over the validation's cases, {@link ShearBias});
 * the subfields differ in their PSF, so the straight line c_i = c₀ + α e_i through the subfields' (PSF
 * ellipticity e_i, c_i) is the leakage α of the shear estimate, now measured on simulations large enough
 * that c is known to ~1e-5 per subfield rather than on the few observed subfields' mean shears.
 *
 * <p>The fit is weighted least squares with weights 1/σ_i² (the straight-line fit of Numerical Recipes
 * §15.2: with S = Σw, S_x = Σw e, S_xx = Σw e², Δ = S S_xx − S_x², var α = S/Δ, var c₀ = S_xx/Δ); χ² of the
 * residuals is reported beside the formal errors, since χ²/(n − 2) well above 1 means the subfields scatter
 * by more than their validation errors (another PSF property than e matters) and the errors are too small.
 *
 * @param component  the shear component, e.g. "g1"; e is the PSF's g of the same component
 * @param c0         c at a round PSF
 * @param c0Error    its formal 68 % error
 * @param alpha      the leakage dc/de
 * @param alphaError its formal 68 % error
 * @param chi2       Σ w (c − c₀ − α e)² over the subfields
 * @param n          subfields fitted; NaN values throughout below three or without PSF variation
 */
public record ValidationLeakage(String component, double c0, double c0Error, double alpha, double alphaError,
                                double chi2, int n) {

    /** The key of the validation leakage in a run's metrics.json. */
    public static final String METRICS_KEY = "validation_leakage";

    /** One subfield's validation: PSF g1, g2 and the weighted c per component with their errors. */
    public record Point(int subfield, double psfG1, double psfG2, double c1, double c1Error, double c2,
                        double c2Error) { }

    /**
     * Fits c = c₀ + α e with weights 1/σ².
     *
     * @throws IllegalArgumentException when the arrays differ in length or an error is not positive
     */
    public static ValidationLeakage fit(String component, double[] e, double[] c, double[] cError) {
        int n = e.length;
        if (c.length != n || cError.length != n) {
            throw new IllegalArgumentException("leakage fit of " + component + ": " + n + " PSF values, " + c.length
                    + " biases and " + cError.length + " errors");
        }
        double s = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            if (!(cError[i] > 0)) {
                throw new IllegalArgumentException("leakage fit of " + component + ": error of c must be positive,"
                        + " found " + cError[i] + " at point " + i);
            }
            double w = 1 / (cError[i] * cError[i]);
            s += w;
            sx += w * e[i];
            sy += w * c[i];
            sxx += w * e[i] * e[i];
            sxy += w * e[i] * c[i];
        }
        double delta = s * sxx - sx * sx;
        // Δ/S² is the weighted variance of e: relative to the scale of e, not zero by rounding only.
        if (n < 3 || !(delta > 1e-12 * s * sxx)) {
            return new ValidationLeakage(component, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double alpha = (s * sxy - sx * sy) / delta;
        double c0 = (sxx * sy - sx * sxy) / delta;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (c[i] - c0 - alpha * e[i]) / cError[i];
            chi2 += r * r;
        }
        return new ValidationLeakage(component, c0, Math.sqrt(sxx / delta), alpha, Math.sqrt(s / delta), chi2, n);
    }

    /** Both components' fits from the subfields' points (component k against the PSF's g_k). */
    public static List<ValidationLeakage> fit(List<Point> points) {
        double[] e1 = points.stream().mapToDouble(Point::psfG1).toArray();
        double[] e2 = points.stream().mapToDouble(Point::psfG2).toArray();
        return List.of(fit("g1", e1, points.stream().mapToDouble(Point::c1).toArray(),
                        points.stream().mapToDouble(Point::c1Error).toArray()),
                fit("g2", e2, points.stream().mapToDouble(Point::c2).toArray(),
                        points.stream().mapToDouble(Point::c2Error).toArray()));
    }

    /** The fits and their points as JSON (dataset, per component alpha, errors, c0, chi2, n; the points). */
    public static ObjectNode json(ObjectMapper mapper, String dataset, List<Point> points) {
        ObjectNode root = mapper.createObjectNode().put("dataset", dataset);
        for (ValidationLeakage f : fit(points)) {
            String k = f.component().substring(1);
            root.put("alpha" + k, f.alpha()).put("alpha" + k + "_err", f.alphaError()).put("c" + k + "_0", f.c0())
                    .put("c" + k + "_0_err", f.c0Error()).put("chi2_" + k, f.chi2());
        }
        root.put("subfields", points.size());
        ArrayNode rows = root.putArray("points");
        for (Point p : points) {
            rows.addObject().put("subfield", p.subfield()).put("psf_g1", p.psfG1()).put("psf_g2", p.psfG2())
                    .put("c1", p.c1()).put("c1_err", p.c1Error()).put("c2", p.c2()).put("c2_err", p.c2Error());
        }
        return root;
    }

    /** One line per component. */
    public static void print(String dataset, List<Point> points, PrintStream out) {
        out.printf(Locale.ROOT, "  PSF leakage from the %s validations (%d subfields, weighted c against the mean star g):%n",
                dataset, points.size());
        for (ValidationLeakage f : fit(points)) {
            out.printf(Locale.ROOT, "    alpha%s = %+.4f +/- %.4f   c0 = %+.6f +/- %.6f   chi2 = %.1f for %d dof%n",
                    f.component().substring(1), f.alpha(), f.alphaError(), f.c0(), f.c0Error(), f.chi2(),
                    Math.max(0, f.n() - 2));
        }
    }
}
