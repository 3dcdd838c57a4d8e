package org.megalut.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Normalised histograms of several samples on common bins, drawn as overlaid step outlines (e.g. a
 * feature in the simulations and in the observations). Each sample is scaled to a probability
 * density, count / (N·bin width) with N its number of finite values, so samples of different sizes
 * compare directly; values outside the range are not drawn but still count in N. The default range is
 * the 0.5–99.5 percentile interval of the pooled finite values, so that a few outliers do not squash
 * the bulk.
 */
public final class HistogramPanel extends Panel {
    private final List<String> names = new ArrayList<>();
    private final List<double[]> samples = new ArrayList<>();
    private int bins = 30;
    private double lo = Double.NaN;
    private double hi = Double.NaN;

    /** A panel with a title and the x label (the variable, with units). */
    public HistogramPanel(String title, String xLabel) {
        super(title);
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = "density";
    }

    /** Adds a sample; non-finite values are ignored. */
    public HistogramPanel sample(String name, double[] values) {
        names.add(name == null ? "" : name);
        samples.add(Arrays.stream(values).filter(Double::isFinite).toArray());
        return this;
    }

    /** @throws IllegalArgumentException unless positive */
    public HistogramPanel bins(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of bins must be positive, got " + n);
        }
        this.bins = n;
        return this;
    }

    /** A fixed range [lo, hi] instead of the pooled percentile interval. */
    public HistogramPanel range(double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("histogram range needs low < high, got " + low + ", " + high);
        }
        this.lo = low;
        this.hi = high;
        return this;
    }

    /** Normalised densities of a sample on bins of [low, high]. */
    static double[] density(double[] values, int bins, double low, double high) {
        double[] density = new double[bins];
        if (values.length == 0) {
            return density;
        }
        double w = (high - low) / bins;
        for (double v : values) {
            if (v >= low && v <= high) {
                density[Math.min(bins - 1, (int) ((v - low) / w))]++;
            }
        }
        for (int b = 0; b < bins; b++) {
            density[b] /= values.length * w;
        }
        return density;
    }

    @Override
    JFreeChart chart() {
        double a = lo;
        double b = hi;
        if (Double.isNaN(a)) {
            double[] pooled = samples.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
            if (pooled.length > 0) {
                a = pooled[(int) Math.floor(0.005 * (pooled.length - 1))];
                b = pooled[(int) Math.ceil(0.995 * (pooled.length - 1))];
                if (a == b) {
                    a -= 0.5;
                    b += 0.5;
                }
            }
        }
        XYPlot plot = new XYPlot();
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        plot.setDomainAxis(x);
        plot.setRangeAxis(new NumberAxis(yLabel));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setNoDataMessage(NO_DATA);
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < samples.size(); k++) {
            XYSeries s = new XYSeries(names.get(k).isEmpty() ? "sample " + (k + 1) : names.get(k), false, true);
            if (samples.get(k).length > 0 && !Double.isNaN(a)) {
                double[] d = density(samples.get(k), bins, a, b);
                double w = (b - a) / bins;
                // Step outline: up at each bin's left edge, across, down after the last bin.
                s.add(a, 0.0);
                for (int i = 0; i < bins; i++) {
                    s.add(a + i * w, d[i]);
                    s.add(a + (i + 1) * w, d[i]);
                }
                s.add(b, 0.0);
            }
            ds.addSeries(s);
            r.setSeriesPaint(k, Palette.colour(k, false));
            r.setSeriesStroke(k, Palette.stroke(false, false));
        }
        plot.setDataset(ds);
        plot.setRenderer(r);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, !samples.isEmpty());
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        return chart;
    }
}
