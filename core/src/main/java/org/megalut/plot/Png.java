package org.megalut.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** Draws charts into an image and encodes it as PNG; the one place that touches AWT images. */
final class Png {

    static {
        // Executors and CI machines have no display: AWT must not look for one. An explicit setting wins.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Png() { }

    /** Makes sure the headless setting above is applied before any chart object touches AWT. */
    static void headless() {
        // Class initialisation does the work.
    }

    /**
     * Draws the charts in a rows × cols grid (row-major; null cells stay blank), with an optional title
     * strip on top, and writes the PNG.
     */
    static void write(List<JFreeChart> charts, int rows, int cols, String title, int width, int height,
                      OutputStream out) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + " x " + height);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int top = 0;
            if (title != null && !title.isEmpty()) {
                top = Math.min(height / 4, 28);
                g.setColor(Color.BLACK);
                g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
                int w = g.getFontMetrics().stringWidth(title);
                g.drawString(title, Math.max(4, (width - w) / 2), top - 8);
            }
            double cw = (double) width / cols;
            double ch = (double) (height - top) / rows;
            for (int i = 0; i < charts.size(); i++) {
                if (charts.get(i) != null) {
                    int r = i / cols;
                    int c = i % cols;
                    charts.get(i).draw(g, new Rectangle2D.Double(c * cw, top + r * ch, cw, ch));
                }
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available in this JVM");
        }
    }
}
