package org.megalut.meas;

import org.megalut.image.Image;

/**
 * Circular-aperture photometry with exact pixel–circle overlap (as photutils' "exact" method that
 * MegaLUT's {@code aperphot} used): each pixel, a unit square centred on its integer coordinates,
 * contributes its value times the area of its intersection with the circle.
 *
 * <p>The overlap of a pixel [xa, xb] × [ya, yb] with the disk x² + y² ≤ r² is ∫ over x of the length of
 * the chord [−h(x), h(x)] ∩ [ya, yb], h = sqrt(r² − x²). Between the abscissae where h crosses |ya| or
 * |yb| the integrand is a fixed combination of h and constants, integrated with the primitive
 * G(x) = ∫₀ˣ h = ½(x h + r² asin(x/r)). G is needed only at pixel column edges and at the circle's
 * crossings of pixel row edges, so it is tabulated once per aperture.
 */
public final class AperturePhotometry {

    private AperturePhotometry() { }

    /**
     * Mean surface brightness inside the circle: aperture sum / (π r²) [image units per px²].
     *
     * @param cx     centre x in the image's own pixel-centre coordinates [px]
     * @param cy     centre y [px]
     * @param radius aperture radius [px]
     */
    public static double surfaceBrightness(Image image, double cx, double cy, double radius) {
        return sum(image, cx, cy, radius) / (Math.PI * radius * radius);
    }

    /** Σ pixel · overlap area of the pixel with the circle [image units]. */
    public static double sum(Image image, double cx, double cy, double radius) {
        if (!(radius > 0) || !Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("aperture needs a finite centre and a positive radius, got ("
                    + cx + ", " + cy + "), r = " + radius);
        }
        int x0 = Math.max(image.xmin(), (int) Math.floor(cx - radius - 0.5));
        int x1 = Math.min(image.xmax(), (int) Math.ceil(cx + radius + 0.5));
        int y0 = Math.max(image.ymin(), (int) Math.floor(cy - radius - 0.5));
        int y1 = Math.min(image.ymax(), (int) Math.ceil(cy + radius + 0.5));
        if (x0 > x1 || y0 > y1) {
            return 0.0;
        }
        double r = radius;
        double r2 = r * r;
        // Column edges e_i = x0 − ½ − cx + i and G there; row edges f_j and the circle's crossing c_j there.
        int nx = x1 - x0 + 2;
        int ny = y1 - y0 + 2;
        double[] colEdge = new double[nx];
        double[] colG = new double[nx];
        for (int i = 0; i < nx; i++) {
            colEdge[i] = x0 - 0.5 - cx + i;
            colG[i] = primitive(Math.max(-r, Math.min(r, colEdge[i])), r);
        }
        double[] rowEdge = new double[ny];
        double[] cross = new double[ny];
        double[] crossG = new double[ny];
        for (int j = 0; j < ny; j++) {
            rowEdge[j] = y0 - 0.5 - cy + j;
            cross[j] = Math.abs(rowEdge[j]) < r ? Math.sqrt(r2 - rowEdge[j] * rowEdge[j]) : -1.0;
            crossG[j] = cross[j] >= 0 ? primitive(cross[j], r) : 0.0;
        }
        double[] pix = image.pixels();
        int width = image.width();
        double total = 0;
        double[] cuts = new double[6];
        double[] cutG = new double[6];
        for (int y = y0; y <= y1; y++) {
            int j = y - y0;
            double ya = rowEdge[j];
            double yb = rowEdge[j + 1];
            double dyNear = Math.max(0.0, Math.abs(y - cy) - 0.5);
            double dyFar = Math.abs(y - cy) + 0.5;
            int rowOffset = (y - image.ymin()) * width - image.xmin();
            for (int x = x0; x <= x1; x++) {
                double dxNear = Math.max(0.0, Math.abs(x - cx) - 0.5);
                double dxFar = Math.abs(x - cx) + 0.5;
                if (dxNear * dxNear + dyNear * dyNear >= r2) {
                    continue;
                }
                double area;
                if (dxFar * dxFar + dyFar * dyFar <= r2) {
                    area = 1.0;
                } else {
                    int i = x - x0;
                    area = overlap(colEdge[i], colEdge[i + 1], colG[i], colG[i + 1], ya, yb,
                            cross[j], crossG[j], cross[j + 1], crossG[j + 1], r, cuts, cutG);
                }
                total += area * pix[rowOffset + x];
            }
        }
        return total;
    }

