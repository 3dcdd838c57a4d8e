package org.megalut.spark;

import java.io.IOException;
import java.io.InputStream;
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
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.TruthApertureMass;
import org.megalut.eval.variable.TruthCatalog;
import org.megalut.fits.FitsImageHeader;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.ObservationType;
import org.megalut.great3.ShearType;
import org.megalut.great3.SubfieldOffset;
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

    /** Subfields whose offsets the shear-type check reads at most (the files are tiny; a few decide). */
    private static final int OFFSETS_CHECKED = 3;

    /**
     * The branch's files agree with {@code branch.shear-type}. What tells the two apart in GREAT3's layout:
     * <ul>
     *   <li>the branch's {@code subfield_offset-SSS.yaml} (or {@code .txt}): a variable-shear field of 20
     *       subfields gives each subfield but its first a distinct non-zero offset, while a constant-shear
     *       branch is made of one-subfield fields whose offsets are all zero. Read for up to three selected
     *       subfields that are not the first of their field (nothing to read when only first subfields are
     *       selected, or the files are absent);</li>
     *   <li>with a truth directory, the truth catalogue {@code galaxy_catalog-SSS.fits} of the first selected
     *       regular subfield: its true shear ({@code g1}, {@code g2}) varies from galaxy to galaxy on a
     *       variable-shear branch and is one value on a constant-shear one; a variable-shear truth must have
     *       it (Q_v reads it).</li>
     * </ul>
     *
     * @throws IllegalArgumentException naming the file, what it holds, the key and the fix
     */
    public static void shearType(RunSettings s) throws IOException {
        Configuration conf = s.hadoopConfiguration();
        ShearType type = s.grid().shearType();
        String key = "branch.shear-type = " + type.configName();
        if (s.branchDir() != null && !s.branchDir().isBlank()) {
            Path dir = new Path(s.branchDir());
            int read = 0;
            for (int sf : s.subfields()) {
                if (read == OFFSETS_CHECKED) {
                    break;
                }
                if (BranchLayout.isDeep(sf) || sf % FieldLattice.SUBFIELDS_PER_FIELD == 0) {
                    continue;
                }
                Path p = firstExisting(dir, conf, BranchLayout.subfieldOffsetYaml(sf), BranchLayout.subfieldOffsetTxt(sf));
                if (p == null) {
                    continue;
                }
                read++;
                SubfieldOffset o;
                try (InputStream in = p.getFileSystem(conf).open(p)) {
                    o = SubfieldOffset.read(in, p.toString());
                }
                boolean zero = o.offsetDegX() == 0 && o.offsetDegY() == 0;
                if (type == ShearType.VARIABLE && zero) {
                    throw new IllegalArgumentException(p + ": offset_deg_x = 0, offset_deg_y = 0 for subfield " + sf
                            + ", which is not the first of its field: a constant-shear branch (a variable-shear field"
                            + " offsets each of its other subfields), but " + key
                            + "; set branch.shear-type = constant, or give the variable-shear branch");
                }
                if (type == ShearType.CONSTANT && !zero) {
                    throw new IllegalArgumentException(p + ": offset_deg_x = " + o.offsetDegX() + ", offset_deg_y = "
                            + o.offsetDegY() + ": a variable-shear branch (constant-shear subfields have no offset),"
                            + " but " + key + "; set branch.shear-type = variable");
                }
            }
        }
        if (s.truthDir() == null || s.truthDir().isBlank()) {
            return;
        }
        int first = -1;
        for (int sf : s.subfields()) {
            if (!BranchLayout.isDeep(sf)) {
                first = sf;
                break;
            }
        }
        if (first < 0) {
            return;
        }
        Path truth = new Path(s.truthDir(), TruthApertureMass.catalogName(first));
        FileSystem fs = truth.getFileSystem(conf);
        if (!fs.exists(truth)) {
            if (type == ShearType.VARIABLE) {
                throw new IllegalArgumentException(truth + " does not exist: a variable-shear truth holds each"
                        + " subfield's galaxy_catalog-SSS.fits (true shear per galaxy, read for Q_v), but " + key
                        + "; give the variable-shear truth with --truth, or set branch.shear-type = constant");
            }
            return;
        }
        TruthCatalog c;
        try (InputStream in = fs.open(truth)) {
            c = TruthCatalog.read(in, truth.toString());
        } catch (IOException e) {
            if (type == ShearType.VARIABLE) {
                throw e;
            }
            return; // not a truth catalogue Q_v could read, so not a variable-shear one: nothing contradicts
        }
        boolean varies = varies(c.g1()) || varies(c.g2());
        if (type == ShearType.VARIABLE && !varies) {
            throw new IllegalArgumentException(truth + ": columns g1, g2 hold one shear (" + c.g1()[0] + ", " + c.g2()[0]
                    + ") for all " + c.size() + " galaxies: a constant-shear truth, but " + key
                    + "; set branch.shear-type = constant, or give the variable-shear truth with --truth");
        }
        if (type == ShearType.CONSTANT && varies) {
            throw new IllegalArgumentException(truth + ": columns g1, g2 vary from galaxy to galaxy: a variable-shear"
                    + " truth, but " + key + "; set branch.shear-type = variable");
        }
    }

    private static boolean varies(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return true;
            }
        }
        return false;
    }

    private static Path firstExisting(Path dir, Configuration conf, String... names) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        for (String n : names) {
            Path p = new Path(dir, n);
            if (fs.exists(p)) {
                return p;
            }
        }
        return null;
    }
}
