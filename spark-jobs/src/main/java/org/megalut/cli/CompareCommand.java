package org.megalut.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.megalut.spark.SparkSessions;
import org.megalut.spark.io.OutputComparison;
import org.megalut.spark.io.OutputComparison.Item;
import org.megalut.spark.io.OutputComparison.Status;
import org.megalut.spark.settings.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare}: whether two output trees hold the same results (a rerun, a cluster run, another machine). */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two output trees (work directories, branches) on any Hadoop FileSystem: Parquet tables",
            "by content, text files number by number, other files byte for byte; bookkeeping names (_*, .*) are",
            "left out. Exit status 0 when everything agrees, 1 when something differs."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FIRST", description = "First tree (directory URI).")
    String first;

    @Parameters(index = "1", paramLabel = "SECOND", description = "Second tree (directory URI).")
    String second;

    @Option(names = "--relative", defaultValue = "0", paramLabel = "R",
            description = "Relative tolerance for numbers (default ${DEFAULT-VALUE}: bit-identical).")
    double relative;

    @Option(names = "--ignore", paramLabel = "GLOB", description = "Relative paths to leave out, e.g. '**.png' (repeatable).")
    List<String> ignore = new ArrayList<>();

    @Mixin
    ConfigOptions base;

    @Option(names = "--all", description = "List every item, not only those that differ.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = RunSettings.from(base.config(), new int[0], base.master, false);
        try (SparkSessions.Lease lease = SparkSessions.lease(settings, "compare")) {
            SparkSession spark = lease.spark();
            OutputComparison.Result r = new OutputComparison(spark, relative, ignore).compare(new Path(first), new Path(second));
            for (Item i : r.items()) {
                if (all || (i.status() != Status.IDENTICAL && i.status() != Status.WITHIN_TOLERANCE)) {
                    System.out.printf("%-16s %s%s%n", i.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), i.path(),
                            i.detail().isEmpty() ? "" : "  " + i.detail());
                }
            }
            System.out.printf(Locale.ROOT, "%d identical, %d within tolerance (worst relative difference %.3g), %d different,"
                    + " %d only in the first, %d only in the second%n", r.count(Status.IDENTICAL), r.count(Status.WITHIN_TOLERANCE),
                    r.worstRelative(), r.count(Status.DIFFERENT), r.count(Status.ONLY_IN_FIRST), r.count(Status.ONLY_IN_SECOND));
            return r.agrees() ? 0 : ExitCodes.SOME_FAILED;
        }
    }
}
