package org.megalut.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PlotTest {

    /**
     * Decodes a PNG and checks its size; returns the number of distinct colours (sampled). With the
     * environment variable MEGALUT_PLOT_DUMP=DIR the figures are also written there, to look at.
     */
    static int colours(byte[] png, int width, int height) throws IOException {
        String dump = System.getenv("MEGALUT_PLOT_DUMP");
        if (dump != null) {
            Files.write(Path.of(dump, "plot-" + System.nanoTime() + ".png"), png);
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    static double[] ramp(int n, double a, double b) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        return v;
    }

    @Test
    void linePanelWithLogAxisRendersAtTheRequestedSize() throws Exception {
        double[] it = ramp(50, 1, 50);
        double[] c1 = new double[50];
        double[] c2 = new double[50];
        for (int i = 0; i < 50; i++) {
            c1[i] = Math.exp(-i / 10.0);
            c2[i] = 2 * Math.exp(-i / 12.0);
        }
        XyPanel p = new XyPanel("costs", "iteration", "cost").logY()
                .line("member 0", it, c1, LineStyle.colour(0))
                .line("member 0 valid", it, c2, LineStyle.colour(0).dashed())
                .line("", it, c2, LineStyle.colour(1).faint());
        assertTrue(colours(p.png(640, 400), 640, 400) > 10, "not blank");
    }

    @Test
    void scatterWithFitNoteAndBinsSkipsNaN() throws Exception {
        double[] x = ramp(200, -0.1, 0.1);
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            y[i] = 0.02 * x[i] + 1e-3 * Math.sin(i);
        }
        x[3] = Double.NaN;
        y[7] = Double.POSITIVE_INFINITY;
        XyPanel p = new XyPanel("residuals", "true g1", "pred - true").points("cases", x, y)
                .binnedMeans("binned", x, y, 8)
                .straightLine("fit", 0, 0.02, LineStyle.colour(3))
                .straightLine("", 0, 0, LineStyle.colour(7).dashed())
                .note("m = 0.020 +/- 0.001\nc = 0.0000\nRMSD = 0.001");
        assertTrue(colours(p.png(500, 400), 500, 400) > 10);
    }

    @Test
    void histogramsAndGrid() throws Exception {
        Random r = new Random(1);
        double[] a = new double[1000];
        double[] b = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = 0.5 + r.nextGaussian();
        }
        b[0] = Double.NaN;
        HistogramPanel h = new HistogramPanel("flux", "flux [ADU]").sample("sims", a).sample("obs", b).bins(20);
        XyPanel empty = new XyPanel("nothing", "x", "y").points("none", new double[] {Double.NaN}, new double[] {1});
        byte[] png = new PanelGrid(2, 2, "a grid").add(h).add(empty).add(new XyPanel("no layers", "x", "y")).png(800, 600);
        assertTrue(colours(png, 800, 600) > 10);
    }

    @Test
    void densitiesIntegrateToOne() {
        double[] d = HistogramPanel.density(new double[] {0.1, 0.2, 0.3, 0.9}, 4, 0, 1);
        assertArrayEquals(new double[] {2, 1, 0, 1}, d, 1e-12); // counts {2, 1, 0, 1} / (4 · 0.25)
    }

    @Test
    void emptyPanelsSayNoDataInsteadOfFailing() throws Exception {
        XyPanel p = new XyPanel("empty", "x", "y").logY().line("zeros", new double[] {1, 2}, new double[] {0, -1})
                .straightLine("fit", 0, 1, LineStyle.DEFAULT).note("n = 0");
        assertTrue(colours(p.png(300, 200), 300, 200) > 2, "the frame and the no-data message are drawn");
        assertTrue(colours(new HistogramPanel("h", "x").sample("none", new double[0]).png(300, 200), 300, 200) > 2);
    }

    @Test
    void badArgumentsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> new XyPanel("t", "x", "y").points("p", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new XyPanel("t", "x", "y").png(0, 100));
        assertThrows(IllegalArgumentException.class, () -> BinnedMeans.of(new double[2], new double[2], 0));
        assertThrows(IllegalStateException.class, () -> PanelGrid.row("r", new XyPanel("a", "", "")).add(new XyPanel("b", "", "")));
    }

    @Test
    void binnedMeansAndTheirErrors() {
        BinnedMeans b = BinnedMeans.of(new double[] {0, 0.1, 0.9, 1.0, Double.NaN}, new double[] {1, 3, 5, 5, 100}, 2);
        assertArrayEquals(new double[] {0.05, 0.95}, b.x(), 1e-12);
        assertArrayEquals(new double[] {2, 5}, b.mean(), 1e-12);
        // s = sqrt(2) for {1, 3}: error s / sqrt(2) = 1.
        assertArrayEquals(new double[] {1, 0}, b.error(), 1e-12);
        assertArrayEquals(new int[] {2, 2}, b.count());
    }
}
