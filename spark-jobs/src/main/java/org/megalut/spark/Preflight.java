package org.megalut.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.great3.BranchLayout;

/**
 * Checks of a command's inputs made before Spark starts, so that a wrong path costs one line and no
 * cluster time instead of one error per subfield.
 */
public final class Preflight {
    private Preflight() { }

    /**
     * The branch directory exists and holds, for every selected subfield, the galaxy image, the star field
     * and both catalogues (text or FITS).
     *
     * @throws IllegalArgumentException naming the directory and the first missing files
     */
    public static void branch(RunSettings s, Configuration conf) throws IOException {
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
        if (!incomplete.isEmpty()) {
            throw new IllegalArgumentException("branch " + dir + " lacks " + incomplete.size() + " of the "
                    + s.subfields().length + " selected subfields (" + SubfieldStepRunner.ranges(incomplete) + "): no "
                    + String.join(", ", missing.subList(0, Math.min(4, missing.size())))
                    + (names.isEmpty() ? "; the directory is empty" : "") + " (select subfields with --subfields)");
        }
    }
}
