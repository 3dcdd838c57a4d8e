package org.megalut.eval.variable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.megalut.great3.ObservationType;

/**
 * The evaluation of a prediction run on a variable-shear branch ({@code evaluate}): GREAT3's Q_v of its
 * submission against the reference aperture masses of the fields it covers, the per-field and per-θ
 * differences, and the noise reference of Q_v ({@link VariableNoiseReference}); written as
 * {@code metrics.json} and read back by the report.
 */
public final class VariableEvaluation {
    /** The value of {@code shear_type} in the JSON, telling a variable-shear evaluation from a constant one. */
    public static final String SHEAR_TYPE = "variable";

    private VariableEvaluation() { }

    /**
     * An evaluation.
     *
     * @param obstype    the branch's observation type (which sets σ²_min)
     * @param submission the run's submission (its fields)
     * @param reference  the reference aperture masses of the same fields
     * @param metric     Q_v and the field-averaged differences
     * @param noise      the noise reference of Q_v
     * @param galaxies   galaxies in the run's catalogue
     * @param failed     of which failed GREAT3's test (no estimate)
     */
    public record Result(ObservationType obstype, VariableSubmission submission, VariableSubmission reference,
                         VariableShearMetric.Result metric, VariableNoiseReference.Result noise, long galaxies,
                         long failed) {
        /** The fields evaluated, ascending. */
        public int[] fields() {
            return reference.fields();
        }
    }

    /** Evaluates a submission against its reference and puts the noise reference beside. */
    public static Result evaluate(VariableSubmission submission, VariableSubmission reference, ObservationType obstype,
                                  VariableNoiseReference.Result noise, long galaxies, long failed) {
        return new Result(obstype, submission, reference, VariableShearMetric.evaluate(submission, reference, obstype),
                noise, galaxies, failed);
    }

    /** Prints Q_v, its noise reference and the field-averaged M_ap,E differences over the bins Q_v uses. */
    public static void print(Result r, PrintStream out) {
        int[] fields = r.fields();
        out.printf(Locale.ROOT, "evaluate: %d field(s) %s, %d galaxies (%d failed, %.2f %%)%n", fields.length,
                Arrays.toString(fields), r.galaxies(), r.failed(),
                r.galaxies() == 0 ? Double.NaN : 100.0 * r.failed() / r.galaxies());
        VariableNoiseReference.Result n = r.noise();
        out.printf(Locale.ROOT, "  Q_v (%s) = %.1f   noise reference (unbiased, same per-galaxy scatter %.3f, %.3f):"
                + " %.1f [%.1f, %.1f] over %d realizations%n", r.obstype().configName(), r.metric().qv(),
                n.scatter().sigma1(), n.scatter().sigma2(), n.median(), n.min(), n.max(), n.realizations());
        out.printf(Locale.ROOT, "  mean |<M_ap,E submitted - reference>_fields| = %.3e%n", r.metric().meanAbsDiff());
        double[] theta = r.reference().theta();
        double[] d = r.metric().meanDiff();
        out.println("  theta [deg]   <D(theta)>_fields");
        for (int k = 0; k < d.length; k++) {
            out.printf(Locale.ROOT, "  %10.4f   %+.3e%n", theta[VariableShearMetric.FIRST_USED_BIN + k], d[k]);
        }
    }

