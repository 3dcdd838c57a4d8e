package org.megalut.render;

/**
 * Airy PSF of a circular pupil with linear central obscuration ε: the OTF is the normalised
 * autocorrelation of the annular pupil. With ν = |k|(λ/D)/(2π) ∈ [0, 1] and pupil copies of radius
 * 1 and ε shifted by d = 2ν, F/flux = [A(1,1) − 2A(1,ε) + A(ε,ε)]/(π(1 − ε²)), A(r1, r2) being the
 * overlap area of two disks at distance d. Sizes in arcsec (λ/D).
 *
 * <p>GalSim's sizes: maxK = 2π/(λ/D); stepK = π/R with R = 1/(ft·π²/2·(1 − ε)) λ/D floored at
 * 5·0.5348321477 λ/D (its half-light radius).
 */
public final class Airy extends RadialProfile {
    private final double lamOverDiam;
    private final double obscuration;
    private final double flux;
    private final double norm;

    /**
     * @param lamOverDiam λ/D in arcsec
     * @param obscuration linear obscuration ε ∈ [0, 1)
     */
    public Airy(double lamOverDiam, double obscuration, double flux) {
        if (!(lamOverDiam > 0) || Double.isInfinite(lamOverDiam)) {
            throw new IllegalArgumentException("Airy lam_over_diam must be positive and finite, got " + lamOverDiam);
        }
        if (!(obscuration >= 0 && obscuration < 1)) {
            throw new IllegalArgumentException("obscuration must be in [0, 1), got " + obscuration);
        }
        this.lamOverDiam = lamOverDiam;
        this.obscuration = obscuration;
        this.flux = flux;
        this.norm = 1 / (Math.PI * (1 - obscuration * obscuration));
    }

    /** GalSim's folding radius in units of λ/D. */
    static double foldRadius(double obscuration) {
        GSParams gs = GSParams.DEFAULT;
        double r = 1 / (gs.foldingThreshold() * Math.PI * Math.PI / 2 * (1 - obscuration));
        return Math.max(r, gs.stepkMinimumHlr() * 0.5348321477);
    }

    public double lamOverDiam() { return lamOverDiam; }
    public double obscuration() { return obscuration; }

    @Override
    public double flux() {
        return flux;
    }

    @Override
    public double stepK() {
        return Math.PI / (foldRadius(obscuration) * lamOverDiam);
    }

    @Override
    public double maxK() {
        return 2 * Math.PI / lamOverDiam;
    }

    @Override
    public double radialKValue(double k2) {
        double nu = Math.sqrt(k2) * lamOverDiam / (2 * Math.PI);
        if (nu >= 1) {
            return 0;
        }
        double d = 2 * nu;
        double e = obscuration;
        double area = overlap(1, 1, d);
        if (e > 0) {
            area += overlap(e, e, d) - 2 * overlap(1, e, d);
        }
        return flux * norm * area;
    }

    /** Area of the intersection of disks of radii r1 ≥ r2 whose centres are d apart. */
    static double overlap(double r1, double r2, double d) {
        if (d >= r1 + r2) {
            return 0;
        }
        if (d <= r1 - r2) {
            return Math.PI * r2 * r2;
        }
        double a1 = Math.acos(Math.max(-1, Math.min(1, (d * d + r1 * r1 - r2 * r2) / (2 * d * r1))));
        double a2 = Math.acos(Math.max(-1, Math.min(1, (d * d + r2 * r2 - r1 * r1) / (2 * d * r2))));
        double tri = 0.5 * Math.sqrt(Math.max(0, (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)));
        return r1 * r1 * a1 + r2 * r2 * a2 - tri;
    }

    @Override
    public String toString() {
        return "Airy[lam_over_diam=" + lamOverDiam + ", obscuration=" + obscuration + ", flux=" + flux + "]";
    }
}
