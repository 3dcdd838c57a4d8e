package org.megalut.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.eval.CaseMeans;
import org.megalut.eval.CaseTable;
import org.megalut.eval.LineFit;
import org.megalut.eval.PairedValidation;
import org.megalut.spark.WorkdirLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paired-validation}: two recipes' validations of the same simulation, compared case by case. */
@Command(name = "paired-validation", mixinStandardHelpOptions = true,
        description = {"The bias of a second recipe relative to a first, both validated on the same simulation",
            "(the validate or validate-weights directories of two prediction runs on one work directory,",
            "results/<predcode>/validate/<shear|weights>): per subfield and component, the per-case difference",
            "of the mean shears fitted as dg = dc + dm g, then the inverse-variance mean over the subfields.",
            "The simulation's noise cancels: it resolves recipe differences far below each validation's errors."})
final class PairedValidationCommand implements Callable<Integer> {

    @Option(names = "--first", required = true, paramLabel = "DIR", description = "Validation directory of the reference run.")
    String first;

    @Option(names = "--second", required = true, paramLabel = "DIR", description = "Validation directory of the compared run.")
    String second;

    @Option(names = "--json", description = "Print JSON (weighted/unweighted: per-subfield dm, dm_err, dc, dc_err per"
            + " component, and their means) instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Configuration conf = new Configuration();
        Map<Integer, Map<String, CaseMeans>> a = read(new Path(first), conf);
        Map<Integer, Map<String, CaseMeans>> b = read(new Path(second), conf);
        List<PairedValidation> results = new ArrayList<>();
        if (hasWeights(a) && hasWeights(b)) {
            results.add(PairedValidation.of(a, b, true));
        }
        results.add(PairedValidation.of(a, b, false));
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("subfields", a.size());
            for (PairedValidation p : results) {
                put(root.putObject(p.weighted() ? "weighted" : "unweighted"), p);
            }
            System.out.println(mapper.writeValueAsString(root));
            return 0;
        }
        System.out.printf(Locale.ROOT, "second minus first on the same simulation, %d subfields (per case: dg = dc + dm g,"
                + " 68 %% errors):%n", a.size());
        for (PairedValidation p : results) {
            System.out.printf(Locale.ROOT, "  %s:%n", p.weighted() ? "weighted" : "unweighted");
            for (PairedValidation.SubfieldFit f : p.subfields()) {
                print(Integer.toString(f.subfield()), f.component(), f.fit().slope(), f.fit().slopeError(),
                        f.fit().intercept(), f.fit().interceptError(), "");
            }
            for (PairedValidation.ComponentMean m : p.means()) {
                print("mean", m.component(), m.dm().value(), m.dm().error(), m.dc().value(), m.dc().error(),
                        String.format(Locale.ROOT, "   chi2 dm %.1f, dc %.1f for %d dof", m.dm().chi2(), m.dc().chi2(),
                                m.dm().n() - 1));
            }
        }
        return 0;
    }

    /** Every subfield=S directory's cases.csv under a validation directory. */
    static Map<Integer, Map<String, CaseMeans>> read(Path dir, Configuration conf) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": expected a validation directory (results/<predcode>/validate/"
                    + "<shear|weights>), found " + (fs.exists(dir) ? "a file" : "nothing"));
        }
        Map<Integer, Map<String, CaseMeans>> out = new TreeMap<>();
        String prefix = WorkdirLayout.SUBFIELD + "=";
        for (FileStatus st : fs.listStatus(dir)) {
            String name = st.getPath().getName();
            if (!st.isDirectory() || !name.startsWith(prefix)) {
                continue;
            }
            Path csv = new Path(st.getPath(), "cases.csv");
            if (!fs.exists(csv)) {
                throw new IllegalArgumentException(csv + ": no per-case table (validated before cases.csv was written?"
                        + " rerun the validation with --force)");
            }
            try (InputStream in = fs.open(csv)) {
                out.put(Integer.parseInt(name.substring(prefix.length())), CaseTable.read(in, csv.toString()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no " + prefix + "S directory with a cases.csv");
        }
        return out;
    }

    private static boolean hasWeights(Map<Integer, Map<String, CaseMeans>> t) {
        return t.values().stream().flatMap(m -> m.values().stream())
                .allMatch(c -> Arrays.stream(c.weightedMean()).anyMatch(Double::isFinite));
    }

    private static void put(ObjectNode n, PairedValidation p) {
        ArrayNode rows = n.putArray("subfields");
        for (PairedValidation.SubfieldFit f : p.subfields()) {
            LineFit l = f.fit();
            rows.addObject().put("subfield", f.subfield()).put("component", f.component()).put("dm", l.slope())
                    .put("dm_err", l.slopeError()).put("dc", l.intercept()).put("dc_err", l.interceptError())
                    .put("cases", l.n());
        }
        ArrayNode means = n.putArray("mean");
        for (PairedValidation.ComponentMean m : p.means()) {
            means.addObject().put("component", m.component()).put("dm", m.dm().value()).put("dm_err", m.dm().error())
                    .put("dm_chi2", m.dm().chi2()).put("dc", m.dc().value()).put("dc_err", m.dc().error())
                    .put("dc_chi2", m.dc().chi2()).put("subfields", m.dm().n());
        }
    }

    private static void print(String subfield, String component, double dm, double dmErr, double dc, double dcErr,
                              String tail) {
        System.out.printf(Locale.ROOT, "    %8s %4s  dm = %+.5f +/- %.5f   dc = %+.6f +/- %.6f%s%n", subfield, component,
                dm, dmErr, dc, dcErr, tail);
    }
}
