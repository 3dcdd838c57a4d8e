package org.megalut.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.megalut.config.StrictConfig;
import org.megalut.spark.TestSpark;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.settings.RunSettings;
import org.megalut.spark.settings.SimSettings;
import org.megalut.spark.steps.Great3SimStep;

/** A whole pipeline small enough for a test: 6×6-galaxy subfields, tiny datasets, 2-member committees. */
public final class TinyPipeline {
    public static final int GRID = 6;

    private TinyPipeline() { }

    /** Generates the subfields of a branch and its truth with great3-sim. */
    public static void branch(Path branch, Path truth, long seed, int... subfields) throws Exception {
        branch(branch.toString(), truth.toString(), seed, subfields);
    }

    /** The same, onto any Hadoop file system URI. */
    public static void branch(String branch, String truth, long seed, int... subfields) throws Exception {
        Config simConf = StrictConfig.merge(ConfigFactory.parseMap(Map.of("branch.grid", GRID,
                "great3-sim.band-rows", 3, "great3-sim.seed", seed)),
                StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"), "test");
        Great3SimStep.run(TestSpark.get(), SimSettings.from(simConf), subfields, branch, truth);
    }

    /** Writes the configuration (and its two network files) into {@code dir}; returns its path. */
    public static Path config(Path dir, Path branch, Path truth, String subfields) throws Exception {
        String small = "training { members = 2, mbloops = 2, maxiter = 15 }\nselection.bestn = 1\n";
        Path shearNet = dir.resolve("shear-net.conf");
        Path weightNet = dir.resolve("weight-net.conf");
        Files.writeString(shearNet, shipped("ml/sum55mass.conf") + small);
        Files.writeString(weightNet, shipped("ml/sum33wmass.conf") + small);
        Path conf = dir.resolve("tiny-" + subfields + ".conf");
        Files.writeString(conf, String.join("\n",
                "branch { dir = \"" + branch.toUri() + "\", truth = \"" + truth.toUri() + "\", subfields = \"" + subfields
                        + "\", grid = " + GRID + " }",
                "measure.band-rows = 3",
                "spark.shuffle-partitions = 2",
                "datasets {",
                "  train-shear { n = 30, nc = 5, nrea = 2 }",
                "  train-weight { n = 10, nc = 5, ncat = 6, snc = 2 }",
                "  mimic-great3 { n = 18, nc = 6 }",
                "}",
                "learn.network = \"" + shearNet + "\"",
                "learn-weights.network = \"" + weightNet + "\"",
                ""));
        return conf;
    }

    /** The committee set directories of a kind ({@code shear}, {@code weight}) in a work directory, sorted. */
    public static List<Path> sets(Path work, String kind) throws IOException {
        List<Path> out = new ArrayList<>();
        Path root = work.resolve(WorkdirLayout.committeesName(kind));
        try (Stream<Path> datasets = Files.list(root)) {
            for (Path d : datasets.toList()) {
                try (Stream<Path> names = Files.list(d)) {
                    out.addAll(names.filter(Files::isDirectory).toList());
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The one committee set of a kind in a work directory. */
    public static Path set(Path work, String kind) throws IOException {
        List<Path> all = sets(work, kind);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + kind + " committee set in " + work + ", found " + all);
        }
        return all.get(0);
    }

    static String shipped(String name) throws Exception {
        try (var in = TinyPipeline.class.getResourceAsStream("/org/megalut/conf/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
