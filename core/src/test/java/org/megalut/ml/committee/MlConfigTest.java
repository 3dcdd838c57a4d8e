package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megalut.ml.data.NormType;
import org.megalut.ml.network.Activation;

class MlConfigTest {
    /** conf/ml of the repository, relative to the module directory. */
    static final Path CONF = Path.of("..", "conf", "ml");

    @Test
    void shearConfigIsSum55mass() {
        MlConfig c = MlConfig.load(CONF.resolve("sum55mass.conf"), CONF.resolve("ada4g1.conf"));
        assertEquals(List.of("adamom_g1", "adamom_sigma", "adamom_flux", "adamom_rho4"), c.data().features());
        assertEquals(List.of("tru_g1"), c.data().targets());
        assertEquals(List.of("pre_s1"), c.data().predictions());
        assertEquals(61, c.architecture().parameterCount());
        assertEquals(Activation.IDEN, c.architecture().outputActivation());
        assertEquals("msb", c.training().cost());
        assertEquals(40, c.training().mbloops());
        assertEquals(100, c.training().maxiter());
        assertEquals(1e-8, c.training().gtol());
        assertEquals(NormType.SA1, c.normalisation().inputs());
        assertNull(c.normalisation().targets());
        assertEquals(new Selection(Selection.Key.VALERR, 4, MemberCombination.MEAN), c.selection());
    }

    @Test
    void weightConfigIsSum33wmass() {
        MlConfig c = MlConfig.load(CONF.resolve("sum33wmass.conf"), CONF.resolve("ada4s2w.conf"));
        assertEquals(31, c.architecture().parameterCount());
        assertEquals(Activation.SIGI, c.architecture().outputActivation());
        assertEquals("msbwsignorm", c.training().cost());
        assertEquals(List.of("pre_s2"), c.data().aux());
        assertEquals(List.of("adamom_flux", "adamom_g2", "adamom_sigma", "adamom_rho4"), c.data().features());
        assertEquals(10, c.training().mbloops());
        assertEquals(50, c.training().maxiter());
        assertEquals(1e-10, c.training().gtol());
    }

    @Test
    void unknownKeysListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlConfig.parse("data { features = [a], targets = [t], predictions = [p] }\n"
                        + "training { mbloop = 3 }"));
        assertTrue(e.getMessage().contains("training.mbloop"), e.getMessage());
        assertTrue(e.getMessage().contains("mbloops"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MlConfig.parse("netwrok { hidden = [3] }"));
        assertTrue(e.getMessage().contains("netwrok.hidden") && e.getMessage().contains("network.hidden"), e.getMessage());
    }

    @Test
    void inconsistentSettingsAreErrors() {
        String data = "data { features = [a], targets = [t], predictions = [p] }\n";
        assertThrows(IllegalArgumentException.class, () -> MlConfig.parse(data + "training.cost = msbwsignorm"));
        assertThrows(IllegalArgumentException.class, () -> MlConfig.parse(data + "selection.bestn = 9"));
        assertThrows(IllegalArgumentException.class, () -> MlConfig.parse(data + "network.activation = soft"));
        assertThrows(IllegalArgumentException.class, () -> MlConfig.parse(data + "training.mbloops = many"));
        assertThrows(IllegalArgumentException.class, () -> MlConfig.load(CONF.resolve("missing.conf")));
    }

    @Test
    void roundTripsThroughItsMap() {
        MlConfig c = MlConfig.load(CONF.resolve("sum33wmass.conf"), CONF.resolve("ada4s1w.conf"));
        assertEquals(c, MlConfig.fromConfig(c.toConfig()));
    }
}
