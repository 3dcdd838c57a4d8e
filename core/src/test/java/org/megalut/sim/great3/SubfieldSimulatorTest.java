package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megalut.great3.StarShapeParams;
import org.megalut.image.Image;

class SubfieldSimulatorTest {
    private static final BranchRecipe SMALL = BranchRecipe.great3Ground().withGeometry(new BranchGeometry(6, 48, 0.2, 3));

    @Test
    void galaxiesAreSelectedPairedAndPlacedDeterministically() {
        SubfieldSimulator sim = new SubfieldSimulator(SMALL, 11, 3);
        List<PlacedGalaxy> gals = sim.galaxies();
        assertEquals(36, gals.size());
        double sumE1 = 0;
        double sumE2 = 0;
        int[] twins = new int[18];
        for (int k = 0; k < gals.size(); k++) {
            PlacedGalaxy g = gals.get(k);
            assertEquals(k, g.position());
            // recorded values are continuum estimates, within the screen's margins of the stamp values
            assertTrue(g.snr() >= 17 * (1 - SelectionRule.SNR_MARGIN) && g.snr() <= 100 * (1 + SelectionRule.SNR_MARGIN),
                    "S/N " + g.snr());
            assertTrue(g.resolution() >= 1.0 / 3 - SelectionRule.RESOLUTION_MARGIN, "resolution " + g.resolution());
            assertTrue(Math.abs(g.offsetX()) <= 1 && Math.abs(g.offsetY()) <= 1);
            twins[g.draw()]++;
            GalaxyParams p = g.params();
            double q = p.singleSersic() ? p.bulgeQ() : p.diskQ();
            double beta = p.singleSersic() ? p.bulgeBeta() : p.diskBeta();
            double e = (1 - q) / (1 + q);
            sumE1 += e * Math.cos(2 * beta);
            sumE2 += e * Math.sin(2 * beta);
        }
        for (int t : twins) {
            assertEquals(2, t, "every draw appears with its 90-degree twin");
        }
        // 90° twins have opposite ellipticities: the subfield's mean intrinsic shape vanishes.
        assertEquals(0, sumE1, 1e-12);
        assertEquals(0, sumE2, 1e-12);
        assertEquals(gals, new SubfieldSimulator(SMALL, 11, 3).galaxies());
    }

    @Test
    void bandsAreDeterministicAndNoisy() {
        SubfieldSimulator sim = new SubfieldSimulator(SMALL, 5, 0);
        List<PlacedGalaxy> gals = sim.galaxies();
        Image a = sim.drawBand(gals, 2, 2);
        Image b = new SubfieldSimulator(SMALL, 5, 0).drawBand(gals, 2, 2);
        assertEquals(a, b);
        assertEquals(96, a.ymin());
        // The outer ring of a stamp is nearly pure noise of the subfield's variance.
        double var = sim.conditions().noiseVariance();
        double s = 0;
        int n = 0;
        for (int x = 0; x < a.width(); x++) {
            double v = a.get(x, 96);
            s += v * v;
            n++;
        }
        assertEquals(var, s / n, 0.3 * var);
    }

    @Test
    void starFieldHasCentredUnitFluxStars() {
        SubfieldSimulator sim = new SubfieldSimulator(SMALL, 5, 1);
        Image stars = sim.starField();
        assertEquals(144, stars.width());
        double flux0 = stars.cut(0, 0, 48, 48).sum();
        assertTrue(flux0 > 0.95 && flux0 <= 1.0, "star flux in its stamp " + flux0);
        StarShapeParams shape = sim.starShape(stars);
        assertTrue(!shape.isFailed() && Math.hypot(shape.psfG1(), shape.psfG2()) < 0.2, shape.toString());
    }
}
