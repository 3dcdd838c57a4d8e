/**
 * PNG figures for the pipeline's diagnostics (cost histories, self-predictions, validation residuals,
 * feature histograms), rendered headless with JFreeChart behind a small API: {@link org.megalut.plot.XyPanel}
 * (lines, points, binned means with error bars, straight lines, a note), {@link org.megalut.plot.HistogramPanel}
 * (normalised histograms overlaid), {@link org.megalut.plot.PanelGrid}; each is a
 * {@link org.megalut.plot.Figure} written to any {@link java.io.OutputStream}. Non-finite values are skipped;
 * a panel with nothing to draw shows "no data" instead of failing.
 */
package org.megalut.plot;
