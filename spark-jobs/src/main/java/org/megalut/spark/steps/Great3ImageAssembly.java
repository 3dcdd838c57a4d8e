package org.megalut.spark.steps;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.fits.Bitpix;
import org.megalut.fits.FitsImageBandWriter;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.Great3Images;
import org.megalut.sim.great3.BranchGeometry;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.HadoopSource;
import org.megalut.spark.settings.SimSettings;

/**
 * Stage 3 of {@code great3-sim}, one subfield: its {@code image-SSS-0.fits} written with GREAT3's
 * header, the data copied from the bands' files byte for byte (the bands are float32 FITS of the full
 * width, bottom band first).
 */
final class Great3ImageAssembly {
    private Great3ImageAssembly() { }

    /**
     * @param out branch directory
     * @param tmp directory of the band files
     */
    static void assemble(SimSettings sim, ImageBands bands, int subfield, String out, Path tmp, Configuration conf)
            throws IOException {
        BranchGeometry g = sim.recipe().geometry();
        int side = g.grid() * g.stampSize();
        Path dir = new Path(out);
        AtomicWrite.stream(new Path(dir, BranchLayout.galaxyImage(subfield)), conf, os -> {
            FitsImageBandWriter image = new FitsImageBandWriter(os, side, side, Bitpix.FLOAT32,
                    Great3Images.headerCards(0, 0, g.pixelScale()));
            for (int b = 0; b < bands.perImage(); b++) {
                try (HadoopSource src = HadoopSource.open(ImageBands.file(tmp, subfield, b), conf)) {
                    image.copy(src);
                }
            }
            image.finish();
        });
    }
}
