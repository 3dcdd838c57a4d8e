package org.megalut.ml;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the Tenbilac reference runs: {@code ${megalut.shared}/oracle/tenbilac}, with {@code megalut.shared}
 * defaulting to {@code ../../shared} relative to the module directory. Missing data skips the calling test,
 * except under CI=true where it fails.
 */
final class Oracle {
    private Oracle() {
    }

    static Path tenbilac() {
        Path shared = Path.of(System.getProperty("megalut.shared", Path.of("..", "..", "shared").toString()));
        return locate(shared, "true".equals(System.getenv("CI")));
    }

    /** {@code shared/oracle/tenbilac}; aborts (skips) the test if missing, or fails it when {@code ci}. */
    static Path locate(Path shared, boolean ci) {
        Path dir = shared.resolve("oracle").resolve("tenbilac");
        if (!Files.isRegularFile(dir.resolve("verify.json"))) {
            String msg = "Tenbilac oracle not found at " + dir.toAbsolutePath()
                    + " (set -Dmegalut.shared=<folder containing oracle/>)";
            if (ci) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        return dir;
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Npy npy(Path file) {
        try {
            return Npy.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