    /**
     * Area of the disk ∩ [xa, xb] × [ya, yb] for a rectangle that the circle crosses.
     *
     * @param ga, gb G at xa and xb clamped to [−r, r]
     * @param ca     abscissa where the circle crosses y = ya (−1 if it does not), gca = G(ca)
     * @param cb     same for y = yb
     */
    private static double overlap(double xa, double xb, double ga, double gb, double ya, double yb,
                                  double ca, double gca, double cb, double gcb, double r,
                                  double[] cuts, double[] cutG) {
        double lo = Math.max(xa, -r);
        double hi = Math.min(xb, r);
        if (lo >= hi || ya >= r || yb <= -r) {
            return 0.0;
        }
        int n = 0;
        cuts[n] = lo;
        cutG[n++] = ga;
        n = addCrossings(cuts, cutG, n, ca, gca, lo, hi);
        n = addCrossings(cuts, cutG, n, cb, gcb, lo, hi);
        cuts[n] = hi;
        cutG[n++] = gb;
        for (int i = 1; i < n; i++) {
            for (int k = i; k > 0 && cuts[k - 1] > cuts[k]; k--) {
                double t = cuts[k];
                cuts[k] = cuts[k - 1];
                cuts[k - 1] = t;
                t = cutG[k];
                cutG[k] = cutG[k - 1];
                cutG[k - 1] = t;
            }
        }
        double area = 0;
        for (int i = 0; i + 1 < n; i++) {
            double a = cuts[i];
            double b = cuts[i + 1];
            if (b <= a) {
                continue;
            }
            double mid = 0.5 * (a + b);
            double h = Math.sqrt(r * r - mid * mid);
            boolean topIsCircle = h <= yb;
            boolean bottomIsCircle = -h >= ya;
            if ((topIsCircle ? h : yb) > (bottomIsCircle ? -h : ya)) {
                double circle = cutG[i + 1] - cutG[i];
                double width = b - a;
                area += (topIsCircle ? circle : yb * width) - (bottomIsCircle ? -circle : ya * width);
            }
        }
        return area;
    }

    /** Adds ±c (where the circle crosses a row edge) when inside (lo, hi); G is odd, so G(−c) = −G(c). */
    private static int addCrossings(double[] cuts, double[] cutG, int n, double c, double gc, double lo, double hi) {
        if (c >= 0) {
            if (c > lo && c < hi) {
                cuts[n] = c;
                cutG[n++] = gc;
            }
            if (-c > lo && -c < hi) {
                cuts[n] = -c;
                cutG[n++] = -gc;
            }
        }
        return n;
    }

    /** Area of a disk of radius r ∩ [xa, xb] × [ya, yb], the disk centred at the origin. */
    static double overlap(double xa, double xb, double ya, double yb, double r) {
        double ca = Math.abs(ya) < r ? Math.sqrt(r * r - ya * ya) : -1.0;
        double cb = Math.abs(yb) < r ? Math.sqrt(r * r - yb * yb) : -1.0;
        return overlap(xa, xb, primitive(Math.max(-r, Math.min(r, xa)), r), primitive(Math.max(-r, Math.min(r, xb)), r),
                ya, yb, ca, ca >= 0 ? primitive(ca, r) : 0, cb, cb >= 0 ? primitive(cb, r) : 0, r,
                new double[6], new double[6]);
    }

    /** G(x) = ∫₀ˣ sqrt(r² − t²) dt for |x| ≤ r. */
    private static double primitive(double x, double r) {
        double t = Math.max(-1.0, Math.min(1.0, x / r));
        return 0.5 * (x * Math.sqrt(Math.max(0.0, r * r - x * x)) + r * r * Math.asin(t));
    }
}
