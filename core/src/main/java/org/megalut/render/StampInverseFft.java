package org.megalut.render;

import java.util.Arrays;
import org.megalut.image.Image;

/**
 * The inverse 2-D FFT of a folded k-grid into a stamp: the grid holds F on the N×N bins
 * (kx, ky) with kx ∈ [0, N/2] (the other half is its Hermitian mirror, F(−k) = conj F(k), as the
 * image is real), and the stamp receives I(x, y) = norm·Σ F(kx, ky)·e^{+2πi(kx·x + ky·y)/N} on its
 * own window of the N-periodic image.
 *
 * <p>Layout: one row per ky bin, {@link #re()}[ky][kx] and {@link #im()}[ky][kx], kx contiguous, so
 * that the transform along ky is a {@link BatchedFft} over rows. Along kx each needed image row y is
 * a complex-to-real transform of length N, computed as one complex transform of length M = N/2 with
 * z[m] = I[2m] + i·I[2m + 1]: Z[k] = E[k] + i·O[k] for k &lt; M, where E[k] = X[k] + conj X[M − k]
 * and O[k] = (X[k] − conj X[M − k])·e^{+2πik/N} (X[k + M] = conj X[M − k] by symmetry). Only the
 * stamp's rows are transformed, all at once (another {@link BatchedFft}, batched over the rows).
 *
 * <p>N must be even, 2^a or 3·2^a (what {@link FftGrid#choose} returns). Mutable; not thread-safe.
 */
final class StampInverseFft {
    private final int n;
    private final int m;
    private final BatchedFft columns;
    private final BatchedFft rows;
    private final double[] cosN;
    private final double[] sinN;
    private final double[][] re;
    private final double[][] im;
    private final double[][] scratchRe;
    private final double[][] scratchIm;
    private double[][] rowRe = new double[0][];
    private double[][] rowIm = new double[0][];
    private double[][] zRe = new double[0][];
    private double[][] zIm = new double[0][];
    private double[][] zScratchRe = new double[0][];
    private double[][] zScratchIm = new double[0][];

    /** @param n FFT size N: even, 2^a or 3·2^a */
    StampInverseFft(int n) {
        if (n < 2 || n % 2 != 0 || !BatchedFft.isSupported(n)) {
            throw new IllegalArgumentException("stamp FFT size must be even and 2^a or 3·2^a, got " + n);
        }
        this.n = n;
        this.m = n / 2;
        columns = new BatchedFft(n);
        rows = new BatchedFft(m);
        cosN = new double[m];
        sinN = new double[m];
        for (int k = 0; k < m; k++) {
            cosN[k] = Math.cos(2 * Math.PI * k / n);
            sinN[k] = Math.sin(2 * Math.PI * k / n);
        }
        re = new double[n][m + 1];
        im = new double[n][m + 1];
        scratchRe = new double[n][m + 1];
        scratchIm = new double[n][m + 1];
    }

    /**
     * Real parts of the grid: row ky (bin 0..N−1), element kx (0..N/2). The row arrays may change
     * after {@link #inverse}: fetch them again for the next stamp.
     */
    double[][] re() {
        return re;
    }

    /** Imaginary parts, as {@link #re()}. */
    double[][] im() {
        return im;
    }

    /** Zeroes the grid. */
    void clear() {
        for (int k = 0; k < n; k++) {
            Arrays.fill(re[k], 0.0);
            Arrays.fill(im[k], 0.0);
        }
    }

    /**
     * Writes the stamp: pixel (column c, row r) = norm·I((c − ox) mod N, (r − oy) mod N). The grid
     * is destroyed.
     *
     * @throws IllegalArgumentException if the stamp is larger than N in either direction
     */
    void inverse(Image target, int ox, int oy, double norm) {
        int width = target.width();
        int height = target.height();
        if (width > n || height > n) {
            throw new IllegalArgumentException("stamp " + width + "×" + height + " larger than the FFT size " + n);
        }
        columns.inverse(re, im, scratchRe, scratchIm, m + 1);
        ensureRows(height);
        for (int r = 0; r < height; r++) {
            int y = Math.floorMod(r - oy, n);
            rowRe[r] = re[y];
            rowIm[r] = im[y];
        }
        // k outer: the writes run along a z row, the reads gather one element per image row
        for (int k = 0; k < m; k++) {
            double[] outRe = zRe[k];
            double[] outIm = zIm[k];
            double c = cosN[k];
            double s = sinN[k];
            for (int r = 0; r < height; r++) {
                double[] xr = rowRe[r];
                double[] xi = rowIm[r];
                double ar = xr[k];
                double ai = xi[k];
                double br = xr[m - k];
                double bi = -xi[m - k];
                double dr = ar - br;
                double di = ai - bi;
                outRe[r] = ar + br - (dr * s + di * c);
                outIm[r] = ai + bi + (dr * c - di * s);
            }
        }
        rows.inverse(zRe, zIm, zScratchRe, zScratchIm, height);
        double[] pix = target.pixels();
        for (int c = 0; c < width; c++) {
            int x = Math.floorMod(c - ox, n);
            double[] src = (x & 1) == 0 ? zRe[x >> 1] : zIm[x >> 1];
            for (int r = 0; r < height; r++) {
                pix[r * width + c] = norm * src[r];
            }
        }
    }

    private void ensureRows(int height) {
        if (zRe.length == 0 || zRe[0].length < height) {
            rowRe = new double[height][];
            rowIm = new double[height][];
            zRe = new double[m][height];
            zIm = new double[m][height];
            zScratchRe = new double[m][height];
            zScratchIm = new double[m][height];
        }
    }
}
