package org.megalut.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.megalut.eval.variable.FieldLattice;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.TruthApertureMass;
import org.megalut.eval.variable.VariableShearMetric;
import org.megalut.eval.variable.VariableSubmission;
import org.megalut.great3.ObservationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qv}: GREAT3's variable-shear score of a submission file. */
@Command(name = "qv", mixinStandardHelpOptions = true,
        description = {"Score a GREAT3 variable-shear submission (lines 'field theta mapE mapB [err]') with GREAT3's"
                + " Q_v against the observed-truth aperture masses.",
            "--truth is either the branch's truth directory (galaxy_catalog-SSS.fits with g1, g2, g1_intrinsic,"
                + " g2_intrinsic, and subfield_offset-SSS.yaml for the 20 subfields of each field the submission"
                + " holds) or a reference table in the"
                + " submission layout (GREAT3's cached mapEobs file)."})
final class QvCommand implements Callable<Integer> {

    @Option(names = "--submission", required = true, paramLabel = "FILE", description = "Submission file (local).")
    Path submission;

    @Option(names = "--truth", required = true, paramLabel = "DIR|FILE",
            description = "Truth directory, or reference table file (local).")
    Path truth;

    @Option(names = "--obstype", defaultValue = "ground", paramLabel = "TYPE",
            description = "The branch's observation type, ground or space: sets sigma^2_min (default ${DEFAULT-VALUE}).")
    String obstype;

    @Option(names = "--json", description = "Print the metric as JSON (keys obstype, qv, mean_abs_diff, theta,"
            + " mean_diff) instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ObservationType type = ObservationType.byName(obstype);
        VariableSubmission sub = VariableSubmission.read(submission);
        VariableSubmission ref = Files.isDirectory(truth)
                ? TruthApertureMass.reference(truth, sub.fields(), FieldLattice.GRID, LatticeShearCorrelator.great3())
                : VariableSubmission.read(truth);
        VariableShearMetric.Result r = VariableShearMetric.evaluate(sub, ref, type);
        double[] diff = r.meanDiff();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("obstype", type.configName());
            root.put("qv", r.qv());
            root.put("mean_abs_diff", r.meanAbsDiff());
            ArrayNode theta = root.putArray("theta");
            ArrayNode md = root.putArray("mean_diff");
            for (int i = 0; i < diff.length; i++) {
                theta.add(VariableShearMetric.EXPECTED_THETA.get(VariableShearMetric.FIRST_USED_BIN + i));
                md.add(diff[i]);
            }
            System.out.println(mapper.writeValueAsString(root));
            return 0;
        }
        System.out.printf(Locale.ROOT, "Q_v (%s) = %.2f   mean |<dMap_E>_fields| = %.4e%n", type.configName(), r.qv(),
                r.meanAbsDiff());
        for (int i = 0; i < diff.length; i++) {
            System.out.printf(Locale.ROOT, "  theta %.4f deg: <submitted - truth Map_E> = %+.4e%n",
                    VariableShearMetric.EXPECTED_THETA.get(VariableShearMetric.FIRST_USED_BIN + i), diff[i]);
        }
        return 0;
    }
}
