package org.megalut.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CommitteeIo;
import org.megalut.ml.committee.CommitteePrediction;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.io.LongTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ml-predict}: applies a trained committee to a long-form table. */
@Command(name = "ml-predict", mixinStandardHelpOptions = true,
        description = {"Predict with a committee: writes PRED (one row per case and realization; masked inputs give",
            "an empty prediction) and PRED with '-means' before the extension (one row per case: the mean over",
            "its unmasked realizations)."})
final class MlPredictCommand implements Callable<Integer> {

    @Option(names = "--committee", required = true, paramLabel = "DIR", description = "Directory written by ml-train.")
    String committee;

    @Option(names = "--data", required = true, paramLabel = "TABLE", description = "Table with the feature (and aux) columns.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "PRED", description = "Output table: CSV, or Parquet when it ends in .parquet.")
    String out;

    @Override
    public Integer call() throws Exception {
        Configuration hadoop = new Configuration();
        Path file = new Path(committee, "committee.json");
        Committee c;
        try (InputStream in = file.getFileSystem(hadoop).open(file)) {
            c = CommitteeIo.read(in);
        }
        LongTable table = LongTables.read(new Path(data), hadoop);
        CommitteePrediction p = c.predict(table);
        Path perRealization = new Path(out);
        Path means = new Path(perRealization.getParent(), withSuffix(perRealization.getName(), "-means"));
        LongTables.write(p.toLongTable(), perRealization, hadoop);
        LongTables.write(p.caseMeansTable(), means, hadoop);
        System.out.printf("ml-predict: %d rows -> %s and %s%n", table.rowCount(), perRealization, means);
        return 0;
    }

    static String withSuffix(String name, String suffix) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    }
}
