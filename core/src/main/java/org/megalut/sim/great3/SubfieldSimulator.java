package org.megalut.sim.great3;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.megalut.great3.StarShapeParams;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.random.RandomStreams;
import org.megalut.render.Convolution;
import org.megalut.render.DeltaFunction;
import org.megalut.render.DrawMethod;
import org.megalut.render.Gaussian;
import org.megalut.render.Jacobian;
import org.megalut.render.Kolmogorov;
import org.megalut.render.OpticalPSF;
import org.megalut.render.Profile;
import org.megalut.render.PsfKGrids;
import org.megalut.render.RandomKnots;
import org.megalut.render.Sersic;
import org.megalut.render.StampDrawer;
import org.megalut.render.Sum;
import org.megalut.sim.GaussianNoise;

/**
 * Simulates one subfield of a GREAT3-format branch following GREAT3's CGC recipe: its conditions, its
 * PSF, the star field, the selected galaxy population placed on the grid, and the galaxy stamps, lensed
 * by the subfield's constant shear or, in a variable-shear branch, by its field's shear at each galaxy's
 * position ({@link LensingRecipe}). Every random draw comes from a stream keyed by (seed, subfield,
 * purpose[, position]), or (seed, field, purpose) for a variable-shear field, so any part can be
 * recomputed anywhere with identical results.
 *
 * <p>Instances draw with a {@link StampDrawer} and are not thread-safe: use one per task (or per thread).
 */
public final class SubfieldSimulator {
    private static final AdaptiveMomentsParams HSM = AdaptiveMomentsParams.HSM_DEFAULTS;
    /** Star images are drawn as a unit point source through the PSF: the drawer's cached PSF k-grid serves. */
    private static final Profile STAR = new DeltaFunction(1);
    /** Strut width as a fraction of the pupil diameter: GalSim's OpticalPSF default, which GREAT3 kept. */
    private static final double STRUT_THICKNESS = 0.05;
    /** Purpose key of a candidate's knots: stream (seed, subfield, KNOTS, candidate index). */
    private static final long KNOTS = RandomStreams.label("knots");

    private final BranchRecipe recipe;
    private final long seed;
    private final int subfield;
    private final SubfieldConditions conditions;
    private final SubfieldLensing lensing;
    private final Profile psf;
    private final PsfKGrids psfGrids;
    private final StampDrawer drawer;

    public SubfieldSimulator(BranchRecipe recipe, long seed, int subfield) {
        this(recipe, seed, subfield, null, new StampDrawer());
    }

    /**
     * @param psf    the subfield's PSF with its k-grids when the caller already has them (they are
     *               the same for every task of a subfield, and shareable between threads: the optical
     *               part costs a fraction of a second, each grid thousands of PSF evaluations), or null
     *               to build them
     * @param drawer the drawer to render with, typically one per thread kept across simulators; it
     *               must not be used by another thread while this simulator draws
     */
    public SubfieldSimulator(BranchRecipe recipe, long seed, int subfield, PsfKGrids psf, StampDrawer drawer) {
        this(recipe, seed, subfield, psf, null, drawer);
    }

    /**
     * @param lensing the subfield's lensing when the caller already has it (a variable-shear field is the
     *                same for the 20 subfields of a field and costly to draw: FFTs of a 2100² grid), or
     *                null to draw it
     */
    public SubfieldSimulator(BranchRecipe recipe, long seed, int subfield, PsfKGrids psf, SubfieldLensing lensing,
                             StampDrawer drawer) {
        this.recipe = recipe;
        this.seed = seed;
        this.subfield = subfield;
        this.conditions = recipe.conditions().draw(seed, subfield);
        this.lensing = lensing != null ? lensing
                : recipe.lensing().forSubfield(seed, subfield, conditions, recipe.geometry().grid());
        this.psfGrids = psf != null ? psf : new PsfKGrids(psf(conditions));
        this.psf = psfGrids.psf();
        this.drawer = drawer;
    }

    public SubfieldConditions conditions() {
        return conditions;
    }

    /** The subfield's lensing: the shear and ID at each grid position, its offset in its field. */
    public SubfieldLensing lensing() {
        return lensing;
    }

    /** The subfield's PSF (without the pixel): sheared Kolmogorov ⊗ optical PSF. */
    public Profile psf() {
        return psf;
    }

