package org.megalut.sim.megalut;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.meas.StampFeatures;
import org.megalut.meas.StampMeasurer;
import org.megalut.render.DeltaFunction;
import org.megalut.render.DrawMethod;
import org.megalut.render.Profile;
import org.megalut.render.PsfKGrids;
import org.megalut.render.Sersic;
import org.megalut.render.StampDrawer;
import org.megalut.render.Sum;
import org.megalut.sim.GaussianNoise;
import org.megalut.sim.great3.SelectionRule;

/**
 * Renders and measures the stamps of a MegaLUT dataset catalog for one subfield, as MegaLUT did: a Sérsic
 * galaxy (sizes in pixels) sheared by its intrinsic ellipticity then by the applied shear, convolved with
 * one of the subfield's star stamps used as an interpolated image (flux 1, pixel scale 1; the star already
 * contains the pixel response, so no pixel convolution), offset by the realization's jitter, plus
 * Gaussian noise when the dataset has noise; then measured like the observations. The bulge+disk
 * distributions, which MegaLUT did not have, replace some Sérsic galaxies by bulge+disk ones
 * ({@link #galaxy}). A dataset with a selection keeps only the galaxies GREAT3's S/N and resolution cuts
 * would keep in this subfield, redrawing the others (docs/datasets.md, "A dataset's galaxy selection").
 *
 * <p>Holds a drawer: not thread-safe, use one per task.
 */
