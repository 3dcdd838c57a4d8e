package org.megalut.render;

/**
 * GalSim's choice of FFT geometry for drawing one stamp (docs/rendering.md, "FFT geometry"), all in
 * image units: pixels and radians per pixel.
 *
 * @param n     real-space FFT size N (the image is periodic with this period, in pixels)
 * @param nk    k-grid size before folding, even; k-values are sampled at i·dk for |i| ≤ nk/2
 * @param dk    k spacing 2π/N in radians per pixel
 * @param stepK stepK of the final image-coordinate profile (radians per pixel)
 * @param maxK  maxK of the final image-coordinate profile (radians per pixel)
 */
public record FftGrid(int n, int nk, double dk, double stepK, double maxK) {

    /**
     * The grid GalSim uses for a profile of the given stepK and maxK (radians per pixel) drawn into a
     * width × height stamp whose drawing origin is at (width/2, height/2) (0-based, integer division).
     *
     * <p>N = getGoodImageSize(2π/stepK) = ceil((2π/stepK)(1 − 1e-12)) rounded up to even; then at least
     * 2·max|bounds| and the stamp size; then goodFFTSize (next 2^a or 3·2^a), at least the minimum FFT
     * size. dk = 2π/N; Nk = N if π &gt; maxK, else 2·ceil(maxK/dk).
     *
     * @throws IllegalArgumentException if N exceeds the maximum FFT size
     */
    public static FftGrid choose(double stepK, double maxK, int width, int height, GSParams gs) {
        double nd = 2 * Math.PI / stepK;
        long n = (long) Math.ceil(nd * (1 - 1e-12));
        n += n & 1;
        int ox = width / 2;
        int oy = height / 2;
        int maxBound = Math.max(Math.max(ox, width - 1 - ox), Math.max(oy, height - 1 - oy));
        n = Math.max(n, Math.max(2L * maxBound, Math.max(width, height)));
        n = goodFftSize(n);
        n = Math.max(n, gs.minimumFftSize());
        if (n > gs.maximumFftSize()) {
            throw new IllegalArgumentException("FFT size " + n + " exceeds the maximum " + gs.maximumFftSize()
                    + " (stepK = " + stepK + " rad/px): the profile is too extended for this pixel scale");
        }
        int ni = (int) n;
        double dk = 2 * Math.PI / ni;
        int nk = Math.PI > maxK ? ni : (int) (2 * Math.ceil(maxK / dk));
        if (nk > 4 * gs.maximumFftSize()) {
            throw new IllegalArgumentException("k-grid size " + nk + " too large (maxK = " + maxK
                    + " rad/px): the profile is too sharp for this pixel scale");
        }
        return new FftGrid(ni, nk, dk, stepK, maxK);
    }

    /** Smallest 2^a or 3·2^a that is ≥ n. */
    static long goodFftSize(long n) {
        if (n <= 2) {
            return 2;
        }
        long p2 = Long.highestOneBit(n - 1) << 1;   // next power of 2 ≥ n
        long p3 = 3 * (p2 >> 2);                     // 3·2^(a−2), between p2/2 and p2
        return p3 >= n ? p3 : p2;
    }
}
