package org.megalut.spark.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.DictFormat;
import org.megalut.great3.EpochDither;
import org.megalut.great3.GalaxyCatalog;
import org.megalut.great3.Great3Images;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarCatalog;
import org.megalut.great3.StarShapeParams;
import org.megalut.great3.SubfieldOffset;
import org.megalut.image.Image;
import org.megalut.sim.great3.BranchGeometry;
import org.megalut.sim.great3.PlacedGalaxy;
import org.megalut.sim.great3.SubfieldConditions;
import org.megalut.sim.great3.SubfieldSimulator;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.settings.SimSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1 of {@code great3-sim}, one subfield: its star field, catalogues and dict files in the branch,
 * its truth files (regular subfields only, as in GREAT3), and the selection of its galaxies.
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
        GalaxyCatalog cat = GalaxyCatalog.grid(s, g.grid(), g.stampSize());
        write(conf, dir, BranchLayout.galaxyCatalogTxt(s), cat::writeTxt);
        write(conf, dir, BranchLayout.galaxyCatalogFits(s), cat::writeFits);
        StarCatalog sc = StarCatalog.grid(g.starGrid(), g.stampSize());
        write(conf, dir, BranchLayout.starCatalogTxt(s), sc::writeTxt);
        write(conf, dir, BranchLayout.starCatalogFits(s), sc::writeFits);
        write(conf, dir, BranchLayout.subfieldOffsetYaml(s), os -> SubfieldOffset.ZERO.write(os, DictFormat.YAML));
        write(conf, dir, BranchLayout.subfieldOffsetTxt(s), os -> SubfieldOffset.ZERO.write(os, DictFormat.TXT));
        write(conf, dir, BranchLayout.epochDitherYaml(s), os -> EpochDither.ZERO.write(os, DictFormat.YAML));
        write(conf, dir, BranchLayout.epochDitherTxt(s), os -> EpochDither.ZERO.write(os, DictFormat.TXT));
        if (!BranchLayout.isDeep(s)) {
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
        for (PlacedGalaxy p : placed) {
            int k = p.position();
            truth.add(new GalaxyTruthRow(s, cat.id(k), cat.x(k), cat.y(k), p, c));
        }
        LOG.info("great3-sim subfield {}: seeing {}\", noise variance {}, shear ({}, {}), {} galaxies selected in {} s",
                s, String.format("%.3f", c.fwhm()), String.format("%.5f", c.noiseVariance()),
                String.format("%.4f", c.g1()), String.format("%.4f", c.g2()), placed.size(),
                String.format("%.1f", (System.nanoTime() - t0) * 1e-9));
        return truth;
    }

    /** Writes one file whole or not at all, without a checksum side file (a branch holds GREAT3's files only). */
    private static void write(Configuration conf, Path dir, String name, AtomicWrite.ToStream content)
            throws IOException {
        AtomicWrite.stream(new Path(dir, name), conf, content);
    }
}
