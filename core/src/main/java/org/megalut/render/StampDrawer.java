package org.megalut.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.megalut.image.Image;
import org.megalut.util.LruCache;

/**
 * Draws profiles into stamps exactly as GalSim's drawImage (docs/rendering.md, "Drawing"), returning
 * flux per pixel.
 *
 * <p>Geometry: the profile centre lands at the stamp's true centre plus the offset (pixels). GalSim
 * draws around the origin pixel (width/2, height/2) (0-based) and shifts the profile by
 * off' = offset + (true centre − origin), i.e. offset − 0.5 per even dimension. In image coordinates
 * the profile is P(x) = s²·I(s·(x − off')) for pixel scale s (arcsec/pixel), so
 * F_P(k) = F(k/s)·e^{−ik·off'} with k in radians per pixel.
 *
 * <p>{@link DrawMethod#AUTO} multiplies by the pixel response sinc(kx/2π)·sinc(ky/2π). The k-grid
 * ({@link FftGrid}) is filled at (i, j)·dk for |i|, |j| ≤ Nk/2 inclusive, folded into N×N bins
 * (i mod N, j mod N) of which the half kx ≥ 0 is kept (the image is real), and inverted:
 * I(x, y) = (1/N²) Σ F(i dk, j dk) e^{+i dk(ix + jy)} ({@link StampInverseFft}).
 *
 * <p>Reuse: FFT plans and buffers are kept per drawer, and the PSF × pixel k-values of each grid are
 * kept with the PSF ({@link PsfKGrids}, shareable between drawers), so that drawing many galaxies of
 * different sizes (hence a few alternating FFT grids) with one PSF evaluates the PSF once per grid.
 * A galaxy
 * made of axisymmetric profiles under transformations and sums (a sheared Sérsic, a bulge + disk;
 * see {@link RadialTerms}) is evaluated through {@link RadialLookup}s of F(|Jᵀk|²), its
 * shift joining the separable phase; other profiles call {@link Profile#kValue} per grid point.
 *
 * <p><b>Not thread-safe</b>: use one drawer per thread (e.g. per Spark partition).
 */
public final class StampDrawer {
    private final GSParams gs = GSParams.DEFAULT;
    private final FourierValue kv = new FourierValue();
    private final List<RadialLookup> lookups = new ArrayList<>();
    /**
     * FFT buffers of the most recently used sizes N: a subfield's galaxies alternate between a few N
     * (128, 192, 256), and a buffer holds 4·N·(N/2 + 1) doubles (1 MB at N = 256), so an occasional
     * huge N is not kept for the drawer's lifetime.
     */
    private final LruCache<Integer, StampInverseFft> ffts = new LruCache<>(FFT_CACHE_SIZE);
    static final int FFT_CACHE_SIZE = 4;
    private double[] galRe = new double[0];
    private double[] galIm = new double[0];
    private double[] cxRe = new double[0];
    private double[] cxIm = new double[0];
    private double[] rowRe = new double[0];
    private double[] rowIm = new double[0];
    private double[] phRe = new double[0];
    private double[] phIm = new double[0];
    private FftGrid lastGrid;
    // the knots' point terms of the galaxy being drawn (RadialTerms.points)
    private int ptCount;
    private double[] ptAmpl = new double[0];
    private double[] ptY = new double[0];
    private double[] ptStepRe = new double[0];
    private double[] ptStepIm = new double[0];

