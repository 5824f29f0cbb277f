package dev.autohair.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files of the repository from a test, whichever module's folder Maven runs it in: the
 * first folder at or above the working directory that holds the wanted path.
 */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** {@code relative} (a file or a folder, e.g. {@code samples} or {@code docs/CONFIGURATION.md}) as an absolute path. */
    public static Path resolve(String relative) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + relative + " at or above " + here + "; run the tests inside the repository");
    }
}
