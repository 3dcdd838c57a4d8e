package org.megalut.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.megalut.eval.ShearBias;
import org.megalut.eval.ValidationLeakage;

class ReportFiguresTest {

    @Test
    void featureHistogramsDrawEachFeatureAndSkipMissingOnes() throws Exception {
        double[] a = PlotTest.ramp(500, 0, 1);
        double[] b = PlotTest.ramp(300, 0.2, 1.4);
        b[3] = Double.NaN;
        Map<String, Map<String, double[]>> samples = new LinkedHashMap<>();
        samples.put("observations", Map.of("adamom_flux", a, "snr", a));
        samples.put("train-weight", Map.of("adamom_flux", b));
        PanelGrid g = ReportFigures.featureHistograms("features", List.of("adamom_flux", "snr", "skymad", "adamom_g1"),
                samples);
        assertTrue(PlotTest.colours(g.png(900, 600), 900, 600) > 10, "not blank");
    }

    @Test
    void residualsWithAndWithoutFitsAndNaNs() throws Exception {
        double[] t = {0.01, -0.02, 0.03, 0.04, -0.05};
        double[] e = {0.011, -0.021, Double.NaN, 0.041, -0.049};
        ShearBias fit = ShearBias.fit(t, e);
        List<ReportFigures.Residuals> w = List.of(new ReportFigures.Residuals("g1, weighted", "true g1", t, e, fit),
                new ReportFigures.Residuals("g2, weighted", "true g2", t, new double[5], null));
        List<ReportFigures.Residuals> u = List.of(new ReportFigures.Residuals("g1", "true g1", t, e, null),
                new ReportFigures.Residuals("g2", "true g2", new double[] {Double.NaN, Double.NaN, 0, 0, 0},
                        new double[5], null));
        assertTrue(PlotTest.colours(ReportFigures.residuals("residuals", w, u).png(800, 700), 800, 700) > 10);
        assertTrue(PlotTest.colours(ReportFigures.residuals("one column", w, List.of()).png(400, 500), 400, 500) > 10);
        assertThrows(IllegalArgumentException.class, () -> ReportFigures.residuals("x", w, u.subList(0, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportFigures.Residuals("bad", "", new double[2], new double[3], null));
    }

    @Test
    void psfResidualsSurviveAllNaNAndTooFewPoints() throws Exception {
        double[] psf1 = {0.01, -0.02, 0.005, 0.0};
        double[] psf2 = {0.0, 0.01, Double.NaN, -0.01};
        double[][] dw = {{1e-3, -2e-3, 5e-4, 0}, {0, 1e-3, 2e-3, -1e-3}};
        double[][] du = {{Double.NaN, Double.NaN, Double.NaN, Double.NaN}, {0, 0, 0, 0}};
        assertTrue(PlotTest.colours(ReportFigures.psfResiduals("psf", psf1, psf2, dw, du, "PSF g").png(800, 700),
                800, 700) > 10);
        double[] nan = {Double.NaN, Double.NaN};
        double[][] two = {nan, nan};
        assertTrue(PlotTest.colours(ReportFigures.psfResiduals("empty", nan, nan, two, two, "PSF g").png(400, 300),
                400, 300) > 2, "a 'no data' figure, not a failure");
    }

    @Test
    void validationLeakageWithAFitAndWithTooFewSubfields() throws Exception {
        List<ValidationLeakage.Point> points = List.of(
                new ValidationLeakage.Point(0, -0.01, 0.02, -1e-4, 1e-5, 4e-5, 1e-5),
                new ValidationLeakage.Point(1, 0.0, 0.0, 0.0, 1e-5, 1e-5, 1e-5),
                new ValidationLeakage.Point(2, 0.02, -0.01, 2e-4, 1e-5, -2e-5, 1e-5));
        assertTrue(PlotTest.colours(ReportFigures.validationLeakage("leakage", points, "mean star g").png(900, 400),
                900, 400) > 10);
        assertTrue(PlotTest.colours(ReportFigures.validationLeakage("one", points.subList(0, 1), "mean star g")
                .png(600, 300), 600, 300) > 2, "a point without a fit, not a failure");
    }

    @Test
    void failuresPerSubfield() throws Exception {
        double[] sf = {0, 1, 2, 3};
        Map<String, double[]> flags = new LinkedHashMap<>();
        flags.put("1 not inside the image", new double[] {0.0, 0.0, 0.0, 0.0});
        flags.put("3 moments failed", new double[] {0.01, 0.02, 0.0, Double.NaN});
        XyPanel g = ReportFigures.failures("failures", sf, new double[] {0.01, Double.NaN, 0, 0.03}, flags);
        assertTrue(PlotTest.colours(g.png(900, 350), 900, 350) > 10);
        assertTrue(PlotTest.colours(ReportFigures.failures("none", new double[0], new double[0], Map.of())
                .png(300, 200), 300, 200) > 2);
        assertTrue(PlotTest.colours(ReportFigures.failures("no failures", sf, new double[4], Map.of())
                .png(300, 200), 300, 200) > 2, "constant zero: a fixed [0, 0.01] axis");
        assertThrows(IllegalArgumentException.class, () -> new XyPanel("", "", "").yRange(1, 1));
    }
}
