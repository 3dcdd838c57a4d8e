package org.megalut.spark.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void digestIsTheSha256OfTheEntriesOnePerLine() {
        Fingerprint f = Fingerprint.of().with("a", 1).with("b", "x");
        assertEquals(List.of("a=1", "b=x"), f.entries());
        assertEquals(sha256("a=1\nb=x\n"), f.digest());
    }

    @Test
    void valuesNotTheirSpellingDetermineTheDigest() {
        assertEquals(Fingerprint.of().with("s", 0.5).digest(), Fingerprint.of().with("s", 5e-1).digest());
        assertNotEquals(Fingerprint.of().with("s", 0.5).digest(), Fingerprint.of().with("s", 0.50000001).digest());
        assertNotEquals(Fingerprint.of().with("a", 1).with("b", 2).digest(),
                Fingerprint.of().with("b", 2).with("a", 1).digest());
    }

    @Test
    void appendingAnotherKeepsItsEntries() {
        Fingerprint both = Fingerprint.of().with("a", 1).with(Fingerprint.of().with("b", "x\ny"));
        assertEquals(List.of("a=1", "b=x\\ny"), both.entries());
    }

    @Test
    void aKeyGivenTwiceOrMalformedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.of().with("a", 1).with("a", 2));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.of().with("a=b", 1));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.of().with(" ", 1));
    }

    @Test
    void measurementSettingsAreKeyedByTheirConfigurationNames() {
        RunSettings.Measure m = new RunSettings.Measure(1.5, 100, true, 3.0, 200, 5.0, 10);
        assertEquals(List.of("measure.guess-sigma=1.5", "measure.max-iterations=100", "measure.retry=true",
                "measure.retry-guess-sigma=3.0", "measure.retry-max-iterations=200", "measure.max-centroid-shift=5.0"),
                m.fingerprint().entries());
        // band-rows only divides the work
        assertEquals(m.fingerprint().digest(), new RunSettings.Measure(1.5, 100, true, 3.0, 200, 5.0, 3).fingerprint()
                .digest());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
