package org.megalut.meas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.meas.StampFeatures;
import org.megalut.meas.StampMeasurer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of adaptive moments on 48×48 S/N-20 galaxy stamps, one thread: the GalSim reference
 * stamps {@code oracle/galsim/gal_noisy_snr20.fits} when the shared folder is present (property
 * {@code megalut.shared}, default {@code ../shared} from the repository root), else elliptical
 * Gaussians with S/N-20 noise. Score = stamps per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdaptiveMomentsBenchmark {

    private List<Image> stamps;
    private int next;
    private final AdaptiveMomentsFitter fitter = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS);
    private final StampMeasurer measurer = StampMeasurer.megalutDefaults();

    @Setup
    public void load() throws Exception {
        Path cube = Path.of(System.getProperty("megalut.shared", "../shared"), "oracle/galsim/gal_noisy_snr20.fits");
        stamps = Files.isRegularFile(cube) ? readCube(cube) : syntheticStamps(360);
    }

    /** HSM adaptive moments alone. */
    @Benchmark
    public AdaptiveMoments adaptiveMoments() {
        Image stamp = stamps.get(next);
        next = (next + 1) % stamps.size();
        return fitter.measure(stamp);
    }

    /** All MegaLUT features of a stamp (moments, sky, apertures, S/N). */
    @Benchmark
    public StampFeatures allFeatures() {
        Image stamp = stamps.get(next);
        next = (next + 1) % stamps.size();
        return measurer.measure(stamp, 23.5, 23.5);
    }

    private static List<Image> readCube(Path file) throws Exception {
        try (Fits f = new Fits(file.toFile())) {
            float[][][] cube = (float[][][]) ((ImageHDU) f.readHDU()).getKernel();
            List<Image> out = new ArrayList<>();
            for (float[][] plane : cube) {
                Image img = Image.zeros(plane[0].length, plane.length);
                for (int y = 0; y < plane.length; y++) {
                    for (int x = 0; x < plane[0].length; x++) {
                        img.set(x, y, plane[y][x]);
                    }
                }
                out.add(img);
            }
            return out;
        }
    }

    private static List<Image> syntheticStamps(int n) {
        SplittableRandom rng = new SplittableRandom(1);
        List<Image> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double s2 = 2.0 + 6.0 * rng.nextDouble();
            double e = 0.3 * rng.nextDouble();
            double cxx = s2 * (1 + e);
            double cyy = s2 * (1 - e);
            Image img = Image.zeros(48, 48);
            double sumSq = 0;
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 48; x++) {
                    double dx = x - 23.5;
                    double dy = y - 23.5;
                    double v = Math.exp(-0.5 * (dx * dx / cxx + dy * dy / cyy)) / (2 * Math.PI * Math.sqrt(cxx * cyy));
                    img.set(x, y, v);
                    sumSq += v * v;
                }
            }
            double sigma = Math.sqrt(sumSq) / 20.0;
            double[] p = img.pixels();
            for (int i = 0; i < p.length; i++) {
                p[i] += sigma * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            }
            out.add(img);
        }
        return out;
    }
}
