package org.megalut.render;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;
import org.megalut.image.Image;

/**
 * Draws profiles into stamps exactly as GalSim's drawImage (reference §1), returning flux per pixel.
 *
 * <p>Geometry: the profile centre lands at the stamp's true centre plus the offset (pixels). GalSim
 * draws around the origin pixel (width/2, height/2) (0-based) and shifts the profile by
 * off' = offset + (true centre − origin), i.e. offset − 0.5 per even dimension. In image coordinates
 * the profile is P(x) = s²·I(s·(x − off')) for pixel scale s (arcsec/pixel), so
 * F_P(k) = F(k/s)·e^{−ik·off'} with k in radians per pixel.
 *
 * <p>{@link DrawMethod#AUTO} multiplies by the pixel response sinc(kx/2π)·sinc(ky/2π). The k-grid
 * ({@link FftGrid}) is filled at (i, j)·dk for |i|, |j| ≤ Nk/2 inclusive, folded into N×N bins
 * (i mod N, j mod N), and inverted: I(x, y) = (1/N²) Σ F(i dk, j dk) e^{+i dk(ix + jy)}, evaluated
 * by one complex FFT per column kx ≥ 0 (Hermitian half) and one complex-to-real FFT per stamp row.
 *
 * <p>Reuse: FFT plans and buffers are kept per drawer, and {@link #draw(Profile, Profile, Image,
 * double, double, double, DrawMethod)} caches the PSF × pixel k-values for the last
 * {@value #PSF_CACHE_SIZE} (PSF instance, scale, method, grid) combinations, so that drawing many
 * galaxies of different sizes (hence a few alternating FFT grids) with one PSF evaluates the PSF once
 * per grid. A galaxy
 * made of axisymmetric profiles under transformations and sums (a sheared Sérsic, a bulge + disk;
 * see {@link RadialTerms}) is evaluated through {@link RadialLookup}s of F(|Jᵀk|²), its
 * shift joining the separable phase; other profiles call {@link Profile#kValue} per grid point.
 *
 * <p><b>Not thread-safe</b>: use one drawer per thread (e.g. per Spark partition).
 */
public final class StampDrawer {
    private final GSParams gs = GSParams.DEFAULT;
    private final KValue kv = new KValue();
    private final java.util.List<RadialLookup> lookups = new java.util.ArrayList<>();
    private final Map<Integer, DoubleFFT_1D> ffts = new HashMap<>();
    private double[] g = new double[0];
    private double[] row = new double[0];
    private double[] galRe = new double[0];
    private double[] galIm = new double[0];
    private double[] cyRe = new double[0];
    private double[] cyIm = new double[0];
    private double[] rowRe = new double[0];
    private double[] rowIm = new double[0];
    private int[] colIndex = new int[0];
    private FftGrid lastGrid;

    /**
     * Most recently used PSF × pixel k-grids: galaxies of different sizes in one subfield need a few
     * distinct (N, Nk) grids that keep alternating, so one entry would be recomputed at nearly every
     * size change. Each entry is at most a few MB (Nk ≤ a few hundred).
     */
    static final int PSF_CACHE_SIZE = 8;
    private final java.util.ArrayDeque<PsfGrid> psfCache = new java.util.ArrayDeque<>();
    // the current PSF × pixel k-values on the half grid i ∈ [0, Nk/2], j ∈ [−Nk/2, Nk/2]
    private double[] psfRe = new double[0];
    private double[] psfIm = new double[0];
    private boolean psfReal;
    private int psfHk;      // the current PSF grid's Nk/2 (≥ the drawn grid's)
    private int psfRows;    // and its row length Nk + 1

    /** The FFT geometry of the last FFT drawing (for diagnostics and tests); null before the first. */
    public FftGrid lastGrid() {
        return lastGrid;
    }

    /**
     * Draws {@code profile} into {@code target} (pixel values overwritten).
     *
     * @param profile    world profile (arcsec)
     * @param target     stamp to fill; its true centre is the profile's nominal centre
     * @param pixelScale arcsec per pixel
     * @param offsetX    offset of the profile centre from the true centre, pixels
     * @param offsetY    same along y
     * @param method     pixel response or not
     * @return target
     */
    public Image draw(Profile profile, Image target, double pixelScale, double offsetX, double offsetY, DrawMethod method) {
        return draw(profile, null, target, pixelScale, offsetX, offsetY, method);
    }

