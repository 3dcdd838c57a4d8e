package org.megalut.spark.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.great3.Great3Images;
import org.megalut.image.Image;
import org.megalut.sim.great3.PlacedGalaxy;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.settings.SimSettings;
import scala.Tuple2;

/**
 * Stage 2 of {@code great3-sim}, one band of stamp rows of one subfield: renders the band's galaxies
 * (from the truth table) into a temporary float32 FITS band of the full image width.
 */
final class Great3BandRenderer {
    private Great3BandRenderer() { }

    /**
     * Renders the band of one partition, whose galaxies all share one band key ({@link ImageBands}).
     *
     * @param galaxies band key and {@link StampTruth} of each galaxy
     * @param tmp      directory of the band files
     */
    static void render(SimSettings sim, ImageBands bands, Iterator<Tuple2<Integer, double[]>> galaxies, Path tmp,
                       Configuration conf) throws IOException {
        if (!galaxies.hasNext()) {
            return;
        }
        List<PlacedGalaxy> placed = new ArrayList<>();
        int key = -1;
        while (galaxies.hasNext()) {
            Tuple2<Integer, double[]> t = galaxies.next();
            key = t._1();
            placed.add(StampTruth.decode(t._2()));
        }
        int subfield = bands.subfield(key);
        int band = bands.band(key);
        Image image = SubfieldSimulators.of(sim, subfield).drawBand(placed, bands.firstRow(band), bands.rows(band));
        Path p = ImageBands.file(tmp, subfield, band);
        AtomicWrite.stream(p, conf, os -> Great3Images.write(os, image, sim.recipe().geometry().pixelScale()));
    }
}