    /**
     * GREAT3's constant PSF: on the ground, Kolmogorov(FWHM) sheared by the atmospheric distortion ⊗ an
     * optical PSF without struts; in space, a jitter Gaussian sheared by its distortion ⊗ a charge-diffusion
     * Gaussian sheared along +x ⊗ an optical PSF with its struts (GalSim's default thickness, 5 % of the
     * diameter). A distortion |e| at angle β is the reduced shear |g| = |e| / (1 + sqrt(1 − |e|²)) at 2β.
     */
    public static Profile psf(SubfieldConditions c) {
        List<Profile> terms = new ArrayList<>();
        if (c.fwhm() > 0) {
            terms.add(distorted(Kolmogorov.ofFwhm(c.fwhm(), 1.0), c.atmE(), c.atmBeta()));
        }
        if (c.jitterSigma() > 0) {
            terms.add(distorted(new Gaussian(c.jitterSigma(), 1.0), c.jitterE(), c.jitterBeta()));
        }
        if (c.chargeSigma() > 0) {
            terms.add(distorted(new Gaussian(c.chargeSigma(), 1.0), c.chargeE1(), 0.0));
        }
        terms.add(new OpticalPSF(c.lamOverDiam(), c.obscuration(), c.nstruts(), c.nstruts() > 0 ? STRUT_THICKNESS : 0.0,
                c.strutAngle(), c.aberrations(), 1.0));
        return terms.size() == 1 ? terms.get(0) : Convolution.of(terms.toArray(new Profile[0]));
    }

    /** A profile sheared by a distortion |e| at angle β (none for e = 0). */
    private static Profile distorted(Profile p, double e, double beta) {
        if (e == 0) {
            return p;
        }
        double g = e / (1 + Math.sqrt(1 - e * e));
        return p.shear(g * Math.cos(2 * beta), g * Math.sin(2 * beta));
    }

    /**
     * The galaxy before shear: a Sérsic, or a de Vaucouleurs bulge plus an exponential disk, each
     * with its own axis ratio q and angle β (intrinsic shape |g| = (1−q)/(1+q) at 2β).
     *
     * <p>With knots ({@link KnotParams}), the disk (or the single Sérsic) of flux F becomes the smooth
     * profile of flux (1 − f)·F plus {@link RandomKnots} of total flux f·F drawn from that same profile
     * with the stream {@link RandomStreams#stream}(knot seed), both under the component's shape: the
     * knots follow the disk's light, its ellipticity and its rotation.
     */
    public static Profile galaxy(GalaxyParams p) {
        KnotParams k = p.knots();
        if (p.singleSersic()) {
            if (!k.any()) {
                return withShape(Sersic.interpolated(p.bulgeN(), p.bulgeHlr(), p.flux()), p.bulgeQ(), p.bulgeBeta());
            }
            return withShape(knotted(Sersic.interpolated(p.bulgeN(), p.bulgeHlr(), p.flux()), k, p.bulgeBeta()),
                    p.bulgeQ(), p.bulgeBeta());
        }
        Profile bulge = withShape(Sersic.deVaucouleurs(p.bulgeHlr(), p.flux() * p.bulgeFraction()), p.bulgeQ(), p.bulgeBeta());
        Sersic smooth = Sersic.exponential(p.diskHlr(), p.flux() * (1 - p.bulgeFraction()));
        Profile disk = withShape(k.any() ? knotted(smooth, k, p.diskBeta()) : smooth, p.diskQ(), p.diskBeta());
        return Sum.of(bulge, disk);
    }

    /**
     * The circular component with a fraction of its flux moved into knots drawn from its own profile.
     * The knots are turned by the component's angle β first: {@link #shape} is a shear along β, which
     * maps a circle as R(β)·S_x(q)·R(−β) does, so the knots' frame must turn with β (R(β)·S_x(q)) for a
     * galaxy rotated by θ (β → β + θ) to be the same galaxy turned, knots included.
     */
    private static Profile knotted(Sersic component, KnotParams k, double beta) {
        RandomKnots knots = RandomKnots.fromSersic(k.count(), component, RandomStreams.stream(k.seed()));
        return Sum.of(component.multiplyFlux(1 - k.fraction()), knots.rotate(beta).multiplyFlux(k.fraction()));
    }

    private static Profile withShape(Profile p, double q, double beta) {
        return q == 1 ? p : p.transform(shape(q, beta), 0, 0, 1);
    }