    /**
     * Draws galaxy ⊗ psf into {@code target}; same as drawing their {@link Convolution}, but the PSF's
     * k-values (times the pixel response) are computed once and reused while the same PSF instance,
     * pixel scale, method and grid come back.
     *
     * @param psf may be null (no PSF)
     */
    public Image draw(Profile galaxy, Profile psf, Image target, double pixelScale, double offsetX, double offsetY,
                      DrawMethod method) {
        if (!(pixelScale > 0) || Double.isInfinite(pixelScale)) {
            throw new IllegalArgumentException("pixel scale must be positive and finite, got " + pixelScale);
        }
        if (!Double.isFinite(offsetX) || !Double.isFinite(offsetY)) {
            throw new IllegalArgumentException("offset must be finite, got (" + offsetX + ", " + offsetY + ")");
        }
        int width = target.width();
        int height = target.height();
        int ox = width / 2;
        int oy = height / 2;
        double offX = offsetX + (0.5 * (width - 1) - ox);
        double offY = offsetY + (0.5 * (height - 1) - oy);

        if (method == DrawMethod.NO_PIXEL && psf == null && galaxy.hasXValue()) {
            drawRealSpace(galaxy, target, pixelScale, offX, offY);
            return target;
        }

        double stepK = galaxy.stepK();
        double maxK = galaxy.maxK();
        if (psf != null) {
            stepK = 1 / Math.sqrt(1 / (stepK * stepK) + 1 / (psf.stepK() * psf.stepK()));
            maxK = Math.min(maxK, psf.maxK());
        }
        // to image coordinates (Transformation rule with J = I/s and shift off')
        stepK *= pixelScale;
        maxK *= pixelScale;
        double shift = Math.hypot(offX, offY);
        if (shift > 0) {
            stepK = Math.PI / (Math.PI / stepK + shift);
        }
        if (method == DrawMethod.AUTO) {
            Pixel pixel = new Pixel(1, 1);
            stepK = 1 / Math.sqrt(1 / (stepK * stepK) + 1 / (pixel.stepK() * pixel.stepK()));
            maxK = Math.min(maxK, pixel.maxK());
        }
        FftGrid grid = FftGrid.choose(stepK, maxK, width, height, gs);
        lastGrid = grid;
        preparePsf(psf, pixelScale, method, grid);
        fillAndFold(galaxy, pixelScale, offX, offY, grid);
        inverse(grid, target, ox, oy);
        return target;
    }

    private void drawRealSpace(Profile p, Image target, double s, double offX, double offY) {
        double[] pix = target.pixels();
        int width = target.width();
        int ox = width / 2;
        int oy = target.height() / 2;
        double s2 = s * s;
        for (int r = 0; r < target.height(); r++) {
            double y = s * (r - oy - offY);
            for (int c = 0; c < width; c++) {
                pix[r * width + c] = s2 * p.xValue(s * (c - ox - offX), y);
            }
        }
    }

    /**
     * One cached PSF × pixel k-grid for a given dk = 2π/N, on i ∈ [0, nk/2], j ∈ [−nk/2, nk/2]. The
     * values depend only on the PSF instance, the pixel scale, the method and N, so a grid with a
     * smaller Nk (a galaxy whose own maxK is below the PSF's) is the centre of this one: reusing it
     * is bit-identical to recomputing it.
     */
    private record PsfGrid(Profile psf, double scale, DrawMethod method, int n, int nk, double[] re, double[] im,
                           boolean real) {
        boolean covers(Profile p, double s, DrawMethod m, FftGrid grid) {
            return psf == p && scale == s && method == m && n == grid.n() && nk >= grid.nk();
        }
    }