    /**
     * PSFs drawn with recently, each with its k-grids ({@link PsfKGrids}), for callers that pass the
     * PSF as a profile; callers that share grids between threads pass a {@link PsfKGrids} instead.
     */
    static final int PSFS_KEPT = 2;
    private final LruCache<Profile, PsfKGrids> psfGrids = new LruCache<>(PSFS_KEPT);
    // the current PSF × pixel k-values on the half grid i ∈ [0, Nk/2], j ∈ [−Nk/2, Nk/2], one row per j
    private double[][] psfRe = new double[0][];
    private double[][] psfIm = new double[0][];
    private boolean psfReal;
    private int psfHk;      // the current PSF grid's Nk/2 (≥ the drawn grid's), its rows' length − 1

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
        return draw(profile, (Profile) null, target, pixelScale, offsetX, offsetY, method);
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
        return draw(galaxy, gridsOf(psf), target, pixelScale, offsetX, offsetY, method);
    }

    /**
     * As {@link #draw(Profile, Profile, Image, double, double, double, DrawMethod)} with the PSF's
     * k-grids given: drawers on several threads that share one {@link PsfKGrids} evaluate the PSF
     * once per grid between them.
     */
    public Image draw(Profile galaxy, PsfKGrids psfGrids, Image target, double pixelScale, double offsetX,
                      double offsetY, DrawMethod method) {
        Profile psf = psfGrids.psf();
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
        if (psf == null && Double.isInfinite(maxK)) {
            // point sources (DeltaFunction, RandomKnots) have F constant in |k|: only a PSF bounds the
            // band, the pixel's sinc alone would need a k-grid beyond any size (GalSim likewise)
            throw new IllegalArgumentException("cannot draw " + galaxy + " without a PSF: it has no band limit"
                    + " (maxK = +inf); convolve point sources with a PSF");
        }
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
        preparePsf(psfGrids, pixelScale, method, grid);
        StampInverseFft fft = ffts.get(grid.n(), StampInverseFft::new);
        fillAndFold(galaxy, pixelScale, offX, offY, grid, fft);
        // I(x, y) = (1/N²) Σ F(k) e^{+ik·x}: the transforms are unnormalised
        fft.inverse(target, ox, oy, 1.0 / ((double) grid.n() * grid.n()));
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

    /** The PSF's grids from this drawer's own store (see {@link #PSFS_KEPT}), made on first use. */
    private PsfKGrids gridsOf(Profile psf) {
        return psfGrids.get(psf, PsfKGrids::new);
    }

    private void preparePsf(PsfKGrids psf, double scale, DrawMethod method, FftGrid grid) {
        PsfKGrids.Grid g = psf.grid(scale, method, grid);
        psfRe = g.re();
        psfIm = g.im();
        psfReal = g.real();
        psfHk = g.nk() / 2;
    }

    private void fillAndFold(Profile galaxy, double scale, double offX, double offY, FftGrid grid,
                             StampInverseFft fft) {
        int n = grid.n();
        int hk = grid.nk() / 2;
        int rows = grid.nk() + 1;
        int cols = hk + 1;
        double dk = grid.dk();
        double dkw = dk / scale;
        fft.clear();
        if (galRe.length < cols) {
            galRe = new double[cols];
            galIm = new double[cols];
            cxRe = new double[cols];
            cxIm = new double[cols];
            rowRe = new double[cols];
            rowIm = new double[cols];
            phRe = new double[cols];
            phIm = new double[cols];
        }

        // Fast path: axisymmetric profiles under transformations and sums (RadialTerms). Each term
        // depends on its quadratic form |Jᵀk|² only; the common shift joins the separable phase.
        RadialTerms radial = RadialTerms.of(galaxy);
        double dkw2 = dkw * dkw;
        int points = radial == null ? 0 : radial.points().size();
        boolean realGal = (radial != null && points == 0) || galaxy.isPointSymmetric();
        if (points > 0) {
            preparePoints(radial.points(), dkw);
        }
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

        // e^{−i k·off'} is separable: per-column (kx) and per-row (ky) phase factors
        for (int i = 0; i < cols; i++) {
            double ph = -i * dk * offX;
            cxRe[i] = Math.cos(ph);
            cxIm[i] = Math.sin(ph);
        }
        double[][] re = fft.re();
        double[][] im = fft.im();
        // the grid is filled one ky row at a time, kx = i·dk for i ∈ [0, Nk/2] along the row
        for (int jj = 0; jj < rows; jj++) {
            int j = jj - hk;
            if (radial != null) {
                if (radial.terms().isEmpty()) {
                    Arrays.fill(galRe, 0, cols, 0.0);
                }
                for (int t = 0; t < radial.terms().size(); t++) {
                    RadialTerms.Term term = radial.terms().get(t);
                    RadialLookup lookup = lookups.get(t);
                    // |Jᵀk|²/dk² = qxx·i² + 2qxy·i·j + qyy·j², a quadratic in i along the row
                    double a = term.qyy() * j * j;
                    double b = 2 * term.qxy() * j;
                    double c = dkw2 * lookup.argScale();
                    double ampl = term.ampl() * lookup.amplitude();
                    if (t == 0) {
                        lookup.fillRow(galRe, cols, a, b, term.qxx(), c, ampl);
                    } else {
                        lookup.addRow(galRe, cols, a, b, term.qxx(), c, ampl);
                    }
                }
                if (points > 0) {
                    addPointsRow(j * dkw, cols);
                }
            } else {
                double ky = j * dkw;
                for (int i = 0; i < cols; i++) {
                    galaxy.kValue(i * dkw, ky, kv);
                    galRe[i] = kv.re;
                    galIm[i] = kv.im;
                }
            }
            double phy = -j * dk * offY;
            phaseRow(cxRe, cxIm, Math.cos(phy), Math.sin(phy), phRe, phIm, cols);
            // the PSF's row of this ky in its own, possibly larger, grid (same i)
            double[] pr = psfRe[j + psfHk];
            double[] pi = psfIm[j + psfHk];
            if (realGal && psfReal) {
                productRealRow(galRe, pr, phRe, phIm, rowRe, rowIm, cols);
            } else if (realGal) {
                productRealTimesComplexRow(galRe, pr, pi, phRe, phIm, rowRe, rowIm, cols);
            } else {
                productComplexRow(galRe, galIm, pr, pi, phRe, phIm, rowRe, rowIm, cols);
            }
            accumulate(re, im, j, hk, n);
        }
    }

    /** Keeps the knots' amplitudes, positions and per-column phase steps e^{−i·dkw·x_p} for the rows. */
    private void preparePoints(List<RadialTerms.Point> pts, double dkw) {
        int m = pts.size();
        if (ptAmpl.length < m) {
            ptAmpl = new double[m];
            ptY = new double[m];
            ptStepRe = new double[m];
            ptStepIm = new double[m];
        }
        for (int p = 0; p < m; p++) {
            RadialTerms.Point q = pts.get(p);
            ptAmpl[p] = q.ampl();
            ptY[p] = q.y();
            ptStepRe[p] = Math.cos(dkw * q.x());
            ptStepIm[p] = -Math.sin(dkw * q.x());
        }
        ptCount = m;
    }

    /**
     * Adds Σ_p a_p e^{−i(kx·x_p + ky·y_p)} at kx = i·dkw (i = 0..cols−1) to the row's real galaxy values,
     * making them complex: along the row each point's value advances by its phase step, a complex
     * product per point and column instead of a cosine and a sine (rounding drifts by ~1e-16 per step).
     */
    private void addPointsRow(double ky, int cols) {
        Arrays.fill(galIm, 0, cols, 0.0);
        for (int p = 0; p < ptCount; p++) {
            double ph = -ky * ptY[p];
            double vr = ptAmpl[p] * Math.cos(ph);
            double vi = ptAmpl[p] * Math.sin(ph);
            double sr = ptStepRe[p];
            double si = ptStepIm[p];
            for (int i = 0; i < cols; i++) {
                galRe[i] += vr;
                galIm[i] += vi;
                double r = vr * sr - vi * si;
                vi = vr * si + vi * sr;
                vr = r;
            }
        }
    }

    /*
     * Folding one k-grid row (fixed ky) is two passes: the product galaxy × PSF × phase into
     * rowRe/rowIm, then its addition into the grid's rows in contiguous stretches (see accumulate),
     * which needs no per-point bin table. Every loop below stores into one array at the index it
     * reads the others: the JIT vectorises such loops, but not a loop with two stores and eight
     * operands (its body exceeds the unroll limit): for the real × complex product, these four
     * single-store loops run nearly twice as fast as one combined loop.
     */

    /** The row's phase e^{−i(kx·offX + ky·offY)} = cx·cy. */
    private static void phaseRow(double[] cxRe, double[] cxIm, double cyRe, double cyIm, double[] outRe,
                                 double[] outIm, int cols) {
        for (int i = 0; i < cols; i++) {
            outRe[i] = cxRe[i] * cyRe - cxIm[i] * cyIm;
        }
        for (int i = 0; i < cols; i++) {
            outIm[i] = cxRe[i] * cyIm + cxIm[i] * cyRe;
        }
    }

    /** Row values of a real galaxy × real PSF, times the phase. */
    private static void productRealRow(double[] gal, double[] psf, double[] phRe, double[] phIm, double[] outRe,
                                       double[] outIm, int cols) {
        for (int i = 0; i < cols; i++) {
            outRe[i] = gal[i] * psf[i] * phRe[i];
        }
        for (int i = 0; i < cols; i++) {
            outIm[i] = gal[i] * psf[i] * phIm[i];
        }
    }

    /**
     * Row values of a real galaxy × complex PSF (e.g. a star stamp, whose centring shift and asymmetry
     * make its transform complex), times the phase: the pipeline's usual case.
     */
    private static void productRealTimesComplexRow(double[] gal, double[] psfRe, double[] psfIm, double[] phRe,
                                                   double[] phIm, double[] outRe, double[] outIm, int cols) {
        for (int i = 0; i < cols; i++) {
            outRe[i] = gal[i] * (psfRe[i] * phRe[i] - psfIm[i] * phIm[i]);
        }
        for (int i = 0; i < cols; i++) {
            outIm[i] = gal[i] * (psfRe[i] * phIm[i] + psfIm[i] * phRe[i]);
        }
    }

    /** Row values of a complex galaxy × complex PSF, times the phase (not a hot path: scalar). */
    private static void productComplexRow(double[] galRe, double[] galIm, double[] psfRe, double[] psfIm,
                                          double[] phRe, double[] phIm, double[] outRe, double[] outIm, int cols) {
        for (int i = 0; i < cols; i++) {
            double vr = galRe[i] * psfRe[i] - galIm[i] * psfIm[i];
            double vi = galRe[i] * psfIm[i] + galIm[i] * psfRe[i];
            outRe[i] = vr * phRe[i] - vi * phIm[i];
            outIm[i] = vr * phIm[i] + vi * phRe[i];
        }
    }

    /**
     * Adds the row values F(i, j), i = 0..Nk/2, into grid row j mod N at bin i mod N, and their
     * Hermitian partners F(−i, −j) = conj F(i, j) (i &gt; 0) into row −j mod N at bin −i mod N, keeping
     * the bins 0..N/2 that the half-plane grid holds. Along the row the kept bins come in contiguous
     * stretches (ascending, resp. descending) of period N, so the loops need no bin table.
     */
    private void accumulate(double[][] re, double[][] im, int j, int hk, int n) {
        int half = n / 2;
        double[] dRe = re[Math.floorMod(j, n)];
        double[] dIm = im[Math.floorMod(j, n)];
        // bins 0..N/2 from i = 0..N/2: same index, one store per loop (vectorised by the JIT)
        int end = Math.min(hk, half);
        addTo(dRe, rowRe, end + 1);
        addTo(dIm, rowIm, end + 1);
        for (int start = n; start <= hk; start += n) {
            int last = Math.min(hk, start + half);
            for (int i = start; i <= last; i++) {
                dRe[i - start] += rowRe[i];
                dIm[i - start] += rowIm[i];
            }
        }
        double[] mRe = re[Math.floorMod(-j, n)];
        double[] mIm = im[Math.floorMod(-j, n)];
        for (int start = 0; start + half <= hk; start += n) {
            int from = Math.max(1, start + half);
            int to = Math.min(hk, start + n);
            int top = start + n;
            for (int i = from; i <= to; i++) {
                mRe[top - i] += rowRe[i];
                mIm[top - i] -= rowIm[i];
            }
        }
    }

    private static void addTo(double[] sum, double[] values, int count) {
        for (int i = 0; i < count; i++) {
            sum[i] += values[i];
        }
    }
}
