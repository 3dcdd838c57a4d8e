package org.megalut.render.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.megalut.image.Image;
import org.megalut.render.DrawMethod;
import org.megalut.render.Profile;
import org.megalut.render.SersicTables;
import org.megalut.render.StampDrawer;

/**
 * Thread-CPU throughput of the four {@link SersicStampBenchmark} cases (same stamps: 48×48 at 0.2″,
 * Sérsic hlr 0.15–0.6″ with random ellipticity and offset, n random in [0.5, 4] or fixed, PSF
 * Kolmogorov ⊗ optics with the pixel, or an interpolated star stamp without it).
 *
 * <p>JMH measures wall-clock throughput; on a shared or virtualised machine the wall clock of a
 * single-threaded loop can run at half its CPU time, so this harness reports stamps per CPU-second
 * of the drawing thread, after a warm-up long enough for the JIT's final code (about 10 s: the big
 * k-grid method is recompiled late). Run from the test classpath:
 * {@code java -cp core/target/test-classes:core/target/classes:$(cat core/target/bench.cp)
 * org.megalut.render.bench.StampThroughput [seconds per case] [warm-up seconds]}
 */
public final class StampThroughput {
    private StampThroughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 12;
        SersicTables.prepare(0.5, 4.0);
        for (String psf : new String[] {"optics", "star"}) {
            for (String sersic : new String[] {"interpolated", "fixed"}) {
                System.out.printf("psf %-6s sersic %-12s %,8.0f stamps per CPU-second%n", psf, sersic,
                        run(psf, sersic, seconds, warmup));
            }
        }
    }

    private static double run(String psfCase, String sersic, double seconds, double warmup) {
        Profile psf = SersicStampBenchmark.psf(psfCase);
        DrawMethod method = SersicStampBenchmark.method(psfCase);
        boolean fixed = "fixed".equals(sersic);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12345L);
        StampDrawer drawer = new StampDrawer();
        Image stamp = Image.zeros(48, 48);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long start = bean.getCurrentThreadCpuTime();
        long measureFrom = -1;
        long count = 0;
        double checksum = 0;
        while (true) {
            SersicStampBenchmark.draw(drawer, rng, fixed, psf, method, stamp);
            checksum += stamp.pixels()[1200];
            count++;
            if ((count & 255) == 0) {
                long now = bean.getCurrentThreadCpuTime();
                if (measureFrom < 0 && now - start > warmup * 1e9) {
                    measureFrom = now;
                    count = 0;
                } else if (measureFrom >= 0 && now - measureFrom > seconds * 1e9) {
                    if (!(checksum > 0)) {
                        throw new IllegalStateException("no flux drawn");
                    }
                    return count / (1e-9 * (now - measureFrom));
                }
            }
        }
    }
}
