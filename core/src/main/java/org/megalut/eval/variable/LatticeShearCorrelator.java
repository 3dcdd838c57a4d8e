package org.megalut.eval.variable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Exact binned shear correlation functions of galaxies on a square lattice.
 *
 * <p>Why a lattice: in a GREAT3 variable-shear field every galaxy sits on a lattice point
 * ({@link FieldLattice}), so every pair separation is a lattice vector d = (dx, dy) and its bin, its
 * ln r and its angle φ are those of d. The per-pair sums therefore group by d: with
 * G(x) = Σ w g (complex shear g = g1 + i g2), W(x) = Σ w and O(x) the number of galaxies at lattice
 * point x, the sums over the pairs at separation d are
 * A(d) = Σ_x G*(x) G(x+d), B(d) = Σ_x G(x) G(x+d), Σ_x W(x) W(x+d) and Σ_x O(x) O(x+d). In the frame of
 * the pair, g' = g e^{−2iφ}, so a pair adds Re(g_a* g_b) to ξ+ and Re(g_a g_b e^{−4iφ}) (ξ−),
 * Im(g_a g_b e^{−4iφ}) (ξ×). Within one set each unordered pair appears once at d and once at −d with
 * the same values, hence the halving of an auto-correlation. The four lattice sums are correlations of
 * the grids, computed by 2-D FFTs zero-padded to P ≥ e₁ + e₂ − 1 per axis (e the extents of the two
 * sets), which makes them free of wrap-around. Every pair's exact separation decides its bin (no tree
 * approximation, no cell approximation); the only difference from a pair-by-pair sum is floating-point
 * rounding (relative ~1e-13 of the largest lattice sums).
 *
 * <p>Cost of one field of lattice side L: O(N) to fill the grids, two forward and three inverse complex
 * FFTs of P² points, O(P² log P) with P ≥ 2L − 1, and one pass over the (2L − 1)² separation vectors;
 * independent of the number of galaxies N. Memory: five complex P × P arrays (seven for two sets). A field may also be
 * split into blocks, the pairs of each block pair summed ({@link #crossSums}, {@link #autoSums}) and the
 * {@link PairSums} added: the same pairs, so the same result up to rounding.
 *
 * <p>Shape variance, as corr2 reports it: σ_g² = n Σ w² |g|² / (2 (Σ w)²) over the n galaxies of
 * non-zero weight, and var ξ = σ_g⁴ / pairs per bin.
 */
public final class LatticeShearCorrelator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final AngularBins bins;
    private final double spacingDeg;

    /**
     * @param bins       the separation bins [deg]
     * @param spacingDeg lattice spacing [deg] ({@link FieldLattice#SPACING_DEG} for GREAT3)
     */
    public LatticeShearCorrelator(AngularBins bins, double spacingDeg) {
        if (!(spacingDeg > 0)) {
            throw new IllegalArgumentException("lattice spacing must be > 0 deg, got " + spacingDeg);
        }
        this.bins = bins;
        this.spacingDeg = spacingDeg;
    }

    /** GREAT3's: 15 bins from 0.02° to 10° on the 10°/700 lattice. */
    public static LatticeShearCorrelator great3() {
        return new LatticeShearCorrelator(AngularBins.GREAT3, FieldLattice.SPACING_DEG);
    }

    /** The separation bins. */
    public AngularBins bins() {
        return bins;
    }

    /** The separation [deg] of lattice vector (dx, dy). */
    public double separation(int dx, int dy) {
        return spacingDeg * Math.sqrt((double) dx * dx + (double) dy * dy);
    }

    /**
     * ξ± of one field. Galaxies failing GREAT3's test ({@link ShearGalaxy#passes}) are left out.
     *
     * @throws IllegalArgumentException for a negative lattice index or weight, or no galaxy passing
     */
    public ShearCorrelation correlate(List<ShearGalaxy> galaxies) {
        List<ShearGalaxy> used = passing(galaxies);
        return finish(autoSums(used), ShapeSums.of(used));
    }

    /**
     * The galaxies that pass GREAT3's failure test, checked.
     *
     * @throws IllegalArgumentException for a negative lattice index, a negative or non-finite weight, or
     *                                  when no galaxy with non-zero weight passes
     */
    public static List<ShearGalaxy> passing(List<ShearGalaxy> galaxies) {
        List<ShearGalaxy> used = new ArrayList<>();
        boolean weighted = false;
        for (ShearGalaxy g : galaxies) {
            if (g.ix() < 0 || g.iy() < 0) {
                throw new IllegalArgumentException("lattice indices must be >= 0, got (" + g.ix() + ", " + g.iy() + ")");
            }
            if (!(g.weight() >= 0) || Double.isInfinite(g.weight())) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + g.weight());
            }
            if (g.passes()) {
                used.add(g);
                weighted |= g.weight() > 0;
            }
        }
        if (!weighted) {
            throw new IllegalArgumentException("no galaxy with non-zero weight passes GREAT3's failure test (of "
                    + galaxies.size() + ")");
        }
        return used;
    }

    /**
     * The corr2 shape-variance sums of a set of galaxies: additive over disjoint sets.
     *
     * @param nonZero galaxies of non-zero weight
     * @param sumW    Σ w
     * @param sumW2G2 Σ w² |g|²
     */
    public record ShapeSums(long nonZero, double sumW, double sumW2G2) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The sums of these galaxies (all of them: filter with {@link #passing} first). */
        public static ShapeSums of(List<ShearGalaxy> galaxies) {
            long n = 0;
            double w = 0;
            double w2g2 = 0;
            for (ShearGalaxy g : galaxies) {
                n += g.weight() != 0 ? 1 : 0;
                w += g.weight();
                w2g2 += g.weight() * g.weight() * (g.g1() * g.g1() + g.g2() * g.g2());
            }
            return new ShapeSums(n, w, w2g2);
        }

        /** The sums of both sets. */
        public ShapeSums plus(ShapeSums o) {
            return new ShapeSums(nonZero + o.nonZero, sumW + o.sumW, sumW2G2 + o.sumW2G2);
        }

        /** corr2's per-component shape variance σ_g² = n Σ w²|g|² / (2 (Σw)²). */
        public double variance() {
            return nonZero * sumW2G2 / (2 * sumW * sumW);
        }
    }

    /** ξ± from a field's pair sums and shape sums; empty bins as corr2 reports them. */
    public ShearCorrelation finish(PairSums sums, ShapeSums shape) {
        int n = bins.count();
        if (sums.bins() != n) {
            throw new IllegalArgumentException("pair sums have " + sums.bins() + " bins, expected " + n);
        }
        double varG = shape.variance();
        double[] xip = sums.plus();
        double[] xim = sums.minus();
        double[] xix = sums.cross();
        double[] weight = sums.weight();
        double[] logR = sums.logR();
        long[] pairs = sums.pairs();
        double[] meanLogR = new double[n];
        double[] varXi = new double[n];
        for (int k = 0; k < n; k++) {
            if (pairs[k] == 0 || weight[k] == 0) {
                // corr2's convention for a bin without (weighted) pairs.
                meanLogR[k] = bins.nominalLogR(k);
                xip[k] = 0;
                xim[k] = 0;
                xix[k] = 0;
                weight[k] = 0;
                varXi[k] = pairs[k] == 0 ? 0 : varG * varG / pairs[k];
                continue;
            }
            xip[k] /= weight[k];
            xim[k] /= weight[k];
            xix[k] /= weight[k];
            meanLogR[k] = logR[k] / weight[k];
            varXi[k] = varG * varG / pairs[k];
        }
        return new ShearCorrelation(bins, meanLogR, xip, xim, xix, weight, pairs, varXi);
    }

    /** The sums over the unordered pairs within one set of (passing) galaxies. */
    public PairSums autoSums(List<ShearGalaxy> galaxies) {
        if (galaxies.isEmpty()) {
            return PairSums.empty(bins.count());
        }
        Grid g = new Grid(galaxies);
        return sums(g, g, true);
    }

    /** The sums over the pairs (a, b), a in the first set and b in the second (disjoint) set. */
    public PairSums crossSums(List<ShearGalaxy> first, List<ShearGalaxy> second) {
        if (first.isEmpty() || second.isEmpty()) {
            return PairSums.empty(bins.count());
        }
        return sums(new Grid(first), new Grid(second), false);
    }

    /** The bounding box of a set of galaxies on the lattice. */
    private static final class Grid {
        final List<ShearGalaxy> galaxies;
        final int x0;
        final int y0;
        final int width;
        final int height;

        Grid(List<ShearGalaxy> galaxies) {
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = Integer.MIN_VALUE;
            int maxY = Integer.MIN_VALUE;
            for (ShearGalaxy g : galaxies) {
                minX = Math.min(minX, g.ix());
                minY = Math.min(minY, g.iy());
                maxX = Math.max(maxX, g.ix());
                maxY = Math.max(maxY, g.iy());
            }
            this.galaxies = galaxies;
            x0 = minX;
            y0 = minY;
            width = maxX - minX + 1;
            height = maxY - minY + 1;
        }

        /** Fills interleaved complex arrays of px × py: shear Σ w g, and counts Σ w + i·(number). */
        void fill(double[] shear, double[] counts, int px) {
            for (ShearGalaxy g : galaxies) {
                int at = 2 * ((g.iy() - y0) * px + g.ix() - x0);
                shear[at] += g.weight() * g.g1();
                shear[at + 1] += g.weight() * g.g2();
                counts[at] += g.weight();
                counts[at + 1] += 1;
            }
        }
    }

    private PairSums sums(Grid first, Grid second, boolean auto) {
        // JTransforms needs at least 2 points per axis.
        int px = fftSize(Math.max(2, first.width + second.width - 1));
        int py = fftSize(Math.max(2, first.height + second.height - 1));
        DoubleFFT_2D fft = new DoubleFFT_2D(py, px);
        double[] shear1 = new double[2 * px * py];
        double[] counts1 = new double[2 * px * py];
        first.fill(shear1, counts1, px);
        fft.complexForward(shear1);
        fft.complexForward(counts1);
        double[] shear2 = shear1;
        double[] counts2 = counts1;
        if (!auto) {
            shear2 = new double[2 * px * py];
            counts2 = new double[2 * px * py];
            second.fill(shear2, counts2, px);
            fft.complexForward(shear2);
            fft.complexForward(counts2);
        }
        // Spectra of B(d) = Σ G1(x) G2(x+d): F(G1)(−k)·F(G2)(k); of A(d) = Σ G1*(x) G2(x+d): F(G1)*(k)·F(G2)(k).
        double[] specB = new double[2 * px * py];
        double[] specA = new double[2 * px * py];
        double[] specC = new double[2 * px * py];
        for (int ky = 0; ky < py; ky++) {
            int mky = (py - ky) % py;
            for (int kx = 0; kx < px; kx++) {
                int at = 2 * (ky * px + kx);
                int neg = 2 * (mky * px + (px - kx) % px);
                double ar = shear1[neg];
                double ai = shear1[neg + 1];
                double br = shear2[at];
                double bi = shear2[at + 1];
                specB[at] = ar * br - ai * bi;
                specB[at + 1] = ar * bi + ai * br;
                double cr = shear1[at];
                double ci = -shear1[at + 1];
                specA[at] = cr * br - ci * bi;
                specA[at + 1] = cr * bi + ci * br;
                // Split F(W + iO) of each set into F(W), F(O) (W, O real); store
                // F(W1)*·F(W2) + i·F(O1)*·F(O2), whose inverse is ΣW1W2 + i·ΣO1O2.
                double[] w1 = split(counts1, at, neg);
                double[] w2 = split(counts2, at, neg);
                double wr = w1[0] * w2[0] + w1[1] * w2[1];
                double wi = w1[0] * w2[1] - w1[1] * w2[0];
                double or = w1[2] * w2[2] + w1[3] * w2[3];
                double oi = w1[2] * w2[3] - w1[3] * w2[2];
                specC[at] = wr - oi;
                specC[at + 1] = wi + or;
            }
        }
        fft.complexInverse(specA, true);
        fft.complexInverse(specB, true);
        fft.complexInverse(specC, true);

        int n = bins.count();
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] cross = new double[n];
        double[] weight = new double[n];
        double[] logR = new double[n];
        long[] pairs = new long[n];
        // Within one set each unordered pair is met at d and at −d.
        double half = auto ? 0.5 : 1.0;
        int ox = second.x0 - first.x0;
        int oy = second.y0 - first.y0;
        for (int sy = -(first.height - 1); sy < second.height; sy++) {
            int row = Math.floorMod(sy, py) * px;
            int dy = oy + sy;
            for (int sx = -(first.width - 1); sx < second.width; sx++) {
                int dx = ox + sx;
                double r = separation(dx, dy);
                int k = bins.index(r);
                if (k < 0) {
                    continue;
                }
                int at = 2 * (row + Math.floorMod(sx, px));
                long pairCount = Math.round(specC[at + 1]);
                if (pairCount == 0) {
                    continue;
                }
                double phi = Math.atan2(dy, dx);
                double c4 = Math.cos(4 * phi);
                double s4 = Math.sin(4 * phi);
                double br = specB[at];
                double bi = specB[at + 1];
                double ww = specC[at];
                plus[k] += half * specA[at];
                minus[k] += half * (br * c4 + bi * s4);
                cross[k] += half * (bi * c4 - br * s4);
                weight[k] += half * ww;
                logR[k] += half * ww * Math.log(r);
                pairs[k] += pairCount;
            }
        }
        if (auto) {
            for (int k = 0; k < n; k++) {
                pairs[k] /= 2;
            }
        }
        return new PairSums(plus, minus, cross, weight, logR, pairs);
    }

    /** F(W)(k) and F(O)(k) (re, im, re, im) from the transform of W + iO at k and −k. */
    private static double[] split(double[] z, int at, int neg) {
        double zr = z[at];
        double zi = z[at + 1];
        double cr = z[neg];
        double ci = -z[neg + 1];
        return new double[] {0.5 * (zr + cr), 0.5 * (zi + ci), 0.5 * (zi - ci), -0.5 * (zr - cr)};
    }

    /** The smallest 2^a or 3·2^a at least n: sizes JTransforms transforms fastest. */
    static int fftSize(int n) {
        int pow = 1;
        while (pow < n) {
            pow <<= 1;
        }
        int three = 3;
        while (three < n) {
            three <<= 1;
        }
        return Math.min(pow, three);
    }
}
