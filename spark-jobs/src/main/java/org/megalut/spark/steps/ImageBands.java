package org.megalut.spark.steps;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.hadoop.fs.Path;

/**
 * How {@code great3-sim} cuts the generated images into bands of stamp rows, one rendering task each.
 * A band's key is dense — the subfield's rank among the generated ones × bands per image + the band's
 * index from the bottom — so that a hash partitioner of {@link #count()} partitions sends key k to
 * partition k (Spark hashes an Integer to itself).
 */
final class ImageBands implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] subfields;
    private final int grid;
    private final int bandRows;
    private final int perImage;

    /**
     * @param subfields the generated subfields, sorted and distinct
     * @param grid      galaxy stamps per side
     * @param bandRows  stamp rows per band
     */
    ImageBands(int[] subfields, int grid, int bandRows) {
        this.subfields = subfields.clone();
        this.grid = grid;
        this.bandRows = bandRows;
        this.perImage = (grid + bandRows - 1) / bandRows;
    }

    /** Bands of one image. */
    int perImage() {
        return perImage;
    }

    /** Bands of all images: the number of rendering partitions (at least 1). */
    int count() {
        return Math.max(1, subfields.length * perImage);
    }

    /** Key of the band holding a subfield's stamp at grid position {@code position} (row-major). */
    int key(int subfield, int position) {
        return Arrays.binarySearch(subfields, subfield) * perImage + (position / grid) / bandRows;
    }

    int subfield(int key) {
        return subfields[key / perImage];
    }

    int band(int key) {
        return key % perImage;
    }

    /** First stamp row of a band. */
    int firstRow(int band) {
        return band * bandRows;
    }

    /** Stamp rows of a band (the top band may be short). */
    int rows(int band) {
        return Math.min(bandRows, grid - firstRow(band));
    }

    /** The temporary FITS file of a subfield's band under {@code dir}. */
    static Path file(Path dir, int subfield, int band) {
        return new Path(dir, String.format("%03d-%04d.fits", subfield, band));
    }
}