public final class DatasetSimulator {
    // a point source through a star is the star: the PSF whose size the selection's resolution needs
    private static final Profile POINT = new DeltaFunction(1);
    private final DatasetSpec spec;
    private final long seed;
    private final int subfield;
    // one per star, with its k-grids (SubfieldPsfs)
    private final List<PsfKGrids> psfs;
    private final double noiseSigma;
    private final StampMeasurer measurer;
    private final int stampSize;
    private final StampDrawer drawer = new StampDrawer();
    // HSM's T = Mxx + Myy of each star, for the selection's resolution; NaN until needed
    private final double[] psfTraces;
    private final AdaptiveMomentsFitter fitter = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS);

    /**
     * @param stars      the subfield's star stamps (each one stamp of the star field)
     * @param noiseSigma Gaussian noise σ [ADU] (ignored when the dataset has no noise)
     */
    public DatasetSimulator(DatasetSpec spec, long seed, int subfield, List<Image> stars, double noiseSigma,
                            StampMeasurer measurer) {
        this(spec, seed, subfield, SubfieldPsfs.fromStars(subfield, stars), noiseSigma, measurer);
    }

    /**
     * @param psfs       the subfield's PSFs, which may be shared with other simulators of the subfield
     * @param noiseSigma Gaussian noise σ [ADU] (ignored when the dataset has no noise)
     */
    public DatasetSimulator(DatasetSpec spec, long seed, int subfield, SubfieldPsfs psfs, double noiseSigma,
                            StampMeasurer measurer) {
        if ((spec.noise() || spec.selection() != null) && !(noiseSigma > 0)) {
            throw new IllegalArgumentException("subfield " + subfield + ": dataset " + spec.name()
                    + " needs a positive noise sigma" + (spec.noise() ? "" : " (its selection cuts on S/N)")
                    + ", got " + noiseSigma);
        }
        this.spec = spec;
        this.seed = seed;
        this.subfield = subfield;
        this.noiseSigma = noiseSigma;
        this.measurer = measurer;
        this.stampSize = psfs.stampSize();
        this.psfs = psfs.psfs();
        this.psfTraces = new double[this.psfs.size()];
        Arrays.fill(psfTraces, Double.NaN);
    }

    /** All stamps of one catalog, every realization. */
    public List<SimulatedStamp> catalog(int catalog) {
        return catalog(catalog, 0, Integer.MAX_VALUE);
    }

    /**
     * The stamps of a slice of a catalog: its galaxies (rotated copies included, in catalog order) from
     * index {@code first}, at most {@code count} of them. Every draw is keyed by the galaxy, copy and
     * realization, so slices computed anywhere, in any order, concatenate to {@link #catalog(int)}.
     */
    public List<SimulatedStamp> catalog(int catalog, int first, int count) {
        return catalog(catalog, first, count, null);
    }

    /** Receives each rendered stamp (noise included) before it is measured, e.g. to keep inspection images. */
    @FunctionalInterface
    public interface StampSink {
        /**
         * @param index       the galaxy's position in the slice (0-based)
         * @param realization the image realization
         * @param stamp       the stamp; reused afterwards, so copy what you keep
         */
        void accept(int index, int realization, Image stamp);
    }

    /** As {@link #catalog(int, int, int)}, handing every stamp to {@code sink} (may be null). */
    public List<SimulatedStamp> catalog(int catalog, int first, int count, StampSink sink) {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("slice from " + first + " of " + count + " galaxies");
        }
        // the slice counts copies; draw the whole galaxies it touches, then cut
        int snc = spec.snc();
        int total = spec.n() * snc;
        int from = Math.min(first, total);
        int to = (int) Math.min(total, (long) first + count);
        int firstGalaxy = from / snc;
        DatasetCatalogs.Acceptance acceptance = spec.selection() == null ? DatasetCatalogs.Acceptance.ALL : this::selected;
        List<SimGalaxy> galaxies = DatasetCatalogs.galaxies(spec, seed, subfield, catalog, psfs.size(), firstGalaxy,
                (to + snc - 1) / snc, acceptance).subList(from - firstGalaxy * snc, to - firstGalaxy * snc);
        List<SimulatedStamp> out = new ArrayList<>(galaxies.size() * spec.nrea());
        Image stamp = Image.zeros(stampSize, stampSize);
        double centre = stamp.trueCenterX();
        for (int index = 0; index < galaxies.size(); index++) {
            SimGalaxy g = galaxies.get(index);
            Profile gal = galaxy(g);
            PsfKGrids psf = psfs.get(g.star());
            for (int r = 0; r < spec.nrea(); r++) {
                double[] j = DatasetCatalogs.jitter(spec, seed, subfield, g, r);
                drawer.draw(gal, psf, stamp, 1.0, j[0], j[1], DrawMethod.NO_PIXEL);
                if (spec.noise()) {
                    GaussianNoise.add(stamp, noiseSigma, DatasetCatalogs.noise(spec, seed, subfield, g, r));
                }
                if (sink != null) {
                    sink.accept(index, r, stamp);
                }
                StampFeatures f = measurer.measure(stamp, centre + j[0], centre + j[1]);
                long[] cr = DatasetCatalogs.caseAndRealization(spec, g, r);
                out.add(new SimulatedStamp(g, r, cr[0], cr[1], j[0], j[1], f));
            }
        }
        return out;
    }

    /**
     * The dataset's selection ({@link DatasetSpec#selection}) of a drawn galaxy, as the branch generator
     * selects its galaxies: S/N and resolution of the noiseless, centred stamp of the galaxy before the
     * applied shear, through its star, against the subfield's noise σ. The applied shear is left out so that
     * the selection cannot correlate with the shear the networks learn.
     */
    private boolean selected(SimGalaxy g) {
        SelectionRule rule = spec.selection();
        Image stamp = drawer.draw(intrinsic(g), psfs.get(g.star()), Image.zeros(stampSize, stampSize), 1.0, 0, 0,
                DrawMethod.NO_PIXEL);
        SelectionRule.Measure m = rule.measure(stamp, noiseSigma, psfTrace(g.star()), fitter);
        return rule.keeps(m.snr(), m.resolution());
    }

    /** HSM's T = Mxx + Myy of a star (the PSF of the resolution), measured once. */
    private double psfTrace(int star) {
        if (Double.isNaN(psfTraces[star])) {
            Image image = drawer.draw(POINT, psfs.get(star), Image.zeros(stampSize, stampSize), 1.0, 0, 0, DrawMethod.NO_PIXEL);
            AdaptiveMoments m = fitter.measure(image);
            if (!m.ok()) {
                throw new IllegalStateException("subfield " + subfield + ": the adaptive moments of star " + star
                        + " fail, so dataset " + spec.name() + "'s selection has no PSF size to resolve against");
            }
            psfTraces[star] = m.mxx() + m.myy();
        }
        return psfTraces[star];
    }

    /**
     * The galaxy before the PSF (pixel units): a single Sérsic from the interpolated tables (MegaLUT's
     * indices are a continuum), or a de Vaucouleurs bulge plus an exponential disk with exact tables, as
     * the GREAT3-like branch draws them ({@code SubfieldSimulator.galaxy}), both components sheared by the
     * galaxy's ellipticity; then the applied shear, if any.
     */
    public static Profile galaxy(SimGalaxy g) {
        Profile gal = intrinsic(g);
        if (g.s1() != 0 || g.s2() != 0) {
            gal = gal.shear(g.s1(), g.s2());
        }
        return gal;
    }

    /** The galaxy with its intrinsic ellipticity, before the applied shear. */
    private static Profile intrinsic(SimGalaxy g) {
        Profile profile = g.bulgeDisk()
                ? Sum.of(Sersic.deVaucouleurs(g.bulgeHlr(), g.flux() * g.bulgeFraction()),
                        Sersic.exponential(g.diskHlr(), g.flux() * (1 - g.bulgeFraction())))
                : Sersic.interpolated(g.sersicN(), g.hlr(), g.flux());
        return profile.shear(g.g1(), g.g2());
    }
}
