package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;

/**
 * Shapes measured on our own rendered stamps agree with GalSim's table for its stamps: adaptive-moment
 * g1, g2 to 1e-5 absolute and sigma to 1e-5 relative, for every galaxy of the reference set.
 */
@Tag("oracle")
class RenderedMomentsOracleTest {

    @Test
    void momentsOfRenderedGalaxiesMatchGalSim() throws Exception {
        Path dir = OracleData.galsimDir();
        List<Map<String, String>> rows = OracleData.readCsv(dir.resolve("gal_cases.csv"));
        StampDrawer drawer = new StampDrawer();
        Profile[] psfs = {GalSimOracleTest.psf(0), null, GalSimOracleTest.psf(2)};
        AdaptiveMomentsFitter fitter = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS);
        double worstG = 0;
        double worstSigma = 0;
        for (Map<String, String> row : rows) {
            Image img = Image.zeros(48, 48);
            drawer.draw(GalSimOracleTest.galaxy(row), psfs[(int) OracleData.num(row, "psf_id")], img, 0.2,
                    OracleData.num(row, "offset_x"), OracleData.num(row, "offset_y"), DrawMethod.AUTO);
            AdaptiveMoments m = fitter.measure(img.withOrigin(1, 1));
            assertEquals(0, (int) OracleData.num(row, "moments_status"), "reference row " + row.get("idx"));
            assertTrue(m.ok(), "row " + row.get("idx") + ": " + m.errorMessage());
            worstG = Math.max(worstG, Math.abs(m.g1() - OracleData.num(row, "observed_g1")));
            worstG = Math.max(worstG, Math.abs(m.g2() - OracleData.num(row, "observed_g2")));
            double s = OracleData.num(row, "moments_sigma");
            worstSigma = Math.max(worstSigma, Math.abs(m.sigma() - s) / s);
        }
        System.out.printf("moments of rendered stamps vs GalSim: max |dg| = %.2e, max |dsigma|/sigma = %.2e%n",
                worstG, worstSigma);
        assertTrue(worstG < 1e-5, "max |dg| = " + worstG);
        assertTrue(worstSigma < 1e-5, "max relative sigma difference = " + worstSigma);
    }
}
