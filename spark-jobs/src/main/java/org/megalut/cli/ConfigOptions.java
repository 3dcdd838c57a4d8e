package org.megalut.cli;

import com.typesafe.config.Config;
import java.io.File;
import org.megalut.config.StrictConfig;
import org.megalut.spark.settings.RunSettings;
import picocli.CommandLine.Option;

/** {@code --conf} and {@code --master}, shared by every command that runs Spark with the pipeline's settings. */
final class ConfigOptions {

    /** Classpath resource holding every setting with its default. */
    static final String DEFAULTS = "/megalut-defaults.conf";

    @Option(names = "--conf", paramLabel = "FILE",
            description = "HOCON configuration merged over the defaults shipped in the jar (unknown keys are errors).")
    File conf;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: what spark-submit set, else spark.master of the configuration, local[*]).")
    String master;

    /** The defaults with the {@code --conf} file merged over them. */
    Config config() {
        Config defaults = StrictConfig.defaults(ConfigOptions.class, DEFAULTS);
        return conf == null ? defaults : StrictConfig.load(conf, defaults, RunSettings.NAMED_SECTIONS);
    }
}
