package org.megalut.ml.committee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.megalut.testing.SharedData;

/** The Tenbilac reference runs under the shared folder ({@link SharedData}), and readers for their files. */
final class Oracle {
    private Oracle() {
    }

    static Path tenbilac() {
        return SharedData.file("oracle/tenbilac/verify.json").getParent();
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
