package org.megalut.cli;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.fits.FileSource;
import org.megalut.fits.FitsImageHeader;
import org.megalut.fits.FitsStamps;
import org.megalut.fits.SeekableSource;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.spark.io.HadoopSource;
import org.megalut.spark.io.LocalFiles;
import org.megalut.spark.io.SmallTable.Column;
import org.megalut.spark.io.SmallTable.Type;
import org.megalut.spark.io.SmallTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code moments}: HSM-equivalent adaptive moments of every stamp of a FITS file, for users' own
 * cutouts. No Spark: one process, one table file.
 */
@Command(name = "moments", mixinStandardHelpOptions = true,
        description = {"HSM adaptive moments (as GalSim's FindAdaptiveMom) of every stamp of a FITS file.",
            "Stamps are the planes of a 3-D cube, or the tiles of a 2-D image cut in square stamps (numbered",
            "row-major, x fastest). One row per stamp; centroids are 1-based FITS pixel coordinates of the",
            "input image."})
final class MomentsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.fits", description = "Input FITS image or cube (any Hadoop FileSystem URI).")
    String input;

    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "Output table: CSV, or Parquet when the name ends in .parquet.")
    String out;

    @Option(names = "--stamp-size", defaultValue = "48", paramLabel = "PX",
            description = "Tile size for a 2-D image (default ${DEFAULT-VALUE}).")
    int stampSize;

    @Option(names = "--guess-sigma", defaultValue = "5", paramLabel = "PX",
            description = "Initial weight sigma in pixels (default ${DEFAULT-VALUE}).")
    double guessSigma;

    static final List<Column> COLUMNS = List.of(
            new Column("idx", Type.INT), new Column("moments_status", Type.INT),
            new Column("moments_sigma", Type.DOUBLE), new Column("moments_amp", Type.DOUBLE),
            new Column("moments_centroid_x", Type.DOUBLE), new Column("moments_centroid_y", Type.DOUBLE),
            new Column("moments_rho4", Type.DOUBLE), new Column("moments_n_iter", Type.INT),
            new Column("observed_e1", Type.DOUBLE), new Column("observed_e2", Type.DOUBLE),
            new Column("observed_g1", Type.DOUBLE), new Column("observed_g2", Type.DOUBLE),
            new Column("error_message", Type.STRING));

    @Override
    public Integer call() throws Exception {
        if (stampSize < 2) {
            throw new IllegalArgumentException("--stamp-size must be at least 2, got " + stampSize);
        }
        SmallTable table = new SmallTable(COLUMNS);
        int failed;
        // A local file is read without starting Hadoop, which would cost more than measuring the stamps.
        Optional<java.nio.file.Path> local = LocalFiles.path(input);
        if (local.isPresent()) {
            try (FileSource src = FileSource.open(local.get())) {
                failed = measure(src, table);
            }
        } else {
            try (HadoopSource src = HadoopSource.open(new Path(input), new Configuration())) {
                failed = measure(src, table);
            }
        }
        table.write(out);
        System.out.printf("moments: %d stamps measured, %d failed; wrote %s%n", table.size(), failed, out);
        return 0;
    }

    /** Measures every stamp of the file into the table, streaming it; returns the number of failures. */
    private int measure(SeekableSource src, SmallTable table) throws IOException {
        FitsImageHeader h = FitsImageHeader.read(src);
        try {
            FitsStamps.count(h, stampSize);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (use --stamp-size)", e);
        }
        AdaptiveMomentsFitter fitter = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS.withGuessSigma(guessSigma));
        int[] failed = {0};
        // 1-based coordinates, as FITS and GalSim number pixels, so centroids come out in the file's frame.
        FitsStamps.forEach(src, h, stampSize, 1, (i, stamp) -> {
            AdaptiveMoments m = fitter.measure(stamp);
            if (m.ok()) {
                table.add(i, 0, m.sigma(), m.amplitude(), m.centroidX(), m.centroidY(), m.rho4(), m.iterations(),
                        m.e1(), m.e2(), m.g1(), m.g2(), "");
            } else {
                failed[0]++;
                table.add(i, -1, null, null, null, null, null, null, null, null, null, null, m.errorMessage());
            }
        });
        return failed[0];
    }
}
