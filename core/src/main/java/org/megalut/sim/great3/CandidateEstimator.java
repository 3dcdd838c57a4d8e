package org.megalut.sim.great3;

import org.megalut.render.Jacobian;
import org.megalut.render.Profile;

/**
 * Continuum estimates of the two selection quantities of a candidate galaxy — S/N = sqrt(Σ I²)/σ and
 * HSM resolution R = 1 − T_PSF/T_gal — from k-space integrals ({@link ContinuumMoments}) instead of a
 * drawn stamp, which costs several times more (an FFT draw and an adaptive-moment fit per candidate).
 * {@link SelectionRule} decides the clear cases from them and sends the rest to the exact measurement
 * on the drawn stamp.
 *
 * <p>Grid: the k-step dk makes the implied real-space period L = 2π/dk at least {@value #PERIOD_IN_SIGMA}
 * times the weight's major σ (the weight is below e^{−18} at half that), read from the subfield's
 * {@link PixelPsfTable} with the largest integer stride that achieves it. The weight is only known
 * after the iteration, so the grid is chosen from a guess (the PSF's moments plus Gaussians of the
 * components' half-light radii and shapes) and, when the converged weight turns out wider, the
 * candidate is filled again on a finer grid. k runs to min(galaxy maxK, PSF maxK), as in the drawer.
 *
 * <p>Not thread-safe: one instance per selection.
 */
final class CandidateEstimator {
    /** Real-space period of the k-grid in units of the weight's major σ. */
    static final double PERIOD_IN_SIGMA = 12;
    /** σ of a Gaussian per unit half-light radius: 1/sqrt(2 ln 2). */
    private static final double SIGMA_PER_HLR = 1 / Math.sqrt(2 * Math.log(2));

    /** S/N and resolution of one candidate; resolution is NaN when the moments did not converge. */
    record Estimate(double snr, double resolution) {
    }

    private final double pixelScale;
    private final double sigma;
    private final PixelPsfTable table;
    private final ContinuumMoments moments;
    private final ContinuumMoments.Moments psfMoments;
    private final Component bulge = new Component();
    private final Component disk = new Component();
    private final ContinuumMoments.GalaxyTransform galaxyTransform = this::galaxyValue;
    private boolean twoComponents;

    /**
     * @param psf        the subfield's PSF without the pixel (arcsec)
     * @param pixelScale arcsec per pixel
     * @param sigma      noise σ per pixel [ADU]
     * @param stampSize  stamp side [pixels]; the finest grid has a period of 2 stamps (a galaxy
     *                   whose weight needs more gets no estimate and is measured on its stamp)
     */
    CandidateEstimator(Profile psf, double pixelScale, double sigma, int stampSize) {
        this.pixelScale = pixelScale;
        this.sigma = sigma;
        this.table = new PixelPsfTable(psf, pixelScale, 2.0 * stampSize);
        this.moments = new ContinuumMoments(table);
        // The PSF once, on the finest grid: its Kolmogorov wings are the widest part of every image.
        moments.fill(null, 1, table.kMax());
        this.psfMoments = moments.adaptive(4, 0, 4);
    }

    /** The PSF's continuum moments (null if they failed, then every resolution is NaN). */
    ContinuumMoments.Moments psfMoments() {
        return psfMoments;
    }

