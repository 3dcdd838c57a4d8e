package org.megalut.spark.steps;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.ShearCatalog;
import org.megalut.eval.variable.TruthApertureMass;
import org.megalut.eval.variable.TruthCatalog;
import org.megalut.great3.SubfieldOffset;
import org.megalut.spark.PredictionRun;

/**
 * The files of one field (its 20 subfields) that the variable-shear steps read, on any Hadoop FileSystem:
 * a prediction run's shear catalogues and GREAT3's truth ({@code galaxy_catalog-SSS.fits},
 * {@code subfield_offset-SSS.yaml}).
 */
final class VariableFieldFiles {

    private VariableFieldFiles() { }

    /** The subfields of a field: 20·field .. 20·field + 19. */
    static int[] subfields(int field) {
        int[] s = new int[FieldLattice.SUBFIELDS_PER_FIELD];
        for (int j = 0; j < s.length; j++) {
            s[j] = field * FieldLattice.SUBFIELDS_PER_FIELD + j;
        }
        return s;
    }

    /** The field's shear catalogues, pooled in subfield order. */
    static ShearCatalog catalogue(PredictionRun run, int field, Configuration conf) throws IOException {
        List<ShearCatalog> parts = new ArrayList<>();
        for (int sf : subfields(field)) {
            Path p = run.shearCatalog(sf);
            try (Reader r = new InputStreamReader(open(p, conf, "shear catalogue"), StandardCharsets.US_ASCII)) {
                parts.add(ShearCatalog.read(r, p.toString(), ShearCatalog.Columns.WRITTEN));
            }
        }
        return ShearCatalog.concat(parts);
    }

    /** The truth of each of the field's subfields, in subfield order. */
    static List<TruthApertureMass.SubfieldTruth> truth(String truthDir, int field, Configuration conf)
            throws IOException {
        List<TruthApertureMass.SubfieldTruth> out = new ArrayList<>();
        for (int sf : subfields(field)) {
            Path cat = new Path(truthDir, TruthApertureMass.catalogName(sf));
            Path off = new Path(truthDir, TruthApertureMass.offsetName(sf));
            SubfieldOffset offset;
            try (InputStream in = open(off, conf, "truth file")) {
                offset = SubfieldOffset.read(in, off.toString());
            }
            try (InputStream in = open(cat, conf, "truth file")) {
                out.add(new TruthApertureMass.SubfieldTruth(offset, TruthCatalog.read(in, cat.toString())));
            }
        }
        return out;
    }

    /** The field's observed truth by galaxy ID ({@link TruthApertureMass#catalog}). */
    static ShearCatalog truthCatalogue(List<TruthApertureMass.SubfieldTruth> truth, int field, int gridSide) {
        int[] subs = subfields(field);
        List<ShearCatalog> parts = new ArrayList<>();
        for (int j = 0; j < subs.length; j++) {
            parts.add(TruthApertureMass.catalog(subs[j], truth.get(j), gridSide));
        }
        return ShearCatalog.concat(parts);
    }

    private static InputStream open(Path p, Configuration conf, String what) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new FileNotFoundException(p + ": " + what + " missing");
        }
        return fs.open(p);
    }
}
