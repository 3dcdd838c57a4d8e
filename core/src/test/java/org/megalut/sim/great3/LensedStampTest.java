package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.megalut.great3.SubfieldOffset;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;
import org.megalut.render.StampDrawer;

/** A galaxy stamp is lensed by its subfield lensing: flux × μ, size × √μ, shear at its own grid position. */
class LensedStampTest {
    private static final BranchRecipe RECIPE = BranchRecipe.great3Ground().withGeometry(new BranchGeometry(4, 48, 0.2, 3));
    private static final GalaxyParams GALAXY = new GalaxyParams(400, 1.0, 1.0, 0.5, 1.0, 0, 0, 1, 0);

    private static SubfieldLensing lensing(double g1, double mu) {
        return new SubfieldLensing() {
            @Override
            public double[] shear(int column, int row) {
                // only grid position 5 (column 1, row 1) is sheared
                return column == 1 && row == 1 ? new double[] {g1, 0} : new double[] {0, 0};
            }

            @Override
            public double magnification(int column, int row) {
                return mu;
            }

            @Override
            public long id(int column, int row) {
                return 1000L * column + row;
            }

            @Override
            public SubfieldOffset offset() {
                return SubfieldOffset.ZERO;
            }
        };
    }

    private static Image draw(SubfieldLensing l, int position) {
        SubfieldSimulator sim = new SubfieldSimulator(RECIPE, 5, 0, null, l, new StampDrawer());
        PlacedGalaxy p = new PlacedGalaxy(position, 0, 0, GALAXY, 0, 0, 0, 50, 0.5);
        return sim.drawGalaxy(p, Image.zeros(48, 48));
    }

    private static double sum(Image a, Image b) {
        double s = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            s += a.pixels()[i] - b.pixels()[i];
        }
        return s;
    }

    @Test
    void magnificationScalesTheFluxAndTheShearIsTakenAtTheGalaxysPosition() {
        double mu = 1.21;
        // The same noise stream (seed, subfield, position): differences are the galaxy's alone.
        Image plain = draw(lensing(0, 1.0), 0);
        Image magnified = draw(lensing(0, mu), 0);
        assertEquals((mu - 1) * GALAXY.flux(), sum(magnified, plain), 0.02 * (mu - 1) * GALAXY.flux());

        // Bright (S/N in the hundreds): the noise barely moves the moments.
        AdaptiveMomentsFitter fit = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS);
        Image atOrigin = draw(lensing(0.2, 1.0), 0);
        Image atFive = draw(lensing(0.2, 1.0), 5);
        AdaptiveMoments round = fit.measure(atOrigin);
        AdaptiveMoments sheared = fit.measure(atFive);
        assertTrue(round.ok() && sheared.ok());
        assertTrue(sheared.g1() - round.g1() > 0.05, "position 5 is sheared along +g1: " + round.g1() + " -> " + sheared.g1());
    }
}
