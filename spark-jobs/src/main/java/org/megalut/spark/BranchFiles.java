package org.megalut.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.fits.FitsImageHeader;
import org.megalut.fits.FitsImages;
import org.megalut.fits.NonFinitePolicy;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.GalaxyCatalog;
import org.megalut.great3.Great3FormatException;
import org.megalut.great3.StarCatalog;
import org.megalut.image.Image;
import org.megalut.spark.io.HadoopSource;
import org.megalut.spark.settings.RunSettings;

/**
 * Reads the files of one subfield of a GREAT3-format branch on any Hadoop FileSystem, with the
 * validation of the core readers plus the geometry this run expects (image size = grid × stamp size).
 */
public final class BranchFiles {
    private final Path branch;
    private final RunSettings.Grid grid;
    private final Configuration conf;

    public BranchFiles(String branchDir, RunSettings.Grid grid, Configuration conf) {
        this.branch = new Path(branchDir);
        this.grid = grid;
        this.conf = conf;
    }

    /**
     * The galaxy catalog with grid² rows: the {@code .fits} version when present (GREAT3 ships both
     * with the same content, and the binary table reads several times faster), else the {@code .txt}.
     */
    public GalaxyCatalog galaxyCatalog(int subfield) throws IOException {
        int rows = grid.grid() * grid.grid();
        Path p = firstExisting(BranchLayout.galaxyCatalogFits(subfield), BranchLayout.galaxyCatalogTxt(subfield));
        try (InputStream in = fs().open(p)) {
            return GalaxyCatalog.read(in, p.toString(), rows);
        }
    }

    /** The star catalog ({@code .txt}, else {@code .fits}) with starGrid² rows. */
    public StarCatalog starCatalog(int subfield) throws IOException {
        int rows = grid.starGrid() * grid.starGrid();
        Path p = firstExisting(BranchLayout.starCatalogTxt(subfield), BranchLayout.starCatalogFits(subfield));
        try (InputStream in = fs().open(p)) {
            return StarCatalog.read(in, p.toString(), rows);
        }
    }

    /** The whole star field, checked to be starGrid·stamp pixels square with finite pixels. */
    public Image starField(int subfield) throws IOException {
        try (HadoopSource src = HadoopSource.open(path(BranchLayout.starField(subfield)), conf)) {
            FitsImageHeader h = FitsImageHeader.read(src);
            requireSize(h, grid.starGrid() * grid.stampSize());
            return FitsImages.readImage(src, NonFinitePolicy.REJECT);
        }
    }

    /**
     * Image rows [y0, y0 + nrows) of the galaxy image (only those bytes are read), checked to be
     * grid·stamp pixels square with finite pixels.
     */
    public Image galaxyRows(int subfield, int y0, int nrows) throws IOException {
        try (HadoopSource src = HadoopSource.open(path(BranchLayout.galaxyImage(subfield)), conf)) {
            FitsImageHeader h = FitsImageHeader.read(src);
            requireSize(h, grid.grid() * grid.stampSize());
            return FitsImages.readRows(src, h, y0, nrows, NonFinitePolicy.REJECT);
        }
    }

    private void requireSize(FitsImageHeader h, int size) {
        if (h.naxis1() != size || h.naxis2() != size || h.naxis3() != 1) {
            throw new Great3FormatException(h.name(), "expected a " + size + "x" + size + " image, found "
                    + h.naxis1() + "x" + h.naxis2() + (h.naxis3() > 1 ? "x" + h.naxis3() : ""));
        }
    }

    private Path path(String name) {
        return new Path(branch, name);
    }

    private Path firstExisting(String first, String second) throws IOException {
        Path a = path(first);
        if (fs().exists(a)) {
            return a;
        }
        Path b = path(second);
        if (fs().exists(b)) {
            return b;
        }
        throw new FileNotFoundException("neither " + a + " nor " + b + " exists");
    }

    private FileSystem fs() throws IOException {
        return branch.getFileSystem(conf);
    }
}
