package org.megalut.sim.great3;

import java.util.Arrays;

/**
 * The noise-free S/N sum and the HSM adaptive moments of a centred galaxy ⊗ PSF ⊗ pixel, computed from
 * its Fourier transform F(k) on a coarse k-grid instead of from a drawn stamp. Pixel units throughout:
 * x in pixels, k in radians per pixel, I(x) = (1/(2π)²) ∫ F(k) e^{ik·x} d²k in flux per pixel.
 *
 * <p><b>Sum of squares.</b> Σ_p I(p)² over the pixel centres ≈ ∫ I² d²x = (1/(2π)²) ∫ |F|² d²k
 * (Parseval; the pixel lattice adds aliased terms of relative size |F(π)|², ~1e-4 for ground PSFs).
 *
 * <p><b>Adaptive moments.</b> HSM iterates the Gaussian weight w(u) = exp(−½ uᵀM⁻¹u), u = x − x₀, to
 * the fixed point 2B/A = 0, C/A = M/2 of A = ∫ I w, B = ∫ I w u, C = ∫ I w u uᵀ (in HSM sums over
 * pixels). With ŵ(k) = ∫ w(u) e^{ik·u} d²u = 2π√det M · E(k), E = exp(−½ kᵀMk), and
 * ∫ w u e^{ik·u} = iMk ŵ, ∫ w u uᵀ e^{ik·u} = (M − Mk kᵀM) ŵ, Parseval gives, with
 * z(k) = F(k) e^{ik·x₀}, a = ∫ Re z E, q = ∫ Re z E k kᵀ, b = ∫ Im z E k:
 * <pre>
 *   C/A = M − M (q/a) M,    B/A = −M b/a.
 * </pre>
 * The Gaussian E confines the integrals to |k| ≲ 8/σ_minor, so a few hundred k-points replace a
 * 2-D FFT of a 128² grid plus the pixel passes. The steps are HSM's: x₀ += 2B/A, M += 4(C/A − M/2),
 * each clamped to ±0.25 in units of the weight's minor axis b (b²); for a Gaussian image they converge
 * quadratically. The result differs from HSM on the drawn stamp by pixel aliasing, HSM's cut at
 * ρ² = 32 and the stamp's edges; {@code SelectionEstimateTest} bounds the difference.
 *
 * <p><b>Grid.</b> A k-grid of step dk sums the integrands as if the image were periodic with period
 * 2π/dk; the caller chooses dk so that the period is many weight widths (see
 * {@link CandidateEstimator}). Integrals run over the half plane kx ≥ 0 (F(−k) = conj F(k) for a
 * real image), each point counted twice except on the line kx = 0.
 *
 * <p>Not thread-safe (reused buffers): one instance per selection.
 */
final class ContinuumMoments {
    /**
     * Largest exponent ½ kᵀMk summed: E ≥ e^{−16} ≈ 1e-7. Near the fixed point F itself falls about as
     * fast as E (for a Gaussian image F·E = e^{−kᵀMk}), so the dropped terms are ~1e-14 of the peak.
     */
    private static final double MAX_EXPONENT = 16;
    /**
     * Convergence threshold on the largest step in units of b, b² (HSM's own is 1e-6). The steps
     * shrink about tenfold per iteration (on three GREAT3 ground subfields: 8.0–8.6 sums per candidate
     * at 1e-7, 5.6–6.2 at 1e-5, 4.6–5.0 at 1e-4), so what remains is ~1e-5 of T, far below the
     * estimate's own error against the stamp (~3e-3 in resolution, printed by
     * {@code SelectionEstimateTest}, the same at 1e-7 and 1e-4).
     */
    private static final double PRECISION = 1e-4;
    private static final int MAX_ITERATIONS = 200;
    private static final double BOUND = 0.25;

    /** Adaptive moments [px²] and centroid [px] relative to the profile centre. */
    record Moments(double mxx, double mxy, double myy, double x0, double y0) {
        /** The trace T = Mxx + Myy [px²]. */
        double trace() {
            return mxx + myy;
        }

        /** Largest eigenvalue of M [px²]. */
        double major() {
            return 0.5 * (mxx + myy) + Math.hypot(0.5 * (mxx - myy), mxy);
        }
    }

    private final PixelPsfTable psf;
    private double[] transformRe = new double[0];
    private double[] transformIm = new double[0];
    private double[] colRe = new double[0];
    private double[] colIm = new double[0];
    private int n;
    private int rows;
    private double dk;

    /**
     * @param psf the subfield's PSF ⊗ pixel table
     */
    ContinuumMoments(PixelPsfTable psf) {
        this.psf = psf;
    }

