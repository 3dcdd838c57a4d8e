package org.megalut.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the project's shared reference data (oracle outputs of GalSim and Tenbilac).
 *
 * <p>The folder is {@code shared/} beside the checkout, i.e. {@code ../../shared} from a module
 * directory, or the path in the system property {@code megalut.shared}. When it is missing a test is
 * skipped on a workstation but fails under {@code CI=true}, where the data must be present.
 */
public final class SharedData {

    private SharedData() { }

    /** The shared folder, or a skip/failure of the calling test when it is absent. */
    public static Path root() {
        String prop = System.getProperty("megalut.shared");
        return locate(prop != null ? Path.of(prop) : Path.of("..", "..", "shared"),
                "true".equalsIgnoreCase(System.getenv("CI")));
    }

    /** The folder if it exists; else a failure when {@code ci}, a skip otherwise. */
    public static Path locate(Path root, boolean ci) {
        if (!Files.isDirectory(root)) {
            String msg = "shared reference data not found at " + root.toAbsolutePath().normalize()
                    + " (set -Dmegalut.shared=DIR)";
            if (ci) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
        return root;
    }

    /** A file under the shared folder; fails (also outside CI) when the folder exists but the file does not. */
    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            fail("shared reference file missing: " + p);
        }
        return p;
    }
}