    /** The shear matrix of axis ratio q at angle β: reduced shear |g| = (1−q)/(1+q) at 2β. */
    static Jacobian shape(double q, double beta) {
        double g = (1 - q) / (1 + q);
        return Jacobian.shear(g * Math.cos(2 * beta), g * Math.sin(2 * beta));
    }

    /**
     * The star field: starGrid² PSF stamps with the pixel response, noiseless, flux 1; star 0 (the
     * lower-left stamp) exactly at its stamp's true centre, the others offset by U(−a, a) px. Pixel
     * values are rounded to float32, as the FITS file stores them.
     */
    public Image starField() {
        BranchGeometry g = recipe.geometry();
        int size = g.stampSize();
        Image field = Image.zeros(g.starGrid() * size, g.starGrid() * size);
        UniformRandomProvider rng = RandomStreams.stream(seed, subfield, RandomStreams.label("star-offsets"));
        for (int k = 0; k < g.starGrid() * g.starGrid(); k++) {
            double dx = 0;
            double dy = 0;
            if (k > 0) {
                dx = recipe.starOffset() * (2 * rng.nextDouble() - 1);
                dy = recipe.starOffset() * (2 * rng.nextDouble() - 1);
            }
            Image stamp = new Image((k % g.starGrid()) * size, (k / g.starGrid()) * size, size, size);
            drawer.draw(STAR, psfGrids, stamp, g.pixelScale(), dx, dy, DrawMethod.AUTO);
            field.paste(stamp);
        }
        roundToFloat(field);
        return field;
    }

    /**
     * GREAT3's PSF truth: the adaptive-moment shape of the noiseless, centred star 0 (−10 for both
     * components when HSM fails).
     */
    public StarShapeParams starShape(Image starField) {
        int size = recipe.geometry().stampSize();
        AdaptiveMoments m = new AdaptiveMomentsFitter(HSM).measure(starField.cut(0, 0, size, size));
        return m.ok() ? new StarShapeParams(m.g1(), m.g2(), subfield, 0)
                : new StarShapeParams(StarShapeParams.FAILED, StarShapeParams.FAILED, subfield, 0);
    }

    /**
     * The galaxies of the subfield at their grid positions, ordered by position. Candidates from the
     * population are kept when snrMin ≤ S/N ≤ snrMax for this subfield's noise and when their HSM
     * resolution against this PSF is at least minResolution; each kept galaxy gets a rotation
     * U[0, π) and, with pairs, a twin rotated by a further 90°; the entries are shuffled over the grid
     * and each position gets an offset U(−a, a) px.
     *
     * <p>S/N is sqrt(Σ I²)/σ and resolution 1 − T_PSF/T_gal (T = Mxx + Myy of HSM adaptive moments) of
     * the noiseless, centred stamp. Deciding that from a drawn stamp costs a draw and a fit per candidate,
     * and a subfield tries 2–4 candidates per kept galaxy; so candidates too faint to reach snrMin even as
     * point sources are rejected at once (see {@link #snrPerFluxBound}), and the others are first
     * estimated in k-space ({@link CandidateEstimator}, several times cheaper); only those whose estimates lie within
     * the {@link SelectionRule} margins of a threshold are drawn and measured. The kept galaxies are the
     * same as with every candidate drawn ({@code SelectionScreenTest}). Knotted candidates (a population
     * with {@link KnotRecipe}, knots drawn from the stream (seed, subfield, "knots", candidate index)) skip
     * the estimate, which knows smooth profiles only, and are always drawn and measured. Their recorded S/N and
     * resolution are the continuum estimates (the stamp values only when the estimate failed).
     *
     * @throws IllegalStateException when fewer than 1 in 1000 candidates pass (population and noise
     *                               incompatible), naming the subfield and its noise level
     */
    public List<PlacedGalaxy> galaxies() {
        return galaxies(true);
    }