    /** A real, point-symmetric galaxy transform F_G(kx, ky), k in rad/pixel, F_G(0) = flux. */
    interface GalaxyTransform {
        double value(double kx, double ky);
    }

    /**
     * Sets F = F_G·(PSF ⊗ pixel) on the grid of step stride·psf.dk() for |k| ≤ kMax (zero outside,
     * up to the square |kx|, |ky| ≤ kMax).
     *
     * @param galaxy the galaxy's transform, or null for a point source of flux 1
     * @param kMax   largest |kx|, |ky| [rad/pixel]; the table's own limit applies as well
     */
    void fill(GalaxyTransform galaxy, int stride, double kMax) {
        dk = stride * psf.dk();
        n = Math.min(psf.n() / stride, (int) Math.floor(kMax / dk));
        rows = 2 * n + 1;
        int size = (n + 1) * rows;
        if (transformRe.length < size) {
            transformRe = new double[size];
            transformIm = new double[size];
        }
        if (colRe.length < rows) {
            colRe = new double[rows];
            colIm = new double[rows];
        }
        Arrays.fill(transformRe, 0, size, 0.0);
        Arrays.fill(transformIm, 0, size, 0.0);
        double k2Max = kMax * kMax;
        for (int i = 0; i <= n; i++) {
            double kx = i * dk;
            int jMax = Math.min(n, (int) Math.floor(Math.sqrt(Math.max(0, k2Max - kx * kx)) / dk));
            // ky runs as a double (j·dk exactly): an int-to-double conversion per point chains the
            // iterations together (see render.OctaveTable#position)
            double jd = -jMax;
            for (int j = -jMax; j <= jMax; j++, jd += 1) {
                double g = galaxy == null ? 1 : galaxy.value(kx, jd * dk);
                int idx = i * rows + j + n;
                transformRe[idx] = g * psf.re(i * stride, j * stride);
                transformIm[idx] = g * psf.im(i * stride, j * stride);
            }
        }
    }

    /** Step of the filled grid [rad/pixel]. */
    double dk() {
        return dk;
    }