    private void preparePsf(Profile psf, double scale, DrawMethod method, FftGrid grid) {
        PsfGrid hit = null;
        for (PsfGrid e : psfCache) {
            if (e.covers(psf, scale, method, grid)) {
                hit = e;
                break;
            }
        }
        if (hit == null) {
            // A second, larger Nk on the same N means galaxies of varying maxK: then tabulate up to
            // the PSF's own k limit, which bounds Nk for every galaxy on this N, so that all later
            // ones reuse the grid. A first request gets just its own Nk (one-off draws pay nothing).
            boolean again = psfCache.removeIf(e -> e.psf() == psf && e.scale() == scale && e.method() == method
                    && e.n() == grid.n());
            int nk = again ? Math.max(grid.nk(), psfLimitedNk(psf, scale, method, grid)) : grid.nk();
            hit = computePsf(psf, scale, method, grid, nk);
            if (psfCache.size() >= PSF_CACHE_SIZE) {
                psfCache.removeLast();
            }
        } else {
            psfCache.remove(hit);
        }
        psfCache.addFirst(hit);
        psfRe = hit.re();
        psfIm = hit.im();
        psfReal = hit.real();
        psfHk = hit.nk() / 2;
        psfRows = hit.nk() + 1;
    }

    /**
     * Nk of {@link FftGrid#choose}'s rule with maxK limited by the PSF (and pixel) alone: an upper
     * bound on Nk for any galaxy drawn with this PSF on this N, as the final maxK is a minimum over
     * galaxy, PSF and pixel. Capped at 4 N to bound memory for PSFs with a huge maxK.
     */
    private static int psfLimitedNk(Profile psf, double scale, DrawMethod method, FftGrid grid) {
        if (psf == null) {
            return grid.nk();
        }
        double maxK = psf.maxK() * scale;
        if (method == DrawMethod.AUTO) {
            maxK = Math.min(maxK, new Pixel(1, 1).maxK());
        }
        int nk = Math.PI > maxK ? grid.n() : (int) (2 * Math.ceil(maxK / grid.dk()));
        return Math.min(nk, 4 * grid.n());
    }

    private PsfGrid computePsf(Profile psf, double scale, DrawMethod method, FftGrid grid, int nk) {
        int hk = nk / 2;
        int rows = nk + 1;
        int size = (hk + 1) * rows;
        double[] re = new double[size];
        double[] im = new double[size];
        double dkw = grid.dk() / scale;
        boolean real = psf == null || psf.isPointSymmetric();
        for (int i = 0; i <= hk; i++) {
            double px = method == DrawMethod.AUTO ? Pixel.sinxOverX(0.5 * i * grid.dk()) : 1;
            for (int jj = 0; jj < rows; jj++) {
                int j = jj - hk;
                double py = method == DrawMethod.AUTO ? Pixel.sinxOverX(0.5 * j * grid.dk()) : 1;
                int idx = i * rows + jj;
                if (psf == null) {
                    re[idx] = px * py;
                    im[idx] = 0;
                } else {
                    psf.kValue(i * dkw, j * dkw, kv);
                    re[idx] = kv.re * px * py;
                    im[idx] = kv.im * px * py;
                }
            }
        }
        return new PsfGrid(psf, scale, method, grid.n(), nk, re, im, real);
    }