    /**
     * @param screen false to draw and measure every candidate (the reference the screen must match;
     *               the recorded S/N and resolution are then the stamp values)
     */
    List<PlacedGalaxy> galaxies(boolean screen) {
        int n = recipe.geometry().galaxies();
        int draws = recipe.pairs() ? (n + 1) / 2 : n;
        int size = recipe.geometry().stampSize();
        double scale = recipe.geometry().pixelScale();
        double sigma = Math.sqrt(conditions.noiseVariance());
        SelectionRule rule = SelectionRule.of(recipe);
        AdaptiveMomentsFitter fitter = new AdaptiveMomentsFitter(HSM);
        AdaptiveMoments psfMoments = fitter.measure(drawer.draw(STAR, psfGrids, Image.zeros(size, size), scale, 0, 0, DrawMethod.AUTO));
        double psfTrace = psfMoments.ok() ? psfMoments.mxx() + psfMoments.myy() : Double.NaN;
        double snrPerFlux = snrPerFluxBound();
        CandidateEstimator estimator = screen ? new CandidateEstimator(psf, scale, sigma, size) : null;

        UniformRandomProvider popRng = RandomStreams.stream(seed, subfield, RandomStreams.label("population"));
        KnotRecipe knots = recipe.population().knots();
        GalaxyParams[] kept = new GalaxyParams[draws];
        double[] snr = new double[draws];
        double[] res = new double[draws];
        int accepted = 0;
        long tried = 0;
        Image stamp = Image.zeros(size, size);
        while (accepted < draws) {
            if (++tried > 1000L * draws + 1000) {
                throw new IllegalStateException("subfield " + subfield + ": only " + accepted + " of " + tried
                        + " candidate galaxies pass S/N in [" + recipe.snrMin() + ", " + recipe.snrMax()
                        + "] and resolution >= " + recipe.minResolution() + " with noise variance "
                        + conditions.noiseVariance());
            }
            GalaxyParams p = recipe.population().draw(popRng);
            if (knots.any()) {
                // the candidate's own stream: the smooth draws stay those of the Sérsic population
                p = p.withKnots(knots.draw(RandomStreams.stream(seed, subfield, KNOTS, tried)));
            }
            if (p.flux() * snrPerFlux < recipe.snrMin()) {
                continue;   // fainter than snrMin even as a point source (knots too): the draw cannot pass
            }
            double s = Double.NaN;
            double r = Double.NaN;
            SelectionRule.Verdict verdict = SelectionRule.Verdict.MEASURE;
            // the continuum estimate knows smooth components only: knotted candidates are measured
            if (screen && !p.knots().any()) {
                CandidateEstimator.Estimate e = estimator.estimate(p, rule.snrRejectBelow(), rule.snrRejectAbove());
                s = e.snr();
                r = e.resolution();
                verdict = rule.screen(s, r);
            }
            if (verdict == SelectionRule.Verdict.REJECT) {
                continue;
            }
            if (verdict == SelectionRule.Verdict.MEASURE) {
                drawer.draw(galaxy(p), psfGrids, stamp, scale, 0, 0, DrawMethod.AUTO);
                SelectionRule.Measure m = rule.measure(stamp, sigma, psfTrace, fitter);
                if (!rule.keeps(m.snr(), m.resolution())) {
                    continue;
                }
                if (Double.isNaN(s) || Double.isNaN(r)) {
                    s = m.snr();
                    r = m.resolution();
                }
            }
            kept[accepted] = p;
            snr[accepted] = s;
            res[accepted] = r;
            accepted++;
        }

        UniformRandomProvider rotRng = RandomStreams.stream(seed, subfield, RandomStreams.label("rotation"));
        List<PlacedGalaxy> entries = new ArrayList<>(n);
        for (int d = 0; d < draws && entries.size() < n; d++) {
            double rot = Math.PI * rotRng.nextDouble();
            entries.add(new PlacedGalaxy(-1, d, 0, kept[d].rotated(rot), rot, 0, 0, snr[d], res[d]));
            if (recipe.pairs() && entries.size() < n) {
                double rot2 = rot + 0.5 * Math.PI;
                entries.add(new PlacedGalaxy(-1, d, 1, kept[d].rotated(rot2), rot2, 0, 0, snr[d], res[d]));
            }
        }
        // Fisher–Yates shuffle of the entries over the grid positions.
        UniformRandomProvider placeRng = RandomStreams.stream(seed, subfield, RandomStreams.label("placement"));
        for (int i = n - 1; i > 0; i--) {
            int j = placeRng.nextInt(i + 1);
            PlacedGalaxy t = entries.get(i);
            entries.set(i, entries.get(j));
            entries.set(j, t);
        }
        UniformRandomProvider offRng = RandomStreams.stream(seed, subfield, RandomStreams.label("offsets"));
        double a = recipe.galaxyOffset();
        List<PlacedGalaxy> placed = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            PlacedGalaxy e = entries.get(k);
            double dx = a * (2 * offRng.nextDouble() - 1);
            double dy = a * (2 * offRng.nextDouble() - 1);
            placed.add(new PlacedGalaxy(k, e.draw(), e.twin(), e.params(), e.rotation(), dx, dy, e.snr(), e.resolution()));
        }
        return placed;
    }

    /**
     * Draws one galaxy stamp: the galaxy lensed at its grid position ({@link #lensing()}: sheared, then
     * magnified in a variable-shear branch), ⊗ PSF ⊗ pixel, at its offset, plus Gaussian noise from the
     * stream of (seed, subfield, "pixel-noise", position).
     *
     * @param target stamp to fill, with the coordinates it has in the subfield image
     */
    public Image drawGalaxy(PlacedGalaxy g, Image target) {
        int grid = recipe.geometry().grid();
        int column = g.position() % grid;
        int row = g.position() / grid;
        double[] shear = lensing.shear(column, row);
        Profile sheared = galaxy(g.params()).shear(shear[0], shear[1]);
        double mu = lensing.magnification(column, row);
        if (mu != 1) {
            sheared = sheared.dilate(Math.sqrt(mu)).multiplyFlux(mu);
        }
        drawer.draw(sheared, psfGrids, target, recipe.geometry().pixelScale(), g.offsetX(), g.offsetY(), DrawMethod.AUTO);
        GaussianNoise.add(target, Math.sqrt(conditions.noiseVariance()),
                RandomStreams.stream(seed, subfield, RandomStreams.label("pixel-noise"), g.position()));
        return target;
    }

    /**
     * Image rows of the stamp rows [firstRow, firstRow + rows) of the subfield image, as a band whose
     * lower-left pixel is (0, firstRow·stamp), float32-rounded.
     *
     * @param galaxies the subfield's galaxies (at least those of the band), indexed by position
     */
    public Image drawBand(List<PlacedGalaxy> galaxies, int firstRow, int rows) {
        BranchGeometry g = recipe.geometry();
        int size = g.stampSize();
        Image band = new Image(0, firstRow * size, g.grid() * size, rows * size);
        for (PlacedGalaxy p : galaxies) {
            int row = p.position() / g.grid();
            if (row < firstRow || row >= firstRow + rows) {
                continue;
            }
            int col = p.position() % g.grid();
            band.paste(drawGalaxy(p, new Image(col * size, row * size, size, size)));
        }
        roundToFloat(band);
        return band;
    }

    /**
     * An upper bound on the S/N per unit flux of any galaxy in this subfield: the S/N of a point
     * source, with a safety margin.
     *
     * <p>Why it bounds: a galaxy of flux F and non-negative profile g gives pixel values
     * I_p = ∫ g(x) P(p − x) d²x with P the PSF ⊗ pixel; by Cauchy–Schwarz with weights g/F,
     * Σ_p I_p² ≤ F ∫ g(x) Σ_p P(p − x)² d²x ≤ F² max_s Σ_p P(p − s)², the maximum over sub-pixel
     * shifts s (and a stamp only drops terms). That maximum is sampled on a quarter-pixel grid of
     * shifts and raised by 5 % to cover the shifts between samples and the FFT's folding/aliasing
     * errors (for GREAT3 ground PSFs at 0.2″, Σ P² changes by ~1e-9 relative over shifts, and compact
     * galaxies reach 0.99 of the unmargined bound; see {@code SnrBoundTest}).
     *
     * @return bound on sqrt(Σ I²)/(σ F) for the subfield's stamp size, pixel scale and noise σ
     */
    double snrPerFluxBound() {
        int size = recipe.geometry().stampSize();
        double scale = recipe.geometry().pixelScale();
        double sigma = Math.sqrt(conditions.noiseVariance());
        double max = 0;
        Image stamp = Image.zeros(size, size);
        for (int a = -2; a < 2; a++) {
            for (int b = -2; b < 2; b++) {
                max = Math.max(max, drawer.draw(STAR, psfGrids, stamp, scale, 0.25 * a, 0.25 * b, DrawMethod.AUTO).sumOfSquares());
            }
        }
        return Math.sqrt(1.05 * max) / sigma;
    }

    private static void roundToFloat(Image img) {
        double[] p = img.pixels();
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) p[i];
        }
    }
}
