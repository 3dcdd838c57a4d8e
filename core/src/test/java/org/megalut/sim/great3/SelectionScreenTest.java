package org.megalut.sim.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The screened selection ({@link SubfieldSimulator#galaxies()}) keeps exactly the galaxies that drawing
 * and measuring every candidate keeps, in the same order, hence the same grid: only the recorded S/N and
 * resolution differ (continuum estimates instead of stamp values).
 */
class SelectionScreenTest {
    private static final BranchRecipe RECIPE = BranchRecipe.great3Ground().withGeometry(new BranchGeometry(20, 48, 0.2, 3));

    @Test
    void screenedSelectionEqualsTheStampRule() {
        // regular subfields and a deep one (noise variance × 1/16: many candidates above S/N 100)
        for (int subfield : new int[] {0, 1, 2, 200}) {
            List<PlacedGalaxy> screened = new SubfieldSimulator(RECIPE, 11, subfield).galaxies(true);
            List<PlacedGalaxy> exact = new SubfieldSimulator(RECIPE, 11, subfield).galaxies(false);
            assertEquals(exact.size(), screened.size());
            for (int k = 0; k < exact.size(); k++) {
                PlacedGalaxy e = exact.get(k);
                PlacedGalaxy s = screened.get(k);
                assertEquals(e, new PlacedGalaxy(s.position(), s.draw(), s.twin(), s.params(), s.rotation(), s.offsetX(),
                        s.offsetY(), e.snr(), e.resolution()), "subfield " + subfield + ", position " + k);
                assertEquals(e.snr(), s.snr(), SelectionRule.SNR_MARGIN * e.snr());
                assertEquals(e.resolution(), s.resolution(), SelectionRule.RESOLUTION_MARGIN);
            }
        }
    }
}