    private void fillAndFold(Profile galaxy, double scale, double offX, double offY, FftGrid grid) {
        int n = grid.n();
        int hk = grid.nk() / 2;
        int rows = grid.nk() + 1;
        double dk = grid.dk();
        double dkw = dk / scale;
        int colLen = 2 * n;
        int gSize = (n / 2 + 1) * colLen;
        if (g.length < gSize) {
            g = new double[gSize];
        }
        java.util.Arrays.fill(g, 0, gSize, 0.0);
        if (galRe.length < rows) {
            galRe = new double[rows];
            galIm = new double[rows];
            cyRe = new double[rows];
            cyIm = new double[rows];
            rowRe = new double[rows];
            rowIm = new double[rows];
        }

        // Fast path: axisymmetric profiles under transformations and sums (RadialTerms). Each term
        // depends on its quadratic form |Jᵀk|² only; the common shift joins the separable phase.
        RadialTerms radial = RadialTerms.of(galaxy);
        double dkw2 = dkw * dkw;
        boolean realGal = radial != null || galaxy.isPointSymmetric();
        if (radial != null) {
            offX += radial.shiftX() / scale;
            offY += radial.shiftY() / scale;
            while (lookups.size() < radial.terms().size()) {
                lookups.add(new RadialLookup());
            }
            for (int t = 0; t < radial.terms().size(); t++) {
                RadialTerms.Term term = radial.terms().get(t);
                // |Jᵀk|² over the grid lies between minor²·dk² (at (1,0) or (0,1)) and major²·2(Nk/2)²·dk²;
                // the few points with |k| < 4·dk·minor (about 25 per stamp) fall below the table and are
                // evaluated directly: cheaper than tabulating their four octaves.
                double tr = term.qxx() + term.qyy();
                double disc = Math.sqrt(Math.max(0, 0.25 * (term.qxx() - term.qyy()) * (term.qxx() - term.qyy())
                        + term.qxy() * term.qxy()));
                double lo = Math.max(0.5 * tr - disc, 1e-300);
                lookups.get(t).prepare(term.radial(), 16 * dkw2 * lo, 1.01 * dkw2 * (0.5 * tr + disc) * 2.0 * hk * hk);
            }
        }

        // e^{−i k·off'} is separable: per-row and per-column phase factors
        for (int jj = 0; jj < rows; jj++) {
            double ph = -(jj - hk) * dk * offY;
            cyRe[jj] = Math.cos(ph);
            cyIm[jj] = Math.sin(ph);
        }
        for (int i = 0; i <= hk; i++) {
            if (radial != null) {
                for (int t = 0; t < radial.terms().size(); t++) {
                    RadialTerms.Term term = radial.terms().get(t);
                    RadialLookup lookup = lookups.get(t);
                    double a = term.qxx() * i * i;
                    double b = 2 * term.qxy() * i;
                    double c = dkw2 * lookup.argScale();
                    double ampl = term.ampl() * lookup.amplitude();
                    if (t == 0) {
                        lookup.fillRow(galRe, rows, hk, a, b, term.qyy(), c, ampl);
                    } else {
                        lookup.addRow(galRe, rows, hk, a, b, term.qyy(), c, ampl);
                    }
                }
            } else {
                double kx = i * dkw;
                for (int jj = 0; jj < rows; jj++) {
                    galaxy.kValue(kx, (jj - hk) * dkw, kv);
                    galRe[jj] = kv.re;
                    galIm[jj] = kv.im;
                }
            }
            double phx = -i * dk * offX;
            double cxRe = Math.cos(phx);
            double cxIm = Math.sin(phx);
            int b1 = i % n;
            int direct = b1 <= n / 2 ? b1 : -1;
            int mb = (n - b1) % n;
            int mirror = i > 0 && mb <= n / 2 ? mb : -1;
            // PSF value of (i, jj − hk) in the PSF's own, possibly larger, grid
            int base = i * psfRows + (psfHk - hk);
            if (realGal && psfReal) {
                productRealRow(base, rows, cxRe, cxIm);
            } else if (realGal) {
                productRealTimesComplexRow(base, rows, cxRe, cxIm);
            } else {
                productComplexRow(base, rows, cxRe, cxIm);
            }
            accumulate(rows, hk, direct, mirror, n);
        }
    }

    /*
     * Folding one k-grid row (fixed i) is two passes: the product galaxy × PSF × phase into rowRe/rowIm,
     * then its addition into the column(s) of g in contiguous stretches (see accumulate), which needs no
     * per-point bin table. In paired runs of the fixed-n cases it was never slower than one pass with a
     * bin lookup per point, and about 20 % faster with a star-stamp PSF.
     */

    /** Row values of a real galaxy × real PSF, times the phase. */
    private void productRealRow(int base, int rows, double cxRe, double cxIm) {
        for (int jj = 0; jj < rows; jj++) {
            double v = galRe[jj] * psfRe[base + jj];
            rowRe[jj] = v * (cxRe * cyRe[jj] - cxIm * cyIm[jj]);
            rowIm[jj] = v * (cxRe * cyIm[jj] + cxIm * cyRe[jj]);
        }
    }

    /**
     * Row values of a real galaxy × complex PSF (e.g. a star stamp, whose centring shift and asymmetry
     * make its transform complex), times the phase: the pipeline's usual case.
     */
    private void productRealTimesComplexRow(int base, int rows, double cxRe, double cxIm) {
        for (int jj = 0; jj < rows; jj++) {
            double gr = galRe[jj];
            double vr = gr * psfRe[base + jj];
            double vi = gr * psfIm[base + jj];
            double er = cxRe * cyRe[jj] - cxIm * cyIm[jj];
            double ei = cxRe * cyIm[jj] + cxIm * cyRe[jj];
            rowRe[jj] = vr * er - vi * ei;
            rowIm[jj] = vr * ei + vi * er;
        }
    }

