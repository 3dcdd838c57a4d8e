package org.megalut.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/** Colours and strokes shared by the panels (Tableau 10 colours: distinguishable, also in grey print). */
final class Palette {
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private Palette() { }

    /** The k-th colour (cycling), made translucent when faint. */
    static Color colour(int k, boolean faint) {
        Color c = COLOURS[Math.floorMod(k, COLOURS.length)];
        return faint ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 80) : c;
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static Stroke stroke(boolean dashed, boolean faint) {
        float w = faint ? 1.0f : 1.8f;
        return dashed ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(w);
    }
}
