package org.megalut.eval.variable;

import java.util.List;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Exact binned shear correlation functions of galaxies on a square lattice.
 *
 * <p>Why a lattice: in a GREAT3 variable-shear field every galaxy sits on a lattice point
 * ({@link FieldLattice}), so every pair separation is a lattice vector d = (dx, dy) and its bin, its
 * ln r and its angle φ are those of d. The per-pair sums therefore group by d: with
 * G(x) = Σ w g (complex shear g = g1 + i g2), W(x) = Σ w and O(x) the number of galaxies at lattice
 * point x, the sums over ordered pairs at separation d are
 * A(d) = Σ_x G*(x) G(x+d), B(d) = Σ_x G(x) G(x+d), Σ_x W(x) W(x+d) and Σ_x O(x) O(x+d). In the frame of
 * the pair, g' = g e^{−2iφ}, so a pair adds Re(g_a* g_b) to ξ+ and Re(g_a g_b e^{−4iφ}) (ξ−),
 * Im(g_a g_b e^{−4iφ}) (ξ×). Each unordered pair appears once at d and once at −d with the same
 * values, hence the halving. The four lattice sums are auto- and cross-correlations, computed by
 * zero-padded 2-D FFTs of side P ≥ 2L − 1 (L the lattice side), which makes them free of wrap-around.
 * Every pair's exact separation decides its bin (no tree approximation, no cell approximation); the
 * only difference from a pair-by-pair sum is floating-point rounding (relative ~1e-13 of the largest
 * lattice sums).
 *
 * <p>Cost: O(N) to fill the grids, then three complex FFT pairs of P² points, O(P² log P), and one pass
 * over the (2L − 1)² separation vectors; independent of N. GREAT3 (L = 700, P = 1536): memory is three
 * complex P × P arrays.
 *
 * <p>Shape variance, as corr2 reports it: σ_g² = n Σ w² |g|² / (2 (Σ w)²) over the n galaxies of
 * non-zero weight, and var ξ = σ_g⁴ / pairs per bin.
 */
