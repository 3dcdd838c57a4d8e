package org.megalut.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Missing reference data skips the oracle tests locally but fails them under CI=true. */
class SharedDataTest {

    @Test
    void missingDataSkipsLocallyAndFailsInCi(@TempDir Path dir) {
        Path missing = dir.resolve("none");
        assertThrows(TestAbortedException.class, () -> SharedData.locate(missing, false));
        assertThrows(AssertionFailedError.class, () -> SharedData.locate(missing, true));
    }
}
