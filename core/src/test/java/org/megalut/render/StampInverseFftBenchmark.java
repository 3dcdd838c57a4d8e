package org.megalut.render;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.megalut.image.Image;
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
 * Throughput of the inverse FFT of one folded k-grid into a 48×48 stamp ({@link StampInverseFft}):
 * N = 128 (most stamps of the GREAT3 ground cases) and 192 (GalSim's 3·2^a size, for large or
 * concentrated galaxies). Each operation first copies a fixed random grid in (the inverse destroys
 * its input), about 10 % of the operation's time at N = 128.
 *
 * <p>Run with {@code submit/bench-jmh StampInverseFftBenchmark} (in this package because the FFT
 * classes are package-private).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class StampInverseFftBenchmark {

    @Param({"128", "192"})
    public int n;

    private StampInverseFft fft;
    private double[][] gridRe;
    private double[][] gridIm;
    private final Image stamp = Image.zeros(48, 48);

    @Setup
    public void setUp() {
        fft = new StampInverseFft(n);
        SplittableRandom rng = new SplittableRandom(7);
        gridRe = new double[n][n / 2 + 1];
        gridIm = new double[n][n / 2 + 1];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i <= n / 2; i++) {
                gridRe[k][i] = rng.nextDouble(-1, 1);
                gridIm[k][i] = rng.nextDouble(-1, 1);
            }
        }
    }

    @Benchmark
    public Image inverse() {
        double[][] re = fft.re();
        double[][] im = fft.im();
        for (int k = 0; k < n; k++) {
            System.arraycopy(gridRe[k], 0, re[k], 0, n / 2 + 1);
            System.arraycopy(gridIm[k], 0, im[k], 0, n / 2 + 1);
        }
        fft.inverse(stamp, 24, 24, 1.0 / ((double) n * n));
        return stamp;
    }
}
