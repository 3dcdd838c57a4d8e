package org.megalut.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import org.megalut.great3.BranchLayout;
import org.megalut.great3.SubfieldSelection;
import org.megalut.spark.settings.RunSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the pipeline steps; each overrides the corresponding configuration key. */
public final class CommonOptions {

    @Mixin
    ConfigOptions base;

    @Option(names = "--branch", paramLabel = "DIR", description = "GREAT3-format branch directory (any Hadoop FileSystem URI).")
    String branch;

    @Option(names = "--truth", paramLabel = "DIR", description = "Directory with the truth files, if any.")
    String truth;

    @Option(names = "--workdir", paramLabel = "URI", description = "Output root (file:, hdfs:, s3a: ...).")
    String workdir;

    @Option(names = "--subfields", paramLabel = "LIST",
            description = "Subfields, e.g. 0-199 or 0-4,200-204 (200-204 are the deep subfields).")
    String subfields;

    @Option(names = "--force", description = "Redo subfields whose outputs already exist and validate.")
    boolean force;

    /** The merged configuration with these options applied. */
    public Config config() {
        Config c = base.config();
        c = override(c, "branch.dir", branch);
        c = override(c, "branch.truth", truth);
        c = override(c, "workdir", workdir);
        c = override(c, "branch.subfields", subfields);
        return c;
    }

    /** Typed settings of this invocation, read once from its merged configuration ({@link #config}). */
    public RunSettings settings() {
        Config c = config();
        int[] selected = SubfieldSelection.parse(c.getString("branch.subfields"));
        BranchLayout.requireValid(selected);
        RunSettings s = RunSettings.from(c, selected, base.master, force);
        try {
            return s.qualified(s.hadoopConfiguration());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot resolve the branch, truth or work directory: " + e.getMessage(), e);
        }
    }

    private static Config override(Config c, String key, String value) {
        return value == null ? c : ConfigFactory.empty().withValue(key, ConfigValueFactory.fromAnyRef(value)).withFallback(c);
    }
}
