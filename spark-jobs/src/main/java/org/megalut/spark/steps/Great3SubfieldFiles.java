package org.megalut.spark.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.eval.variable.TruthCatalog;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.DictFormat;
import org.megalut.great3.EpochDither;
import org.megalut.great3.GalaxyCatalog;
import org.megalut.great3.Great3Images;
import org.megalut.great3.ShearParams;
import org.megalut.great3.ShearType;
import org.megalut.great3.StarCatalog;
import org.megalut.great3.StarShapeParams;
import org.megalut.great3.SubfieldOffset;
import org.megalut.image.Image;
import org.megalut.sim.great3.BranchGeometry;
import org.megalut.sim.great3.PlacedGalaxy;
import org.megalut.sim.great3.SubfieldConditions;
import org.megalut.sim.great3.SubfieldLensing;
import org.megalut.sim.great3.SubfieldSimulator;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.settings.SimSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1 of {@code great3-sim}, one subfield: its star field, catalogues and dict files in the branch,
 * its truth files (regular subfields only, as in GREAT3), and the selection of its galaxies.
 *
 * <p>The truth files follow GREAT3's shear type: a constant-shear subfield has {@code shear_params} and
 * {@code starshape_parameters}; a variable-shear subfield has none of these (its shear varies, and GREAT3
 * measured star shapes for the constant-shear metric only) but the per-galaxy truth catalogue
 * {@code galaxy_catalog-SSS.fits} (true reduced shear and intrinsic shape, grid order) and
 * {@code subfield_offset-SSS}, which place and shear each galaxy for the metric.
 */
final class Great3SubfieldFiles {
    private static final Logger LOG = LoggerFactory.getLogger(Great3SubfieldFiles.class);

    private Great3SubfieldFiles() { }

    /**
     * Writes the subfield's files and returns the truth of its galaxies.
     *
     * @param out      branch directory
     * @param truthOut truth directory
     */
    static List<GalaxyTruthRow> write(SimSettings sim, int s, String out, String truthOut, Configuration conf)
            throws IOException {
        long t0 = System.nanoTime();
        BranchGeometry g = sim.recipe().geometry();
        SubfieldSimulator simulator = SubfieldSimulators.of(sim, s);
        SubfieldConditions c = simulator.conditions();
        Image stars = simulator.starField();
        Path dir = new Path(out);
        write(conf, dir, BranchLayout.starField(s), os -> Great3Images.write(os, stars, g.pixelScale()));
        SubfieldLensing lensing = simulator.lensing();
        GalaxyCatalog cat = catalog(s, g, lensing);
        write(conf, dir, BranchLayout.galaxyCatalogTxt(s), cat::writeTxt);
        write(conf, dir, BranchLayout.galaxyCatalogFits(s), cat::writeFits);
        StarCatalog sc = StarCatalog.grid(g.starGrid(), g.stampSize());
        write(conf, dir, BranchLayout.starCatalogTxt(s), sc::writeTxt);
        write(conf, dir, BranchLayout.starCatalogFits(s), sc::writeFits);
        SubfieldOffset offset = lensing.offset();
        write(conf, dir, BranchLayout.subfieldOffsetYaml(s), os -> offset.write(os, DictFormat.YAML));
        write(conf, dir, BranchLayout.subfieldOffsetTxt(s), os -> offset.write(os, DictFormat.TXT));
        write(conf, dir, BranchLayout.epochDitherYaml(s), os -> EpochDither.ZERO.write(os, DictFormat.YAML));
        write(conf, dir, BranchLayout.epochDitherTxt(s), os -> EpochDither.ZERO.write(os, DictFormat.TXT));
        boolean variable = sim.recipe().lensing().shearType() == ShearType.VARIABLE;
        if (!BranchLayout.isDeep(s) && !variable) {
            // GREAT3's truth covers the regular subfields only.
            Path tdir = new Path(truthOut);
            ShearParams shear = new ShearParams(c.g1(), c.g2());
            write(conf, tdir, BranchLayout.shearParamsYaml(s), os -> shear.write(os, DictFormat.YAML));
            write(conf, tdir, BranchLayout.shearParamsTxt(s), os -> shear.write(os, DictFormat.TXT));
            StarShapeParams psf = simulator.starShape(stars);
            write(conf, tdir, BranchLayout.starShapeParamsYaml(s), os -> psf.write(os, DictFormat.YAML));
            write(conf, tdir, BranchLayout.starShapeParamsTxt(s), os -> psf.write(os, DictFormat.TXT));
        }
        List<PlacedGalaxy> placed = simulator.galaxies();
        List<GalaxyTruthRow> truth = new ArrayList<>(placed.size());
        int n = placed.size();
        double[][] columns = new double[4][n];
        long[] ids = new long[n];
        for (PlacedGalaxy p : placed) {
            int k = p.position();
            ids[k] = cat.id(k);
            double[] shear = lensing.shear(k % g.grid(), k / g.grid());
            // The row's conditions carry the galaxy's own shear: the subfield's in a constant-shear branch.
            truth.add(new GalaxyTruthRow(s, cat.id(k), cat.x(k), cat.y(k), p, c.withShear(shear[0], shear[1])));
            double[] intrinsic = p.params().intrinsicShape();
            columns[0][k] = shear[0];
            columns[1][k] = shear[1];
            columns[2][k] = intrinsic[0];
            columns[3][k] = intrinsic[1];
        }
        if (!BranchLayout.isDeep(s) && variable) {
            Path tdir = new Path(truthOut);
            TruthCatalog tc = new TruthCatalog(columns[0], columns[1], columns[2], columns[3]);
            write(conf, tdir, BranchLayout.galaxyCatalogFits(s), os -> tc.write(os, ids));
            write(conf, tdir, BranchLayout.subfieldOffsetYaml(s), os -> offset.write(os, DictFormat.YAML));
            write(conf, tdir, BranchLayout.subfieldOffsetTxt(s), os -> offset.write(os, DictFormat.TXT));
        }
        String shear = variable ? String.format("variable, offset (%.5f, %.5f) deg", offset.offsetDegX(), offset.offsetDegY())
                : String.format("(%.4f, %.4f)", c.g1(), c.g2());
        LOG.info("great3-sim subfield {}: seeing {}\", noise variance {}, shear {}, {} galaxies selected in {} s",
                s, String.format("%.3f", c.fwhm()), String.format("%.5f", c.noiseVariance()), shear, placed.size(),
                String.format("%.1f", (System.nanoTime() - t0) * 1e-9));
        return truth;
    }

    /**
     * The subfield's galaxy catalogue: GREAT3's grid of stamp positions with the IDs of its lensing (for
     * constant shear those of {@link GalaxyCatalog#grid}, for variable shear the galaxies' lattice
     * positions in their field).
     */
    private static GalaxyCatalog catalog(int s, BranchGeometry g, SubfieldLensing lensing) {
        GalaxyCatalog grid = GalaxyCatalog.grid(s, g.grid(), g.stampSize());
        int n = g.galaxies();
        int[] x = new int[n];
        int[] y = new int[n];
        long[] id = new long[n];
        for (int k = 0; k < n; k++) {
            x[k] = grid.x(k);
            y[k] = grid.y(k);
            id[k] = lensing.id(k % g.grid(), k / g.grid());
        }
        return new GalaxyCatalog(x, y, id);
    }

    /** Writes one file whole or not at all, without a checksum side file (a branch holds GREAT3's files only). */
    private static void write(Configuration conf, Path dir, String name, AtomicWrite.ToStream content)
            throws IOException {
        AtomicWrite.stream(new Path(dir, name), conf, content);
    }
}