public final class LatticeShearCorrelator {
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
        int side = 1;
        int used = 0;
        int nonZero = 0;
        double sumW = 0;
        double sumW2G2 = 0;
        for (ShearGalaxy g : galaxies) {
            if (g.ix() < 0 || g.iy() < 0) {
                throw new IllegalArgumentException("lattice indices must be >= 0, got (" + g.ix() + ", " + g.iy() + ")");
            }
            if (!(g.weight() >= 0) || Double.isInfinite(g.weight())) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + g.weight());
            }
            if (!g.passes()) {
                continue;
            }
            used++;
            side = Math.max(side, Math.max(g.ix(), g.iy()) + 1);
            sumW += g.weight();
            sumW2G2 += g.weight() * g.weight() * (g.g1() * g.g1() + g.g2() * g.g2());
            if (g.weight() != 0) {
                nonZero++;
            }
        }
        if (used == 0 || sumW == 0) {
            throw new IllegalArgumentException("no galaxy with non-zero weight passes GREAT3's failure test (of "
                    + galaxies.size() + ")");
        }
        double varG = nonZero * sumW2G2 / (2 * sumW * sumW);

        int p = fftSize(2 * side - 1);
        // Interleaved complex rows of length p: [re, im] pairs.
        double[] shear = new double[2 * p * p];
        double[] counts = new double[2 * p * p];
        for (ShearGalaxy g : galaxies) {
            if (!g.passes()) {
                continue;
            }
            int at = 2 * (g.iy() * p + g.ix());
            shear[at] += g.weight() * g.g1();
            shear[at + 1] += g.weight() * g.g2();
            counts[at] += g.weight();
            counts[at + 1] += 1;
        }
        DoubleFFT_2D fft = new DoubleFFT_2D(p, p);
        fft.complexForward(shear);
        fft.complexForward(counts);
        double[] product = new double[2 * p * p];
        for (int ky = 0; ky < p; ky++) {
            int myk = (p - ky) % p;
            for (int kx = 0; kx < p; kx++) {
                int at = 2 * (ky * p + kx);
                int neg = 2 * (myk * p + (p - kx) % p);
                // B: spectrum F(G)(−k)·F(G)(k).
                double ar = shear[at];
                double ai = shear[at + 1];
                double br = shear[neg];
                double bi = shear[neg + 1];
                product[at] = ar * br - ai * bi;
                product[at + 1] = ar * bi + ai * br;
            }
        }
        for (int ky = 0; ky < p; ky++) {
            int myk = (p - ky) % p;
            for (int kx = 0; kx < p; kx++) {
                int at = 2 * (ky * p + kx);
                int neg = 2 * (myk * p + (p - kx) % p);
                if (neg < at) {
                    continue;
                }
                // Split F(W + iO) into F(W), F(O) by Hermitian symmetry; store |F(W)|² + i|F(O)|².
                double zr = counts[at];
                double zi = counts[at + 1];
                double cr = counts[neg];
                double ci = -counts[neg + 1];
                double wr = 0.5 * (zr + cr);
                double wi = 0.5 * (zi + ci);
                double or = 0.5 * (zi - ci);
                double oi = -0.5 * (zr - cr);
                // W and O are real, so |F(·)(−k)|² = |F(·)(k)|².
                double pw = wr * wr + wi * wi;
                double po = or * or + oi * oi;
                counts[at] = pw;
                counts[at + 1] = po;
                counts[neg] = pw;
                counts[neg + 1] = po;
            }
        }
        for (int i = 0; i < shear.length; i += 2) {
            // A: spectrum |F(G)(k)|².
            shear[i] = shear[i] * shear[i] + shear[i + 1] * shear[i + 1];
            shear[i + 1] = 0;
        }
        fft.complexInverse(shear, true);
        fft.complexInverse(product, true);
        fft.complexInverse(counts, true);

        int n = bins.count();
        double[] sumLogR = new double[n];
        double[] xip = new double[n];
        double[] xim = new double[n];
        double[] xix = new double[n];
        double[] weight = new double[n];
        long[] pairs = new long[n];
        for (int dy = -(side - 1); dy < side; dy++) {
            int row = Math.floorMod(dy, p) * p;
            for (int dx = -(side - 1); dx < side; dx++) {
                int k = bins.index(separation(dx, dy));
                if (k < 0) {
                    continue;
                }
                int at = 2 * (row + Math.floorMod(dx, p));
                long pairCount = Math.round(counts[at + 1]);
                if (pairCount == 0) {
                    continue;
                }
                double phi = Math.atan2(dy, dx);
                double c4 = Math.cos(4 * phi);
                double s4 = Math.sin(4 * phi);
                double br = product[at];
                double bi = product[at + 1];
                double ww = counts[at];
                // Halved: each unordered pair is counted at d and at −d.
                xip[k] += 0.5 * shear[at];
                xim[k] += 0.5 * (br * c4 + bi * s4);
                xix[k] += 0.5 * (bi * c4 - br * s4);
                weight[k] += 0.5 * ww;
                sumLogR[k] += 0.5 * ww * Math.log(separation(dx, dy));
                pairs[k] += pairCount;
            }
        }
        double[] meanLogR = new double[n];
        double[] varXi = new double[n];
        for (int k = 0; k < n; k++) {
            pairs[k] /= 2;
            if (pairs[k] == 0) {
                // corr2's convention for an empty bin.
                meanLogR[k] = bins.nominalLogR(k);
                xip[k] = 0;
                xim[k] = 0;
                xix[k] = 0;
                weight[k] = 0;
                continue;
            }
            if (weight[k] > 0) {
                xip[k] /= weight[k];
                xim[k] /= weight[k];
                xix[k] /= weight[k];
                meanLogR[k] = sumLogR[k] / weight[k];
            } else {
                meanLogR[k] = bins.nominalLogR(k);
            }
            varXi[k] = varG * varG / pairs[k];
        }
        return new ShearCorrelation(bins, meanLogR, xip, xim, xix, weight, pairs, varXi);
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
