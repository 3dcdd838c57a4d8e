package org.megalut.ml;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Missing reference data skips the oracle tests locally but fails them under CI=true. */
class OracleLocationTest {

    @Test
    void missingOracleSkipsLocallyAndFailsInCi(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThrows(TestAbortedException.class, () -> Oracle.locate(empty, false));
        assertThrows(AssertionFailedError.class, () -> Oracle.locate(empty, true));
    }
}
