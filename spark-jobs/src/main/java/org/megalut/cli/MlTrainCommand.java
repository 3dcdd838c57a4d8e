package org.megalut.cli;

import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.ml.committee.Committee;
import org.megalut.ml.committee.CommitteeIo;
import org.megalut.ml.committee.CommitteeTrainer;
import org.megalut.ml.committee.MlConfig;
import org.megalut.ml.data.LongTable;
import org.megalut.spark.io.LongTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ml-train}: trains a MegaLUT-style committee on any long-form feature table. */
@Command(name = "ml-train", mixinStandardHelpOptions = true,
        description = {"Train a noise-aware network committee on a long-form table (columns case, realization, the",
            "feature, target and aux columns; empty CSV field or Parquet null = masked). Writes DIR/committee.json."})
final class MlTrainCommand implements Callable<Integer> {

    @Option(names = "--conf", required = true, paramLabel = "ML.conf",
            description = "Network and data configs (HOCON), later ones overriding earlier ones, e.g. "
                    + "--conf conf/ml/sum55mass.conf --conf conf/ml/ada4g1.conf.")
    java.nio.file.Path[] conf;

    @Option(names = "--data", required = true, paramLabel = "TABLE", description = "Training table: CSV, or Parquet (.parquet file or directory).")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory of the committee.")
    String out;

    @Override
    public Integer call() throws Exception {
        MlConfig config = MlConfig.load(conf);
        Configuration hadoop = new Configuration();
        LongTable table = LongTables.read(new Path(data), hadoop);
        long t0 = System.nanoTime();
        Committee committee = CommitteeTrainer.train(config, table);
        double secs = (System.nanoTime() - t0) * 1e-9;
        Path dir = new Path(out);
        FileSystem fs = dir.getFileSystem(hadoop);
        fs.mkdirs(dir);
        Path file = new Path(dir, "committee.json");
        fs.setWriteChecksum(false);
        try (OutputStream os = fs.create(file, true)) {
            CommitteeIo.write(committee, os);
        }
        System.out.printf("ml-train: %d rows, %d members (selected %s, %d parameters each); trained in %.1f s; wrote %s%n",
                table.rowCount(), committee.members().size(), committee.selected(),
                committee.architecture().parameterCount(), secs, file);
        return 0;
    }
}
