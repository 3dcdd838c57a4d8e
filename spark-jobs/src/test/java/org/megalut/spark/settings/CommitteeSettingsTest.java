package org.megalut.spark.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.config.StrictConfig;

/** The two forms of a committee set's components, and the errors of malformed ones. */
class CommitteeSettingsTest {

    static Config merged(String user) {
        return StrictConfig.merge(ConfigFactory.parseString(user),
                StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf"), "test");
    }

    static CommitteeSettings learn(String user) {
        return CommitteeSettings.from(merged(user), "learn");
    }

    @Test
    void namesAloneUseTheSectionsNetwork() {
        CommitteeSettings c = learn("");
        assertEquals(List.of(new CommitteeSettings.Component("ml/ada4g1.conf", "ml/sum55mass.conf"),
                new CommitteeSettings.Component("ml/ada4g2.conf", "ml/sum55mass.conf")), c.components());
        assertEquals(List.of(5, 5), c.configs().get(0).network().hidden());
        assertEquals(List.of("pre_s1"), c.configs().get(0).data().predictions());
    }

    @TempDir
    Path tmp;

    @Test
    void aComponentMayNameItsOwnNetwork() throws Exception {
        String net33;
        try (InputStream in = CommitteeSettings.class.getResourceAsStream("/org/megalut/conf/ml/sum55mass.conf")) {
            net33 = tmp.resolve("sum33.conf").toString();
            Files.writeString(Path.of(net33), new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    + "\nnetwork.hidden = [3, 3]\n");
        }
        CommitteeSettings c = learn("learn.components = [ { data = \"ml/ada4g1.conf\", network = \"" + net33 + "\" },"
                + " { data = \"ml/ada4g2.conf\" }, \"ml/ada4g1.conf\" ]");
        assertEquals(List.of(new CommitteeSettings.Component("ml/ada4g1.conf", net33),
                new CommitteeSettings.Component("ml/ada4g2.conf", "ml/sum55mass.conf"),
                new CommitteeSettings.Component("ml/ada4g1.conf", "ml/sum55mass.conf")), c.components());
        // A 3-3 net and sum55mass's 5-5 one: each component got its own.
        assertEquals(List.of(3, 3), c.configs().get(0).network().hidden());
        assertEquals(List.of(5, 5), c.configs().get(1).network().hidden());
        assertNotEquals(c.configs().get(0).fingerprint(), c.configs().get(2).fingerprint());
    }

    @Test
    void malformedComponentsAreErrorsNamingTheEntry() {
        assertMessage("learn.components = [ 3 ]", "learn.components[0]", "found number (3)");
        assertMessage("learn.components = [ \"ml/ada4g1.conf\", { network = \"ml/sum55mass.conf\" } ]",
                "learn.components[1] has no data config");
        assertMessage("learn.components = [ { data = \"ml/ada4g1.conf\", net = \"ml/sum55mass.conf\" } ]",
                "unknown configuration key net in learn.components[0]", "valid keys are: data, network");
        assertMessage("learn.components = [ { data = [\"ml/ada4g1.conf\"] } ]", "learn.components[0].data must be a file"
                + " name, found list");
        assertMessage("learn.components = []", "learn.components is empty");
        assertMessage("learn.components = [ { data = \"ml/nothere.conf\" } ]", "ml/nothere.conf is neither a file");
    }

    private static void assertMessage(String user, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> learn(user));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }
}
