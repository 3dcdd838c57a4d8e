package org.megalut.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.eval.GroupedSubfield;
import org.megalut.eval.LineFit;
import org.megalut.eval.PairedBias;
import org.megalut.spark.io.GroupTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paired-bias}: the difference of two prediction runs' biases on the same subfields. */
@Command(name = "paired-bias", mixinStandardHelpOptions = true,
        description = {"The bias of a second prediction run relative to a first on the same subfields (same true",
            "shears): per component, the per-subfield difference of the mean shears fitted as",
            "dg = dc + dm g_true, weighted and unweighted. Noise common to both runs cancels: use it to compare",
            "two recipes on one branch, or one branch rendered twice with a changed population."})
final class PairedBiasCommand implements Callable<Integer> {

    @Option(names = "--first", required = true, paramLabel = "CSV", description = "group.csv of the reference run.")
    String first;

    @Option(names = "--second", required = true, paramLabel = "CSV", description = "group.csv of the compared run.")
    String second;

    @Option(names = "--json", description = "Print JSON (weighted/unweighted: dm1, dm1_err, dc1, dc1_err, dm2, ...,"
            + " subfields) instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Configuration conf = new Configuration();
        List<GroupedSubfield> a = GroupTable.read(new Path(first), conf);
        List<GroupedSubfield> b = GroupTable.read(new Path(second), conf);
        PairedBias w = PairedBias.of(a, b, true);
        PairedBias u = PairedBias.of(a, b, false);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("subfields", w.g1().n());
            put(root.putObject("weighted"), w);
            put(root.putObject("unweighted"), u);
            System.out.println(mapper.writeValueAsString(root));
            return 0;
        }
        System.out.printf(Locale.ROOT, "second minus first, %d subfields (fit of dg = dc + dm g_true, 68 %% errors):%n",
                w.g1().n());
        for (PairedBias p : List.of(w, u)) {
            System.out.printf(Locale.ROOT, "  %s:%n", p.weighted() ? "weighted" : "unweighted");
            print("1", p.g1());
            print("2", p.g2());
        }
        return 0;
    }

    private static void put(ObjectNode n, PairedBias p) {
        n.put("dm1", p.g1().slope()).put("dm1_err", p.g1().slopeError()).put("dc1", p.g1().intercept())
                .put("dc1_err", p.g1().interceptError());
        n.put("dm2", p.g2().slope()).put("dm2_err", p.g2().slopeError()).put("dc2", p.g2().intercept())
                .put("dc2_err", p.g2().interceptError());
    }

    private static void print(String k, LineFit f) {
        System.out.printf(Locale.ROOT, "    dm%s = %+.4f +/- %.4f   dc%s = %+.5f +/- %.5f%n", k, f.slope(), f.slopeError(), k,
                f.intercept(), f.interceptError());
    }
}
