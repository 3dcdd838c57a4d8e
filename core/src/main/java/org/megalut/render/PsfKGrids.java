package org.megalut.render;

import java.util.ArrayDeque;

/**
 * The PSF × pixel k-values of one PSF on the k-grids the {@link StampDrawer} draws with, kept so that
 * the PSF is evaluated once per grid rather than once per stamp. Safe to share between threads (a
 * missing grid is computed under this object's lock, so threads drawing with the same PSF compute it
 * once): an optical PSF, an interpolated image, costs about a microsecond per k-point, and a grid of
 * N = 128 with Nk = 200 has 20,000 points.
 *
 * <p>A grid depends only on the PSF, the pixel scale, the draw method and N (dk = 2π/N); it spans
 * i ∈ [0, Nk/2], j ∈ [−Nk/2, Nk/2], and one with a smaller Nk is the centre of one with a larger Nk,
 * so reusing the larger is bit-identical to computing the smaller. The {@value #GRIDS} most recently
 * used grids are kept: galaxies of different sizes in one subfield keep alternating between a few
 * (N, Nk). Each is at most a few MB (Nk ≤ 4 N).
 */
public final class PsfKGrids {
    static final int GRIDS = 8;

    private final Profile psf;
    private final ArrayDeque<Grid> grids = new ArrayDeque<>();

    /** @param psf the PSF (world units, arcsec), or null for none (pixel response only) */
    public PsfKGrids(Profile psf) {
        this.psf = psf;
    }

    /** The PSF, or null. */
    public Profile psf() {
        return psf;
    }

    /**
     * PSF × pixel k-values for pixel scale s and method m on N = grid.n(), one row per ky:
     * re[j + Nk/2][i] at k = (i, j)·dk/s (rad/arcsec), with Nk ≥ grid.nk(); im is all zero when
     * {@code real}.
     */
    record Grid(double scale, DrawMethod method, int n, int nk, double[][] re, double[][] im, boolean real) {
        boolean covers(double s, DrawMethod m, FftGrid grid) {
            return scale == s && method == m && n == grid.n() && nk >= grid.nk();
        }
    }

    /** The grid covering (scale, method, grid), computed if none does. */
    synchronized Grid grid(double scale, DrawMethod method, FftGrid grid) {
        Grid hit = null;
        for (Grid e : grids) {
            if (e.covers(scale, method, grid)) {
                hit = e;
                break;
            }
        }
        if (hit == null) {
            // A second, larger Nk on the same N means galaxies of varying maxK: then tabulate up to
            // the PSF's own k limit, which bounds Nk for every galaxy on this N, so that all later
            // ones reuse the grid. A first request gets just its own Nk (one-off draws pay nothing).
            boolean again = grids.removeIf(e -> e.scale() == scale && e.method() == method && e.n() == grid.n());
            int nk = again ? Math.max(grid.nk(), psfLimitedNk(scale, method, grid)) : grid.nk();
            hit = compute(scale, method, grid, nk);
            if (grids.size() >= GRIDS) {
                grids.removeLast();
            }
        } else {
            grids.remove(hit);
        }
        grids.addFirst(hit);
        return hit;
    }

    /**
     * Nk of {@link FftGrid#choose}'s rule with maxK limited by the PSF (and pixel) alone: an upper
     * bound on Nk for any galaxy drawn with this PSF on this N, as the final maxK is a minimum over
     * galaxy, PSF and pixel. Capped at 4 N to bound memory for PSFs with a huge maxK.
     */
    private int psfLimitedNk(double scale, DrawMethod method, FftGrid grid) {
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

    private Grid compute(double scale, DrawMethod method, FftGrid grid, int nk) {
        int hk = nk / 2;
        int cols = hk + 1;
        // one array per ky row, indexed by i: the drawer's product loops then read it at the same
        // index as the galaxy row, a form the JIT vectorises (an offset into one long array it does not)
        double[][] re = new double[nk + 1][cols];
        double[][] im = new double[nk + 1][cols];
        double dkw = grid.dk() / scale;
        boolean real = psf == null || psf.isPointSymmetric();
        double[] px = new double[cols];
        for (int i = 0; i <= hk; i++) {
            px[i] = method == DrawMethod.AUTO ? Pixel.sinxOverX(0.5 * i * grid.dk()) : 1;
        }
        FourierValue kv = new FourierValue();
        for (int jj = 0; jj <= nk; jj++) {
            int j = jj - hk;
            double py = method == DrawMethod.AUTO ? Pixel.sinxOverX(0.5 * j * grid.dk()) : 1;
            for (int i = 0; i <= hk; i++) {
                if (psf == null) {
                    re[jj][i] = px[i] * py;
                } else {
                    psf.kValue(i * dkw, j * dkw, kv);
                    re[jj][i] = kv.re * px[i] * py;
                    im[jj][i] = real ? 0 : kv.im * px[i] * py;
                }
            }
        }
        return new Grid(scale, method, grid.n(), nk, re, im, real);
    }
}
