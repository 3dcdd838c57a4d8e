package org.megalut.render.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.megalut.image.Image;
import org.megalut.render.DrawMethod;
import org.megalut.render.Kolmogorov;
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
 * Throughput of drawing one 48×48 stamp at 0.2"/px with the pixel response: a Sérsic of random
 * n = 0.5 + 3.5u (the pipeline's train distribution), hlr, ellipticity and sub-pixel offset, convolved
 * with a Kolmogorov PSF (FWHM 0.7", sheared) that is the same for every stamp, as in one subfield.
 *
 * <p>Run from the test classpath, single-threaded:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main SersicStampBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SersicStampBenchmark {

    /** "interpolated": per-stamp n (fast path); "fixed": a single n, exact cached table. */
    @Param({"interpolated", "fixed"})
    public String sersic;

    private final StampDrawer drawer = new StampDrawer();
    private final Image stamp = Image.zeros(48, 48);
    private final Profile psf = Kolmogorov.ofFwhm(0.7, 1).shear(0.015, -0.01);
    private UniformRandomProvider rng;

    @Setup
    public void setup() {
        SersicTables.prepare(0.5, 4.0);
        SersicTables.exact(1.7);
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12345L);
    }

    @Benchmark
    public Image drawStamp() {
        double n = 0.5 + 3.5 * rng.nextDouble();
        double hlr = 0.2 * (0.75 + 2.25 * rng.nextDouble());   // 0.75–3 px at 0.2"/px
        double g1 = 0.6 * (rng.nextDouble() - 0.5);
        double g2 = 0.6 * (rng.nextDouble() - 0.5);
        Sersic gal = "fixed".equals(sersic) ? Sersic.ofHalfLightRadius(1.7, hlr, 50) : Sersic.interpolated(n, hlr, 50);
        return drawer.draw(gal.shear(g1, g2), psf, stamp, 0.2, rng.nextDouble() - 0.5, rng.nextDouble() - 0.5,
                DrawMethod.AUTO);
    }
}
