package org.megalut.spark.io;

import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.megalut.plot.Figure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes diagnostic figures next to a step's outputs, on any Hadoop FileSystem. A figure is a by-product:
 * when it cannot be made (e.g. an executor without fonts) the failure is logged as a warning and the step
 * goes on, its real outputs intact.
 */
public final class FigureFiles {
    private static final Logger LOG = LoggerFactory.getLogger(FigureFiles.class);

    private FigureFiles() { }

    /**
     * Builds the figure and writes it as PNG (atomically) to {@code file}.
     *
     * @param width  [px]
     * @param height [px]
     * @return whether the figure was written
     */
    public static boolean write(Path file, Configuration conf, int width, int height,
                                Supplier<Figure> figure) {
        try {
            Figure f = figure.get();
            AtomicWrite.stream(file, conf, out -> f.writePng(out, width, height));
            return true;
        } catch (Exception | LinkageError e) {
            LOG.warn("figure {} not written: {}", file, e.toString());
            return false;
        }
    }
}
