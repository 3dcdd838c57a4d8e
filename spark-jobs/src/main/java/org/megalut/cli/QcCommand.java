package org.megalut.cli;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.eval.BranchEvaluation;
import org.megalut.eval.ConstantShearMetric;
import org.megalut.eval.LineFit;
import org.megalut.great3.ObservationType;
import org.megalut.great3.ShearParams;
import org.megalut.great3.StarShapeParams;
import org.megalut.great3.SubfieldSelection;
import org.megalut.great3.Submission;
import org.megalut.great3.SubmissionRow;
import org.megalut.spark.TruthFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qc}: GREAT3's constant-shear score of any submission file against a truth directory. */
@Command(name = "qc", mixinStandardHelpOptions = true,
        description = {"Score a GREAT3 constant-shear submission (lines 'subfield g1 g2') against the truth files",
            "shear_params-SSS and starshape_parameters-SSS-0: Q_c and the biases m, c in the PSF frame."})
final class QcCommand implements Callable<Integer> {

    @Option(names = "--submission", required = true, paramLabel = "FILE", description = "Submission file.")
    String submission;

    @Option(names = "--truth", required = true, paramLabel = "DIR", description = "Directory with the truth files.")
    String truth;

    @Option(names = "--obstype", defaultValue = "ground", paramLabel = "TYPE",
            description = "The branch's observation type, ground or space: sets the metric's sigma^2_min"
                    + " (default ${DEFAULT-VALUE}).")
    String obstype;

    @Option(names = "--json", description = "Print the metric as JSON (keys obstype, subfields, m_plus, m_plus_err,"
            + " c_plus, c_plus_err, m_cross, m_cross_err, c_cross, c_cross_err, qc) instead of text.")
    boolean json;

    @Option(names = "--subfields", defaultValue = "0-199", paramLabel = "LIST",
            description = "Subfields the file must list, in order (default ${DEFAULT-VALUE}, as GREAT3 requires).")
    String subfields;

    @Override
    public Integer call() throws Exception {
        ObservationType type = ObservationType.byName(obstype);
        Configuration conf = new Configuration();
        Path p = new Path(submission);
        Submission sub;
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            sub = Submission.read(in, p.toString(), SubfieldSelection.parse(subfields));
        }
        List<SubmissionRow> rows = sub.rows();
        int n = rows.size();
        double[] tg1 = new double[n];
        double[] tg2 = new double[n];
        double[] sg1 = new double[n];
        double[] sg2 = new double[n];
        double[] pg1 = new double[n];
        double[] pg2 = new double[n];
        for (int i = 0; i < n; i++) {
            SubmissionRow r = rows.get(i);
            ShearParams s = TruthFiles.shear(truth, r.subfield(), conf);
            StarShapeParams psf = TruthFiles.starShape(truth, r.subfield(), conf);
            tg1[i] = s.g1();
            tg2[i] = s.g2();
            sg1[i] = r.g1();
            sg2[i] = r.g2();
            // No PSF truth counts as a round PSF, as GREAT3 treats a flagged shape.
            pg1[i] = psf == null ? StarShapeParams.FAILED : psf.psfG1();
            pg2[i] = psf == null ? StarShapeParams.FAILED : psf.psfG2();
        }
        ConstantShearMetric.Result res = ConstantShearMetric.evaluate(tg1, tg2, sg1, sg2, pg1, pg2, type);
        if (json) {
            System.out.println(BranchEvaluation.json(res, type, n));
            return 0;
        }
        System.out.printf(Locale.ROOT, "Q_c (%s) = %.2f over %d subfields%n", type.configName(), res.qc(), n);
        print("+", res.plus());
        print("x", res.cross());
        return 0;
    }

    private static void print(String component, LineFit f) {
        System.out.printf(Locale.ROOT, "  m%s = %+.5f +/- %.5f   c%s = %+.6f +/- %.6f%n", component, f.slope(),
                f.slopeError(), component, f.intercept(), f.interceptError());
    }
}
