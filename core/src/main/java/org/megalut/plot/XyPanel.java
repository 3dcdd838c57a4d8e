package org.megalut.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * An x–y panel built from layers drawn in the order added: lines (e.g. cost per iteration), points
 * (e.g. prediction vs truth per case), means with error bars, straight lines y = a + b·x across the
 * data's x range (fits, references), and a text note in the upper-left corner. Points with a
 * non-finite coordinate are skipped, and so are points with y ≤ 0 on a logarithmic y axis. Layers
 * with an empty name do not appear in the legend.
 */
public final class XyPanel extends Panel {
    private final List<Layer> layers = new ArrayList<>();
    private boolean logY;
    private boolean integerX;
    private double yLow = Double.NaN;
    private double yHigh = Double.NaN;
    private String note;
    private int nextColour;

    private record Layer(Kind kind, String name, double[] x, double[] y, double[] err, LineStyle style, int colour) { }

    private enum Kind { LINE, POINTS, ERRORS, STRAIGHT }

    /** A panel with a title and axis labels (units in the labels, e.g. "sigma [px]"). */
    public XyPanel(String title, String xLabel, String yLabel) {
        super(title);
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
    }

    /** Logarithmic y axis (base 10). */
    public XyPanel logY() {
        this.logY = true;
        return this;
    }

    /** Integer ticks on the x axis (e.g. subfield numbers). */
    public XyPanel integerX() {
        this.integerX = true;
        return this;
    }