    /**
     * The evaluation as JSON: run, shear_type, obstype, fields, galaxies, failed, qv, mean_abs_diff,
     * theta_used and mean_diff (the field-averaged differences over the bins Q_v uses), noise_reference
     * (median, min, max, qv per realization, sigma1, sigma2, galaxies the scatter was measured on, seed),
     * and per field: theta, map_e, map_b, sigma_map of the submission, map_e_reference and diff (all 15 θ).
     */
    public static String json(Result r, String label) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("run", label);
        root.put("shear_type", SHEAR_TYPE);
        root.put("obstype", r.obstype().configName());
        ArrayNode fields = root.putArray("fields");
        for (int f : r.fields()) {
            fields.add(f);
        }
        root.put("galaxies", r.galaxies());
        root.put("failed", r.failed());
        root.put("qv", r.metric().qv());
        root.put("mean_abs_diff", r.metric().meanAbsDiff());
        double[] theta = r.reference().theta();
        ArrayNode used = root.putArray("theta_used");
        ArrayNode mean = root.putArray("mean_diff");
        double[] d = r.metric().meanDiff();
        for (int k = 0; k < d.length; k++) {
            used.add(theta[VariableShearMetric.FIRST_USED_BIN + k]);
            mean.add(d[k]);
        }
        VariableNoiseReference.Result n = r.noise();
        ObjectNode noise = root.putObject("noise_reference");
        noise.put("median", n.median()).put("min", n.min()).put("max", n.max());
        ArrayNode qv = noise.putArray("qv");
        for (double q : n.qv()) {
            qv.add(q);
        }
        noise.put("sigma1", n.scatter().sigma1()).put("sigma2", n.scatter().sigma2())
                .put("galaxies", n.scatter().galaxies()).put("seed", n.seed());
        ArrayNode per = root.putArray("per_field");
        VariableSubmission s = r.submission();
        double[] e = s.mapE();
        double[] b = s.mapB();
        double[] sig = s.sigMap();
        double[] ref = r.reference().mapE();
        int[] f = s.field();
        int bins = VariableShearMetric.BINS;
        for (int i = 0; i < s.rows(); i += bins) {
            ObjectNode o = per.addObject();
            o.put("field", f[i]);
            ArrayNode[] cols = {o.putArray("theta"), o.putArray("map_e"), o.putArray("map_b"), o.putArray("sigma_map"),
                o.putArray("map_e_reference"), o.putArray("diff")};
            for (int k = i; k < i + bins; k++) {
                cols[0].add(theta[k]);
                cols[1].add(e[k]);
                cols[2].add(b[k]);
                cols[3].add(sig[k]);
                cols[4].add(ref[k]);
                cols[5].add(e[k] - ref[k]);
            }
        }
        return json.writeValueAsString(root);
    }

    /**
     * Reads what {@link #json} wrote.
     *
     * @param name the file's name, for messages
     * @throws IllegalArgumentException naming the file when it is not a variable-shear evaluation
     */
    public static Result fromJson(String text, String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(text);
        if (!SHEAR_TYPE.equals(root.path("shear_type").asText())) {
            throw new IllegalArgumentException(name + ": not a variable-shear evaluation (shear_type = '"
                    + root.path("shear_type").asText() + "', expected '" + SHEAR_TYPE + "')");
        }
        ObservationType obstype = ObservationType.byName(root.path("obstype").asText());
        JsonNode per = root.path("per_field");
        int bins = VariableShearMetric.BINS;
        int rows = per.size() * bins;
        int[] field = new int[rows];
        double[][] c = new double[5][rows];
        String[] keys = {"theta", "map_e", "map_b", "sigma_map", "map_e_reference"};
        for (int i = 0; i < per.size(); i++) {
            JsonNode o = per.get(i);
            for (int k = 0; k < bins; k++) {
                field[i * bins + k] = o.path("field").asInt();
                for (int j = 0; j < keys.length; j++) {
                    c[j][i * bins + k] = o.path(keys[j]).path(k).asDouble(Double.NaN);
                }
            }
        }
        double[] nan = new double[rows];
        Arrays.fill(nan, Double.NaN);
        VariableSubmission submission = new VariableSubmission(field, c[0], c[1], c[2], c[3]);
        VariableSubmission reference = new VariableSubmission(field, c[0], c[4], nan, nan);
        JsonNode n = root.path("noise_reference");
        List<Double> qv = new ArrayList<>();
        n.path("qv").forEach(q -> qv.add(q.asDouble()));
        VariableNoiseReference.Result noise = VariableNoiseReference.Result.of(
                qv.stream().mapToDouble(Double::doubleValue).toArray(),
                new VariableNoiseReference.Scatter(n.path("sigma1").asDouble(), n.path("sigma2").asDouble(),
                        n.path("galaxies").asLong()), n.path("seed").asLong());
        return evaluate(submission, reference, obstype, noise, root.path("galaxies").asLong(),
                root.path("failed").asLong());
    }
}