    /** Row values of a complex galaxy × PSF, times the phase. */
    private void productComplexRow(int base, int rows, double cxRe, double cxIm) {
        for (int jj = 0; jj < rows; jj++) {
            double gr = galRe[jj];
            double gi = galIm[jj];
            double pr = psfRe[base + jj];
            double pi = psfReal ? 0 : psfIm[base + jj];
            double vr = gr * pr - gi * pi;
            double vi = gr * pi + gi * pr;
            double er = cxRe * cyRe[jj] - cxIm * cyIm[jj];
            double ei = cxRe * cyIm[jj] + cxIm * cyRe[jj];
            rowRe[jj] = vr * er - vi * ei;
            rowIm[jj] = vr * ei + vi * er;
        }
    }

    /**
     * Adds the row values F(i, j), j = jj − hk, into column {@code direct} of g at bin j mod N, and
     * their Hermitian partners F(−i, −j) = conj F(i, j) into column {@code mirror} at bin −j mod N
     * (a column index of −1: none). Along the row the bins run in contiguous stretches (ascending,
     * resp. descending) that wrap at N, so the loops need no bin table.
     */
    private void accumulate(int rows, int hk, int direct, int mirror, int n) {
        int colLen = 2 * n;
        if (direct >= 0) {
            int col = direct * colLen;
            int bin = Math.floorMod(-hk, n);
            for (int jj = 0; jj < rows; ) {
                int len = Math.min(rows - jj, n - bin);
                int p = col + 2 * bin;
                for (int k = 0; k < len; k++) {
                    g[p + 2 * k] += rowRe[jj + k];
                    g[p + 2 * k + 1] += rowIm[jj + k];
                }
                jj += len;
                bin = 0;
            }
        }
        if (mirror >= 0) {
            int col = mirror * colLen;
            int bin = Math.floorMod(hk, n);
            for (int jj = 0; jj < rows; ) {
                int len = Math.min(rows - jj, bin + 1);
                int p = col + 2 * bin;
                for (int k = 0; k < len; k++) {
                    g[p - 2 * k] += rowRe[jj + k];
                    g[p - 2 * k + 1] -= rowIm[jj + k];
                }
                jj += len;
                bin = n - 1;
            }
        }
    }

    private void inverse(FftGrid grid, Image target, int ox, int oy) {
        int n = grid.n();
        int colLen = 2 * n;
        DoubleFFT_1D fft = ffts.computeIfAbsent(n, DoubleFFT_1D::new);
        for (int b1 = 0; b1 <= n / 2; b1++) {
            fft.complexInverse(g, b1 * colLen, false);
        }
        if (row.length < n) {
            row = new double[n];
        }
        int width = target.width();
        double[] pix = target.pixels();
        // JTransforms' unscaled realInverse returns half the Hermitian sum for powers of two but the
        // full sum for mixed radix sizes; the scaled one is (1/N)·sum for every size, hence 1/N here.
        double norm = 1.0 / n;
        // column c of the stamp is FFT output index (c − ox) mod N (floorMod per pixel was ~6 % of a draw)
        if (colIndex.length < width) {
            colIndex = new int[width];
        }
        for (int c = 0; c < width; c++) {
            colIndex[c] = Math.floorMod(c - ox, n);
        }
        for (int r = 0; r < target.height(); r++) {
            int yi = Math.floorMod(r - oy, n);
            row[0] = g[2 * yi];
            row[1] = g[(n / 2) * colLen + 2 * yi];
            for (int k = 1; k < n / 2; k++) {
                int p = k * colLen + 2 * yi;
                row[2 * k] = g[p];
                row[2 * k + 1] = g[p + 1];
            }
            fft.realInverse(row, true);
            int rowBase = r * width;
            for (int c = 0; c < width; c++) {
                pix[rowBase + c] = norm * row[colIndex[c]];
            }
        }
    }
}
