package org.megalut.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.GalaxyCatalog;
import org.megalut.great3.Great3Images;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarCatalog;
import org.megalut.great3.StarShapeParams;
import org.megalut.great3.Stamps;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.image.Image;
import org.megalut.testing.TestImages;

/**
 * Writes a small GREAT3-format branch for tests: per subfield a grid×grid image of 48-px stamps with
 * sampled elliptical Gaussian galaxies (sizes and shapes varying with the position, offsets within
 * ±1 px) plus white noise, a 3×3 star field of Gaussian PSFs, the catalogs (txt and FITS) and the
 * shear truth.
 */
public final class TestBranch {
    public static final int STAMP = 48;

    private TestBranch() { }

    public static void write(Path dir, Path truth, int grid, int... subfields) throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(truth);
        for (int s : subfields) {
            GalaxyCatalog cat = GalaxyCatalog.grid(s, grid, STAMP);
            Image img = Image.zeros(grid * STAMP, grid * STAMP);
            for (int k = 0; k < cat.size(); k++) {
                double u = (k * 0.37 + s * 0.11) % 1.0;
                double cx = cat.x(k) + 0.5 + (u - 0.5);
                double cy = cat.y(k) + 0.5 + (0.5 - u) * 0.8;
                double size = 2.0 + 6.0 * u;
                double e = 0.4 * (u - 0.5);
                Image stamp = new Image(cat.x(k) - STAMP / 2 + 1, cat.y(k) - STAMP / 2 + 1, STAMP, STAMP);
                TestImages.addGaussian(stamp, 20 + 80 * u, cx, cy, size * (1 + e), 0.3 * e * size, size * (1 - e));
                img.paste(stamp);
            }
            TestImages.addNoise(img, 0.05, 1000 + s);
            try (OutputStream out = Files.newOutputStream(dir.resolve(BranchLayout.galaxyImage(s)))) {
                Great3Images.write(out, img);
            }
            Image stars = Image.zeros(3 * STAMP, 3 * STAMP);
            StarCatalog sc = StarCatalog.grid(3, STAMP);
            for (int k = 0; k < sc.size(); k++) {
                double off = k == 0 ? 0.0 : 0.3;
                TestImages.addGaussian(stars, 1.0, sc.x(k) + 0.5 + off, sc.y(k) + 0.5 - off, 2.0 + 0.1 * s, 0.05, 1.8);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(BranchLayout.starField(s)))) {
                Great3Images.write(out, stars);
            }
            cat.write(dir.resolve(BranchLayout.galaxyCatalogTxt(s)));
            cat.write(dir.resolve(BranchLayout.galaxyCatalogFits(s)));
            sc.write(dir.resolve(BranchLayout.starCatalogTxt(s)));
            sc.write(dir.resolve(BranchLayout.starCatalogFits(s)));
            if (!BranchLayout.isDeep(s)) {
                new ShearParams(0.01 * s, -0.005).write(truth.resolve(BranchLayout.shearParamsTxt(s)));
                new ShearParams(0.01 * s, -0.005).write(truth.resolve(BranchLayout.shearParamsYaml(s)));
                // GREAT3's PSF truth: HSM shape of the noiseless, centred star 0.
                AdaptiveMoments m = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS)
                        .measure(Stamps.stamp(stars, sc.x(0), sc.y(0), STAMP));
                new StarShapeParams(m.g1(), m.g2(), s, 0).write(truth.resolve(BranchLayout.starShapeParamsYaml(s)));
            }
        }
    }
}
