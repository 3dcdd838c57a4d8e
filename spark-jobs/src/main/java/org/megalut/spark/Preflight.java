package org.megalut.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.fits.FitsImageHeader;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.ObservationType;
import org.megalut.spark.io.HadoopSource;
import org.megalut.spark.settings.RunSettings;

/**
 * Checks of a command's inputs made before Spark starts, so that a wrong path costs one line and no
 * cluster time instead of one error per subfield.
 */
public final class Preflight {
    private Preflight() { }

    /**
     * The branch directory exists and holds, for every selected subfield, the galaxy image, the star field
     * and both catalogues (text or FITS). A multi-epoch branch is said so on {@code out}: the pipeline, like
     * MegaLUT, measures epoch 0 only.
     *
     * @throws IllegalArgumentException naming the directory and the first missing files
     */
    public static void branch(RunSettings s, PrintStream out) throws IOException {
        Configuration conf = s.hadoopConfiguration();
        Path dir = new Path(s.requireBranch());
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.exists(dir)) {
            throw new IllegalArgumentException("branch directory " + dir + " does not exist");
        }
        if (!fs.getFileStatus(dir).isDirectory()) {
            throw new IllegalArgumentException("branch " + dir + " is not a directory");
        }
        Set<String> names = new HashSet<>();
        for (FileStatus f : fs.listStatus(dir)) {
            names.add(f.getPath().getName());
        }
        List<Integer> incomplete = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int sf : s.subfields()) {
            List<String> lacks = new ArrayList<>();
            for (String f : List.of(BranchLayout.galaxyImage(sf), BranchLayout.starField(sf))) {
                if (!names.contains(f)) {
                    lacks.add(f);
                }
            }
            if (!names.contains(BranchLayout.galaxyCatalogTxt(sf)) && !names.contains(BranchLayout.galaxyCatalogFits(sf))) {
                lacks.add(BranchLayout.galaxyCatalogTxt(sf));
            }
            if (!names.contains(BranchLayout.starCatalogTxt(sf)) && !names.contains(BranchLayout.starCatalogFits(sf))) {
                lacks.add(BranchLayout.starCatalogTxt(sf));
            }
            if (!lacks.isEmpty()) {
                incomplete.add(sf);
                if (missing.size() < 4) {
                    missing.addAll(lacks);
                }
            }
        }
        if (incomplete.isEmpty() && s.subfields().length > 0) {
            requireGeometry(s, new Path(dir, BranchLayout.galaxyImage(s.subfields()[0])), conf);
        }
        reportEpochs(dir, s.subfields(), names, out);
        if (!incomplete.isEmpty()) {
            throw new IllegalArgumentException("branch " + dir + " lacks " + incomplete.size() + " of the "
                    + s.subfields().length + " selected subfields (" + SubfieldRunner.ranges(incomplete) + "): no "
                    + String.join(", ", missing.subList(0, Math.min(4, missing.size())))
                    + (names.isEmpty() ? "; the directory is empty" : "") + " (select subfields with --subfields)");
        }
    }

    /** Says when selected subfields have images of epochs after 0, which no step reads. */
    private static void reportEpochs(Path dir, int[] subfields, Set<String> names, PrintStream out) {
        int withEpochs = 0;
        int maxEpochs = 1;
        String example = null;
        for (int sf : subfields) {
            int epochs = 1;
            while (names.contains(BranchLayout.galaxyImage(sf, epochs))) {
                epochs++;
            }
            if (epochs > 1) {
                withEpochs++;
                maxEpochs = Math.max(maxEpochs, epochs);
                example = example == null ? BranchLayout.galaxyImage(sf, 1) : example;
            }
        }
        if (withEpochs > 0) {
            out.println("note: " + dir + " is a multi-epoch branch (" + withEpochs + " of the " + subfields.length
                    + " selected subfields have up to " + maxEpochs + " epochs, e.g. " + example + "); as MegaLUT, the pipeline measures epoch 0 only"
                    + " and does not use the other epochs");
        }
    }

    /**
     * The branch's geometry is the configuration's: the first galaxy image is branch.grid × stamp-size
     * pixels square (the images of a branch share one size; a task still checks each one it reads), and its
     * pixel scale, when the header states it, is that of branch.obstype.
     */
    private static void requireGeometry(RunSettings s, Path image, Configuration conf) throws IOException {
        int stamp = s.grid().stampSize();
        FitsImageHeader h;
        try (HadoopSource src = HadoopSource.open(image, conf)) {
            h = FitsImageHeader.read(src);
        } catch (IOException | RuntimeException e) {
            return; // an unreadable image fails its own subfield, with the reason, when measured
        }
        int expected = s.grid().grid() * stamp;
        if (h.naxis1() != expected || h.naxis2() != expected) {
            String fits = h.naxis1() == h.naxis2() && h.naxis1() % stamp == 0
                    ? "; with branch.stamp-size = " + stamp + " that is a grid of " + h.naxis1() / stamp
                    + " (set branch.grid = " + h.naxis1() / stamp + ")" : "";
            throw new IllegalArgumentException(image + " is " + h.naxis1() + "x" + h.naxis2() + " pixels, but branch.grid = "
                    + s.grid().grid() + " and branch.stamp-size = " + stamp + " make " + expected + "x" + expected + fits);
        }
        // GalSim writes the pixel scale as GS_SCALE; GREAT3's images carry it, other writers may not.
        ObservationType obstype = s.grid().obstype();
        if (h.has("GS_SCALE") && Math.abs(h.doubleValue("GS_SCALE") - obstype.pixelScale()) > 1e-6) {
            double scale = h.doubleValue("GS_SCALE");
            String hint = Arrays.stream(ObservationType.values()).filter(t -> Math.abs(t.pixelScale() - scale) <= 1e-6)
                    .map(t -> " (" + scale + "\" pixels are GREAT3 " + t.configName() + " branches: set branch.obstype = "
                            + t.configName() + " and branch.stamp-size = " + t.stampSize() + ")")
                    .findFirst().orElse("");
            throw new IllegalArgumentException(image + " has GS_SCALE = " + scale + " arcsec per pixel, but branch.obstype = "
                    + obstype.configName() + " expects " + obstype.pixelScale() + hint);
        }
    }
}