    /**
     * Estimates S/N and resolution of the galaxy centred on the stamp (no shear, no offset), i.e. of
     * the stamp that {@link SubfieldSimulator#galaxy} ⊗ PSF ⊗ pixel would give.
     *
     * @param p     the candidate
     * @param snrLo below this S/N the resolution is not computed (NaN): the candidate is rejected anyway
     * @param snrHi above this likewise
     */
    Estimate estimate(GalaxyParams p, double snrLo, double snrHi) {
        twoComponents = !p.singleSersic();
        double flux = p.flux();
        if (twoComponents) {
            bulge.set(4, p.bulgeHlr(), flux * p.bulgeFraction(), p.bulgeQ(), p.bulgeBeta());
            disk.set(1, p.diskHlr(), flux * (1 - p.bulgeFraction()), p.diskQ(), p.diskBeta());
        } else {
            bulge.set(p.bulgeN(), p.bulgeHlr(), flux, p.bulgeQ(), p.bulgeBeta());
            disk.clear();
        }
        double kMax = Math.min(table.kMax(), twoComponents ? Math.max(bulge.maxK, disk.maxK) : bulge.maxK);
        if (psfMoments == null) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        // Starting weight: PSF moments + the components' Gaussian-equivalent covariances σ² J Jᵀ
        // (σ = hlr/sqrt(2 ln 2)), flux-weighted; it sets the grid and saves iterations.
        double fb = twoComponents ? p.bulgeFraction() : 1;
        double gxx = psfMoments.mxx() + fb * bulge.cxx + (1 - fb) * disk.cxx;
        double gxy = psfMoments.mxy() + fb * bulge.cxy + (1 - fb) * disk.cxy;
        double gyy = psfMoments.myy() + fb * bulge.cyy + (1 - fb) * disk.cyy;
        int stride = stride(0.5 * (gxx + gyy) + Math.hypot(0.5 * (gxx - gyy), gxy));
        prepare(stride, kMax);
        double snr = Math.sqrt(moments.sumOfSquares()) / sigma;
        if (snr < snrLo || snr > snrHi) {
            return new Estimate(snr, Double.NaN);
        }
        ContinuumMoments.Moments m = moments.adaptive(gxx, gxy, gyy);
        if (m != null && stride(m.major()) < stride) {
            // the weight came out wider than guessed: redo on the grid it needs
            stride = stride(m.major());
            prepare(stride, kMax);
            snr = Math.sqrt(moments.sumOfSquares()) / sigma;
            m = moments.adaptive(m.mxx(), m.mxy(), m.myy());
        }
        if (m == null || period(stride) < PERIOD_IN_SIGMA * Math.sqrt(m.major())) {
            return new Estimate(snr, Double.NaN);
        }
        return new Estimate(snr, 1 - psfMoments.trace() / m.trace());
    }

    /** Tabulates the components over the grid's range of s = |Jᵀk|·hlr and fills the grid. */
    private void prepare(int stride, double kMax) {
        double dk = stride * table.dk();
        double kHi = Math.min(kMax, table.kMax()) * Math.sqrt(2) * 1.01;
        bulge.tabulate(dk, kHi);
        if (twoComponents) {
            disk.tabulate(dk, kHi);
        }
        moments.fill(galaxyTransform, stride, kMax);
    }

    private double galaxyValue(double kx, double ky) {
        double v = bulge.value(kx, ky);
        return twoComponents ? v + disk.value(kx, ky) : v;
    }

    /** The largest stride whose period 2π/(stride·dk) is at least PERIOD_IN_SIGMA·sqrt(major). */
    private int stride(double major) {
        double period = PERIOD_IN_SIGMA * Math.sqrt(major);
        return Math.max(1, (int) Math.floor(2 * Math.PI / (period * table.dk())));
    }

    private double period(int stride) {
        return 2 * Math.PI / (stride * table.dk());
    }

    /**
     * One sheared Sérsic component in pixel units: F(k) = flux·T(s²), s² = |Jᵀk|²·(hlr/scale)² =
     * qxx kx² + 2 qxy kx ky + qyy ky² with J = {@link SubfieldSimulator#shape}, as the renderer's
     * transformation evaluates it.
     */
    private final class Component {
        private final SersicLookup lookup = new SersicLookup();
        private double flux;
        private double qxx;
        private double qxy;
        private double qyy;
        private double minor;
        private double major;
        /** Largest |kx|, |ky| where |F| may exceed 1e-3 of the flux [rad/pixel]. */
        double maxK;
        /** Covariance σ² J Jᵀ of the Gaussian of the same half-light radius and shape [px²]. */
        double cxx;
        double cxy;
        double cyy;

        void set(double n, double hlr, double flux, double q, double beta) {
            this.flux = flux;
            lookup.index(n);
            Jacobian j = SubfieldSimulator.shape(q, beta);
            double r = hlr / pixelScale;
            qxx = (j.a() * j.a() + j.b() * j.b()) * r * r;
            qxy = (j.a() * j.c() + j.b() * j.d()) * r * r;
            qyy = (j.c() * j.c() + j.d() * j.d()) * r * r;
            minor = j.minorScale() * r;
            major = j.majorScale() * r;
            maxK = lookup.maxKHlr() / minor;
            double s2 = SIGMA_PER_HLR * SIGMA_PER_HLR * r * r;
            cxx = s2 * (j.a() * j.a() + j.b() * j.b());
            cxy = s2 * (j.a() * j.c() + j.b() * j.d());
            cyy = s2 * (j.c() * j.c() + j.d() * j.d());
        }

        void clear() {
            cxx = 0;
            cxy = 0;
            cyy = 0;
        }

        void tabulate(double dk, double kHi) {
            lookup.tabulate(0.9 * dk * minor, kHi * major);
        }

        double value(double kx, double ky) {
            return flux * lookup.value(qxx * kx * kx + 2 * qxy * kx * ky + qyy * ky * ky);
        }
    }
}