    /** Σ_p I(p)² ≈ (1/(2π)²) ∫ |F|² d²k over the filled grid [flux² per pixel²·pixel count]. */
    double sumOfSquares() {
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double row = 0;
            for (int jj = 0; jj < rows; jj++) {
                int idx = i * rows + jj;
                row += transformRe[idx] * transformRe[idx] + transformIm[idx] * transformIm[idx];
            }
            s += i == 0 ? row : 2 * row;
        }
        return s * dk * dk / (4 * Math.PI * Math.PI);
    }

    /**
     * HSM's fixed point for the filled F, starting from the weight M (centred on the profile).
     *
     * @return the moments, or null when the iteration fails (M not positive definite, no convergence)
     */
    Moments adaptive(double mxx, double mxy, double myy) {
        double x0 = 0;
        double y0 = 0;
        double[] weightedSums = new double[6];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (!(mxx > 0 && myy > 0 && mxx * myy - mxy * mxy > 0)) {
                return null;
            }
            sums(mxx, mxy, myy, x0, y0, weightedSums);
            double a = weightedSums[0];
            if (!(a > 0)) {
                return null;
            }
            // P = q/a; C/A = M − M P M; B/A = −M b/a
            double pxx = weightedSums[1] / a;
            double pxy = weightedSums[2] / a;
            double pyy = weightedSums[3] / a;
            double mpXx = mxx * pxx + mxy * pxy;   // (M P) entries
            double mpXy = mxx * pxy + mxy * pyy;
            double mpYx = mxy * pxx + myy * pxy;
            double mpYy = mxy * pxy + myy * pyy;
            double cxx = mxx - (mpXx * mxx + mpXy * mxy);
            double cxy = mxy - (mpXx * mxy + mpXy * myy);
            double cyy = myy - (mpYx * mxy + mpYy * myy);
            double bx = -(mxx * weightedSums[4] + mxy * weightedSums[5]) / a;
            double by = -(mxy * weightedSums[4] + myy * weightedSums[5]) / a;

            double semiB2 = 0.5 * (mxx + myy) - Math.hypot(0.5 * (mxx - myy), mxy);
            double b = Math.sqrt(semiB2);
            double dx = clamp(2 * bx / b);
            double dy = clamp(2 * by / b);
            double dxx = clamp(4 * (cxx - 0.5 * mxx) / semiB2);
            double dxy = clamp(4 * (cxy - 0.5 * mxy) / semiB2);
            double dyy = clamp(4 * (cyy - 0.5 * myy) / semiB2);
            x0 += dx * b;
            y0 += dy * b;
            mxx += dxx * semiB2;
            mxy += dxy * semiB2;
            myy += dyy * semiB2;
            double conv = Math.max(Math.max(Math.abs(dx), Math.abs(dy)),
                    Math.max(Math.abs(dxx), Math.max(Math.abs(dxy), Math.abs(dyy))));
            if (conv < PRECISION) {
                return mxx > 0 && myy > 0 && mxx * myy - mxy * mxy > 0 ? new Moments(mxx, mxy, myy, x0, y0) : null;
            }
        }
        return null;
    }

    private static double clamp(double v) {
        return Math.max(-BOUND, Math.min(BOUND, v));
    }

    /**
     * weightedSums = {a, qxx, qxy, qyy, bx', by'} = Σ over the half grid of {Re z, Re z kx², Re z kx ky,
     * Re z ky², Im z kx, Im z ky}·E (common factors dropped: only ratios are used). E along a row is exp of a
     * quadratic in j, so it is walked by a multiplicative recurrence from the row's first point with
     * exponent ≤ MAX_EXPONENT; the points beyond contribute below e^{−32}.
     */
    private void sums(double mxx, double mxy, double myy, double x0, double y0, double[] weightedSums) {
        Arrays.fill(weightedSums, 0);
        // exponent along row i: ½(c0 + 2 b0 j + a2 j²), a2 = Myy dk², b0 = Mxy kx dk, c0 = Mxx kx²
        double a2 = myy * dk * dk;
        double det = mxx * myy - mxy * mxy;
        double decay = Math.exp(-a2);
        for (int jj = 0; jj < rows; jj++) {
            double ky = (jj - n) * dk;
            colRe[jj] = Math.cos(ky * y0);
            colIm[jj] = Math.sin(ky * y0);
        }
        // rows with min_j exponent = ½ kx² det/Myy above MAX_EXPONENT carry nothing
        int iMax = Math.min(n, (int) Math.floor(Math.sqrt(2 * MAX_EXPONENT * myy / det) / dk));
        for (int i = 0; i <= iMax; i++) {
            double kx = i * dk;
            double b0 = mxy * kx * dk;
            double c0 = mxx * kx * kx;
            double jc = -b0 / a2;
            double rad = (2 * MAX_EXPONENT - c0 + b0 * b0 / a2) / a2;
            if (rad < 0) {
                continue;
            }
            double h = Math.sqrt(rad);
            int j1 = Math.max(-n, (int) Math.ceil(jc - h));
            int j2 = Math.min(n, (int) Math.floor(jc + h));
            if (j1 > j2) {
                continue;
            }
            double e = Math.exp(-0.5 * (c0 + 2 * b0 * j1 + a2 * j1 * j1));
            // E(j+1)/E(j) = exp(−(b0 + a2 (j + ½))), which changes by exp(−a2) per step
            double ratio = Math.exp(-(b0 + a2 * (j1 + 0.5)));
            double pxRe = Math.cos(kx * x0);
            double pxIm = Math.sin(kx * x0);
            double ra = 0;
            double rxx = 0;
            double rxy = 0;
            double ryy = 0;
            double rbx = 0;
            double rby = 0;
            int base = i * rows + n;
            double jd = j1;   // j as a double: no int-to-double conversion per point (see fill)
            for (int j = j1; j <= j2; j++, jd += 1) {
                int jj = j + n;
                double ky = jd * dk;
                // z = F · e^{i kx x0} · e^{i ky y0}
                double pr = pxRe * colRe[jj] - pxIm * colIm[jj];
                double pi = pxRe * colIm[jj] + pxIm * colRe[jj];
                double f1 = transformRe[base + j];
                double f2 = transformIm[base + j];
                double zr = (f1 * pr - f2 * pi) * e;
                double zi = (f1 * pi + f2 * pr) * e;
                ra += zr;
                rxy += zr * ky;
                ryy += zr * ky * ky;
                rby += zi * ky;
                rbx += zi;
                e *= ratio;
                ratio *= decay;
            }
            rxx = ra * kx * kx;
            rxy *= kx;
            rbx *= kx;
            double w = i == 0 ? 1 : 2;
            weightedSums[0] += w * ra;
            weightedSums[1] += w * rxx;
            weightedSums[2] += w * rxy;
            weightedSums[3] += w * ryy;
            weightedSums[4] += w * rbx;
            weightedSums[5] += w * rby;
        }
    }
}
