package org.megalut.spark.steps;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.ShearCatalog;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.PredictionRun;
import org.megalut.spark.StepOutcome;
import org.megalut.spark.SubfieldRunner;
import org.megalut.spark.SubfieldState;
import org.megalut.spark.io.AtomicWrite;
import org.megalut.spark.io.LongTables;
import org.megalut.spark.settings.Fingerprint;
import org.megalut.spark.settings.RunSettings;

/**
 * {@code shear-catalog}: each subfield's predictions of a prediction run as GREAT3's variable-shear
 * catalogue ({@link ShearCatalog#write}), {@code results/<predcode>/shear-catalog/catalog-SSS.txt}:
 * one line per galaxy of the subfield, in ascending ID order, with ID, g1 = {@code pre_s1},
 * g2 = {@code pre_s2} and weight = (w₁ + w₂)/2 of the weight committees' {@code pre_s1w}, {@code pre_s2w}
 * (GREAT3 takes one weight per galaxy; the two components' weights estimate the same inverse variance).
 * Every galaxy of the subfield is written, as GREAT3 checks that all IDs are present: one whose
 * measurement or prediction failed (NaN) is flagged as GREAT3 asks ({@link ShearCatalog#ofEstimates}).
 */
public final class ShearCatalogStep {
    /** How the catalogue's weight is made, recorded in the completion fingerprint. */
    static final String WEIGHT = "(pre_s1w + pre_s2w) / 2";

    private ShearCatalogStep() { }

    public static StepOutcome run(SparkSession spark, RunSettings s, PredictionRun run) throws IOException {
        Configuration hconf = spark.sparkContext().hadoopConfiguration();
        SubfieldState predicted = new SubfieldState(new Path(s.workdir()), run.predictStep(), hconf);
        int galaxies = s.grid().grid() * s.grid().grid();
        Fingerprint settings = Fingerprint.of().with("shear-catalog.weight", WEIGHT).with("branch.grid", s.grid().grid());
        SerializableConfiguration conf = new SerializableConfiguration(hconf);
        return SubfieldRunner.tasks(spark, s, run.shearCatalogStep(), sf -> predicted.appendTo(settings, sf), sf -> {
            Path in = run.predictions(sf);
            ShearCatalog c = catalog(LongTables.read(in, conf.value()), sf, galaxies, in.toString());
            AtomicWrite.stream(run.shearCatalog(sf), conf.value(), out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
                c.write(w);
            });
        });
    }

    /**
     * The catalogue of one subfield's predictions (case = galaxy ID), in ascending ID order.
     *
     * @param galaxies the number of galaxies the subfield has (branch.grid²)
     * @param name     the predictions' file, for messages
     * @throws IllegalArgumentException naming the file when the table lacks a prediction column, does not
     *                                  have one row per galaxy, or holds an ID of another subfield
     */
    static ShearCatalog catalog(LongTable t, int subfield, int galaxies, String name) {
        for (String c : new String[] {"pre_s1", "pre_s2", "pre_s1w", "pre_s2w"}) {
            if (!t.columns().contains(c)) {
                throw new IllegalArgumentException(name + ": no column " + c + "; found " + t.columns());
            }
        }
        int n = t.rowCount();
        if (n != galaxies) {
            throw new IllegalArgumentException(name + ": " + n + " galaxies, expected " + galaxies
                    + " (branch.grid²): GREAT3 needs every galaxy of the subfield in the catalogue");
        }
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.comparingLong(t::caseId));
        long[] id = new long[n];
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int r = order[i];
            id[i] = t.caseId(r);
            int owner = FieldLattice.decode(id[i]).subfield();
            if (owner != subfield) {
                throw new IllegalArgumentException(name + ": galaxy ID " + id[i] + " belongs to subfield " + owner
                        + ", not " + subfield + " (a variable-shear ID is SSSXXXYYY)");
            }
            g1[i] = t.value(r, "pre_s1");
            g2[i] = t.value(r, "pre_s2");
            w[i] = 0.5 * (t.value(r, "pre_s1w") + t.value(r, "pre_s2w"));
        }
        return ShearCatalog.ofEstimates(id, g1, g2, w);
    }
}
