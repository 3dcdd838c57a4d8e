package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
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
    void weightConfigSum33wmassshortIsSum33wmassWithHalfTheLoops() {
        MlConfig full = MlConfig.load(CONF.resolve("sum33wmass.conf"), CONF.resolve("ada4s1w.conf"));
        MlConfig quick = MlConfig.load(CONF.resolve("sum33wmassshort.conf"), CONF.resolve("ada4s1w.conf"));
        assertEquals(5, quick.training().mbloops());
        assertEquals(full.toConfig().withoutPath("training.mbloops"), quick.toConfig().withoutPath("training.mbloops"));
    }

    /** Every shipped network config with each data config of its kind (shear or weight). */
    @Test
    void everyShippedConfigParses() throws IOException {
        Map<String, List<String>> pairs = Map.of(
                "sum55mass.conf", List.of("ada4g1.conf", "ada4g2.conf"),
                "sum33wmass.conf", List.of("ada4s1w.conf", "ada4s2w.conf"),
                "sum33wmassshort.conf", List.of("ada4s1w.conf", "ada4s2w.conf"));
        Set<String> covered = new TreeSet<>(pairs.keySet());
        for (Map.Entry<String, List<String>> e : pairs.entrySet()) {
            for (String data : e.getValue()) {
                MlConfig c = MlConfig.load(CONF.resolve(e.getKey()), CONF.resolve(data));
                assertEquals(1, c.data().targets().size(), e.getKey() + " + " + data);
                covered.add(data);
            }
        }
        Set<String> shipped = new TreeSet<>();
        try (Stream<Path> files = Files.list(CONF)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".conf")).forEach(shipped::add);
        }
        assertEquals(shipped, covered, "a shipped config this test does not parse");
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