    /**
     * A fixed y range instead of the automatic one (e.g. [0, …] for fractions, which the automatic range
     * would blow up around a constant).
     *
     * @throws IllegalArgumentException unless low &lt; high, both finite
     */
    public XyPanel yRange(double low, double high) {
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("y range needs finite low < high, got " + low + ", " + high);
        }
        this.yLow = low;
        this.yHigh = high;
        return this;
    }

    /** A line through the points in the given order, in the next palette colour. */
    public XyPanel line(String name, double[] x, double[] y) {
        return line(name, x, y, LineStyle.DEFAULT);
    }

    /** A line through the points in the given order. */
    public XyPanel line(String name, double[] x, double[] y, LineStyle style) {
        checkLengths(x, y);
        layers.add(new Layer(Kind.LINE, name, x.clone(), y.clone(), null, style, colourOf(style)));
        return this;
    }

    /** Unconnected points (small translucent dots), in the next palette colour. */
    public XyPanel points(String name, double[] x, double[] y) {
        checkLengths(x, y);
        layers.add(new Layer(Kind.POINTS, name, x.clone(), y.clone(), null, LineStyle.DEFAULT, colourOf(LineStyle.DEFAULT)));
        return this;
    }

    /** Points with symmetric y error bars ±err (a non-finite error draws the point without a bar). */
    public XyPanel errorBars(String name, double[] x, double[] y, double[] err) {
        checkLengths(x, y);
        checkLengths(x, err);
        layers.add(new Layer(Kind.ERRORS, name, x.clone(), y.clone(), err.clone(), LineStyle.DEFAULT,
                colourOf(LineStyle.DEFAULT)));
        return this;
    }

    /** Means of y in {@code bins} equal-width bins of x, with their standard errors ({@link BinnedMeans}). */
    public XyPanel binnedMeans(String name, double[] x, double[] y, int bins) {
        BinnedMeans b = BinnedMeans.of(x, y, bins);
        return errorBars(name, b.x(), b.mean(), b.error());
    }

    /** The straight line y = intercept + slope·x across the x range of the other layers' data. */
    public XyPanel straightLine(String name, double intercept, double slope, LineStyle style) {
        layers.add(new Layer(Kind.STRAIGHT, name, new double[] {intercept}, new double[] {slope}, null, style,
                colourOf(style)));
        return this;
    }

    /** A text note in the upper-left corner of the plot area (lines separated by \n). */
    public XyPanel note(String text) {
        this.note = text;
        return this;
    }

    private int colourOf(LineStyle style) {
        return style.colour() >= 0 ? style.colour() : nextColour++;
    }

    static void checkLengths(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
    }

    private boolean shown(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }

    /** {min, max} of the drawn y values (NaN, NaN without any). */
    private double[] yRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Layer l : layers) {
            if (l.kind() != Kind.STRAIGHT) {
                for (int i = 0; i < l.x().length; i++) {
                    if (shown(l.x()[i], l.y()[i])) {
                        lo = Math.min(lo, l.y()[i]);
                        hi = Math.max(hi, l.y()[i]);
                    }
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }

    @Override
    JFreeChart chart() {
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        if (integerX) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ValueAxis yAxis;
        if (logY) {
            LogAxis a = new LogAxis(yLabel);
            a.setSmallestValue(1e-300);
            double[] yr = yRange();
            if (yr[1] / yr[0] >= 100) {
                // Two decades or more: one tick per decade, labelled 10^k, rather than fractional powers.
                a.setTickUnit(new NumberTickUnit(1.0), false, true);
            } else {
                a.setNumberFormatOverride(new DecimalFormat("0.##E0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            }
            yAxis = a;
        } else {
            NumberAxis a = new NumberAxis(yLabel);
            a.setAutoRangeIncludesZero(false);
            yAxis = a;
        }
        if (!Double.isNaN(yLow)) {
            yAxis.setRange(yLow, yHigh);
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setNoDataMessage(NO_DATA);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Layer l : layers) {
            if (l.kind() != Kind.STRAIGHT) {
                for (int i = 0; i < l.x().length; i++) {
                    if (shown(l.x()[i], l.y()[i])) {
                        lo = Math.min(lo, l.x()[i]);
                        hi = Math.max(hi, l.x()[i]);
                    }
                }
            }
        }
        boolean hasData = lo <= hi;
        boolean legend = false;
        int index = 0;
        for (Layer l : layers) {
            if (l.kind() == Kind.STRAIGHT && !hasData) {
                continue;
            }
            String key = l.name() == null || l.name().isEmpty() ? " " : l.name();
            boolean inLegend = !key.isBlank();
            legend |= inLegend;
            Color colour = Palette.colour(l.colour(), l.style().isFaint());
            if (l.kind() == Kind.ERRORS) {
                YIntervalSeries s = new YIntervalSeries(key, false, true);
                for (int i = 0; i < l.x().length; i++) {
                    if (shown(l.x()[i], l.y()[i])) {
                        double e = Double.isFinite(l.err()[i]) ? Math.abs(l.err()[i]) : 0.0;
                        s.add(l.x()[i], l.y()[i], logY ? Math.max(l.y()[i] - e, l.y()[i] * 1e-3) : l.y()[i] - e,
                                l.y()[i] + e);
                    }
                }
                YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
                ds.addSeries(s);
                XYErrorRenderer r = new XYErrorRenderer();
                r.setDefaultLinesVisible(false);
                r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                r.setSeriesPaint(0, colour);
                r.setErrorPaint(colour);
                r.setErrorStroke(new BasicStroke(1.5f));
                r.setCapLength(5);
                r.setSeriesVisibleInLegend(0, inLegend);
                plot.setDataset(index, ds);
                plot.setRenderer(index, r);
            } else {
                XYSeries s = new XYSeries(key, false, true);
                if (l.kind() == Kind.STRAIGHT) {
                    double a = l.x()[0];
                    double b = l.y()[0];
                    s.add(lo, a + b * lo);
                    s.add(hi, a + b * hi);
                } else {
                    for (int i = 0; i < l.x().length; i++) {
                        if (shown(l.x()[i], l.y()[i])) {
                            s.add(l.x()[i], l.y()[i]);
                        }
                    }
                }
                boolean points = l.kind() == Kind.POINTS;
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(!points, points);
                if (points) {
                    r.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
                    r.setSeriesPaint(0, Palette.withAlpha(colour, 140));
                } else {
                    r.setSeriesPaint(0, colour);
                    r.setSeriesStroke(0, Palette.stroke(l.style().isDashed(), l.style().isFaint()));
                }
                r.setSeriesVisibleInLegend(0, inLegend);
                plot.setDataset(index, new XYSeriesCollection(s));
                plot.setRenderer(index, r);
            }
            index++;
        }
        if (note != null && !note.isEmpty() && hasData) {
            TextTitle t = new TextTitle(note, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            t.setBackgroundPaint(new Color(255, 255, 255, 210));
            t.setPadding(new RectangleInsets(3, 5, 3, 5));
            t.setTextAlignment(HorizontalAlignment.LEFT);
            plot.addAnnotation(new XYTitleAnnotation(0.02, 0.98, t, RectangleAnchor.TOP_LEFT));
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
        return chart;
    }
}
