package org.megalut.meas;

import org.megalut.image.Image;

/**
 * Circular-aperture photometry with exact pixel–circle overlap (as photutils' "exact" method that
 * MegaLUT's {@code aperphot} used): each pixel, a unit square centred on its integer coordinates,
 * contributes its value times the area of its intersection with the circle.
 */
public final class AperturePhotometry {

    private AperturePhotometry() { }

    /**
     * Mean surface brightness inside the circle: aperture sum / (π r²) [image units per px²].
     *
     * @param cx, cy centre in the image's own pixel-centre coordinates [px]
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
        double r2 = radius * radius;
        double total = 0;
        for (int y = y0; y <= y1; y++) {
            double dyNear = Math.max(0.0, Math.abs(y - cy) - 0.5);
            double dyFar = Math.abs(y - cy) + 0.5;
            for (int x = x0; x <= x1; x++) {
                double dxNear = Math.max(0.0, Math.abs(x - cx) - 0.5);
                double dxFar = Math.abs(x - cx) + 0.5;
                // Only pixels crossed by the circle need the exact overlap.
                if (dxNear * dxNear + dyNear * dyNear >= r2) {
                    continue;
                }
                double area = (dxFar * dxFar + dyFar * dyFar <= r2) ? 1.0
                        : overlap(x - 0.5 - cx, x + 0.5 - cx, y - 0.5 - cy, y + 0.5 - cy, radius);
                total += area * image.get(x, y);
            }
        }
        return total;
    }

    /**
     * Area of the intersection of the disk x² + y² ≤ r² with the rectangle [xa, xb] × [ya, yb]:
     * ∫ over x of the length of the chord [−h(x), h(x)] ∩ [ya, yb], h = sqrt(r² − x²). Between the
     * abscissae where h crosses |ya| or |yb| the integrand is a fixed combination of h and constants,
     * integrated with ∫h dx = ½(x h + r² asin(x/r)).
     */
    static double overlap(double xa, double xb, double ya, double yb, double r) {
        double lo = Math.max(xa, -r);
        double hi = Math.min(xb, r);
        if (lo >= hi || ya >= r || yb <= -r) {
            return 0.0;
        }
        double[] cuts = new double[6];
        int n = 0;
        cuts[n++] = lo;
        for (double yy : new double[] {ya, yb}) {
            if (Math.abs(yy) < r) {
                double xc = Math.sqrt(r * r - yy * yy);
                if (xc > lo && xc < hi) {
                    cuts[n++] = xc;
                }
                if (-xc > lo && -xc < hi) {
                    cuts[n++] = -xc;
                }
            }
        }
        cuts[n++] = hi;
        java.util.Arrays.sort(cuts, 0, n);
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
            double top = topIsCircle ? h : yb;
            double bottom = bottomIsCircle ? -h : ya;
            if (top <= bottom) {
                continue;
            }
            double circle = integralOfH(b, r) - integralOfH(a, r);
            double width = b - a;
            area += (topIsCircle ? circle : yb * width) - (bottomIsCircle ? -circle : ya * width);
        }
        return area;
    }

    private static double integralOfH(double x, double r) {
        double t = Math.max(-1.0, Math.min(1.0, x / r));
        return 0.5 * (x * Math.sqrt(Math.max(0.0, r * r - x * x)) + r * r * Math.asin(t));
    }
}
