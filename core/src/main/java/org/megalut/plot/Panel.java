package org.megalut.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * One chart with a title and axis labels. Panels hold their data (copies of the arrays given) and build
 * the chart only when rendered. A panel with no finite data to show renders as a framed "no data"
 * chart rather than failing: a figure is a by-product of a step and must never abort it; invalid
 * arguments (arrays of different lengths, sizes ≤ 0) are errors.
 */
public abstract class Panel implements Figure {
    /** Text shown in a panel with nothing to draw. */
    public static final String NO_DATA = "no data";

    static {
        Png.headless();
    }

    final String title;
    String xLabel = "";
    String yLabel = "";

    Panel(String title) {
        this.title = title == null ? "" : title;
    }

    /** Builds the chart (package-private: callers only see our API). */
    abstract JFreeChart chart();

    @Override
    public void writePng(OutputStream out, int width, int height) throws IOException {
        Png.write(List.of(chart()), 1, 1, null, width, height, out);
    }
}
