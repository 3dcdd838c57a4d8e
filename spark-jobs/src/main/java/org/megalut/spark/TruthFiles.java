package org.megalut.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarShapeParams;

/** Reads GREAT3 truth files ({@code .yaml}, else {@code .txt}) from a directory on any Hadoop FileSystem. */
public final class TruthFiles {

    private TruthFiles() { }

    /** The PSF shape truth of a subfield, or null when the directory has neither file. */
    public static StarShapeParams starShape(String truthDir, int subfield, Configuration conf) throws IOException {
        Path p = find(truthDir, conf, BranchLayout.starShapeParamsYaml(subfield), BranchLayout.starShapeParamsTxt(subfield));
        if (p == null) {
            return null;
        }
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return StarShapeParams.read(in, p.toString());
        }
    }

    /**
     * The applied shear of a subfield.
     *
     * @throws FileNotFoundException naming both candidate files when neither exists
     */
    public static ShearParams shear(String truthDir, int subfield, Configuration conf) throws IOException {
        String yaml = BranchLayout.shearParamsYaml(subfield);
        String txt = BranchLayout.shearParamsTxt(subfield);
        Path p = find(truthDir, conf, yaml, txt);
        if (p == null) {
            throw new FileNotFoundException("no shear truth for subfield " + subfield + ": neither "
                    + new Path(truthDir, yaml) + " nor " + txt + " exists");
        }
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return ShearParams.read(in, p.toString());
        }
    }

    private static Path find(String dir, Configuration conf, String... names) throws IOException {
        Path d = new Path(dir);
        FileSystem fs = d.getFileSystem(conf);
        for (String n : names) {
            Path p = new Path(d, n);
            if (fs.exists(p)) {
                return p;
            }
        }
        return null;
    }
}
