package org.megalut.render.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.megalut.image.Image;
import org.megalut.render.Convolution;
import org.megalut.render.DrawMethod;
import org.megalut.render.InterpolatedImage;
import org.megalut.render.Kolmogorov;
import org.megalut.render.OpticalPSF;
import org.megalut.render.Profile;
import org.megalut.render.Sersic;
import org.megalut.render.SersicTables;
import org.megalut.render.StampDrawer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of drawing one 48×48 stamp at 0.2"/px: a Sérsic of hlr 0.15–0.6", random ellipticity
 * and sub-pixel offset, with n either random in [0.5, 4] (the pipeline's train distribution, tables
 * interpolated in n) or fixed (one exact table), convolved with a PSF that is the same for every
 * stamp, as in one subfield:
 * <ul>
 *   <li>{@code psf = optics}: Kolmogorov (FWHM 0.7", sheared) ⊗ a GREAT3-like optical PSF, with the
 *       pixel response (the branch generator's case);</li>
 *   <li>{@code psf = star}: a 48×48 star stamp of that PSF (pixel included) as an interpolated image,
 *       drawn without a further pixel (the MegaLUT simulations' case).</li>
 * </ul>
 *
 * <p>Run with {@code submit/bench-jmh SersicStampBenchmark} (JMH options may follow).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class SersicStampBenchmark {

    /** "interpolated": per-stamp n (fast path); "fixed": a single n, exact cached table. */
    @Param({"interpolated", "fixed"})
    public String sersic;

    /** "optics": analytic Kolmogorov ⊗ optical PSF plus pixel; "star": interpolated star stamp, no pixel. */
    @Param({"optics", "star"})
    public String psf;

    private final StampDrawer drawer = new StampDrawer();
    private final Image stamp = Image.zeros(48, 48);
    private Profile psfProfile;
    private DrawMethod method;
    private UniformRandomProvider rng;

    @Setup
    public void setup() {
        SersicTables.prepare(0.5, 4.0);
        SersicTables.exact(1.7);
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12345L);
        psfProfile = psf(psf);
        method = method(psf);
    }

    @Benchmark
    public Image drawStamp() {
        return draw(drawer, rng, "fixed".equals(sersic), psfProfile, method, stamp);
    }

    /** The PSF of a case ("optics" or "star"), the same for every stamp as in one subfield. */
    static Profile psf(String psfCase) {
        double lamOverDiam = 800e-9 / 4 * 180 / Math.PI * 3600;
        Profile optics = new OpticalPSF(lamOverDiam, 0.35, 4, 0.05, 0, new double[] {0.10, 0.05, -0.04, 0.05, -0.03}, 1);
        Profile analytic = Convolution.of(Kolmogorov.ofFwhm(0.7, 1).shear(0.015, -0.01), optics);
        if ("star".equals(psfCase)) {
            Image star = new StampDrawer().draw(analytic, Image.zeros(48, 48), 0.2, 0, 0, DrawMethod.AUTO);
            return InterpolatedImage.centredOnTrueCentre(star, 0.2, 1.5).withFlux(1);
        }
        return analytic;
    }

    /** A star stamp already holds the pixel response; the analytic PSF gets it at drawing. */
    static DrawMethod method(String psfCase) {
        return "star".equals(psfCase) ? DrawMethod.NO_PIXEL : DrawMethod.AUTO;
    }

    /** Draws the next random galaxy of the benchmark into {@code stamp}. */
    static Image draw(StampDrawer drawer, UniformRandomProvider rng, boolean fixedN, Profile psf, DrawMethod method,
                      Image stamp) {
        double n = 0.5 + 3.5 * rng.nextDouble();
        double hlr = 0.2 * (0.75 + 2.25 * rng.nextDouble());   // 0.75–3 px at 0.2"/px
        double g1 = 0.6 * (rng.nextDouble() - 0.5);
        double g2 = 0.6 * (rng.nextDouble() - 0.5);
        Sersic gal = fixedN ? Sersic.ofHalfLightRadius(1.7, hlr, 50) : Sersic.interpolated(n, hlr, 50);
        return drawer.draw(gal.shear(g1, g2), psf, stamp, 0.2, rng.nextDouble() - 0.5, rng.nextDouble() - 0.5, method);
    }
}
