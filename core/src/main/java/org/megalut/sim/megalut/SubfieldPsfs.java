package org.megalut.sim.megalut;

import java.util.ArrayList;
import java.util.List;
import org.megalut.image.Image;
import org.megalut.render.InterpolatedImage;
import org.megalut.render.PsfKGrids;

/**
 * The PSFs of a subfield's simulations: each of its star stamps as an interpolated image (flux 1, pixel
 * scale 1; the star already holds the pixel response), with the k-grids drawn with it. Safe to share
 * between threads and between the tasks of one subfield ({@link PsfKGrids} computes a missing grid under
 * its lock, and a grid reused from another task is bit-identical to one computed afresh), which spares
 * every task the evaluation of the interpolated stars on its k-grids.
 *
 * @param psfs      one per star, in catalog order: galaxies pick their star at random, so each keeps its own grids
 * @param stampSize the stamps' side [px], that of the star stamps
 */
public record SubfieldPsfs(List<PsfKGrids> psfs, int stampSize) {

    public SubfieldPsfs {
        psfs = List.copyOf(psfs);
    }

    /**
     * The PSFs of a subfield's star stamps.
     *
     * @throws IllegalArgumentException when there is no star or a star's flux is not positive
     */
    public static SubfieldPsfs fromStars(int subfield, List<Image> stars) {
        if (stars.isEmpty()) {
            throw new IllegalArgumentException("subfield " + subfield + ": no star stamps to use as PSFs");
        }
        List<PsfKGrids> psfs = new ArrayList<>();
        for (Image star : stars) {
            Image s = star.withOrigin(0, 0);
            double flux = s.sum();
            if (!(flux > 0)) {
                throw new IllegalArgumentException("subfield " + subfield + ": a star stamp has non-positive flux " + flux);
            }
            psfs.add(new PsfKGrids(InterpolatedImage.centredOnTrueCentre(s, 1.0, 1.5).withFlux(1.0)));
        }
        return new SubfieldPsfs(psfs, stars.get(0).width());
    }
}
