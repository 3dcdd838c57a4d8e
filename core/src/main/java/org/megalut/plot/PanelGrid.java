package org.megalut.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/** Panels in a grid of rows × columns (filled row by row; cells left over stay blank), with an optional title. */
public final class PanelGrid implements Figure {
    static {
        Png.headless();
    }

    private final int rows;
    private final int cols;
    private final String title;
    private final List<Panel> panels = new ArrayList<>();

    /** @throws IllegalArgumentException unless rows and cols are positive */
    public PanelGrid(int rows, int cols, String title) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("a panel grid needs positive rows and columns, got " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.title = title;
    }

    /** One row of panels. */
    public static PanelGrid row(String title, Panel... panels) {
        PanelGrid g = new PanelGrid(1, Math.max(1, panels.length), title);
        for (Panel p : panels) {
            g.add(p);
        }
        return g;
    }

    /** @throws IllegalStateException when the grid is full */
    public PanelGrid add(Panel p) {
        if (panels.size() == rows * cols) {
            throw new IllegalStateException("the " + rows + " x " + cols + " grid is full");
        }
        panels.add(p);
        return this;
    }

    @Override
    public void writePng(OutputStream out, int width, int height) throws IOException {
        List<JFreeChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            charts.add(p.chart());
        }
        Png.write(charts, rows, cols, title, width, height, out);
    }
}
