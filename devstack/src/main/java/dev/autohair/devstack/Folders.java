package dev.autohair.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Working folders for the embedded servers. */
public final class Folders {

    private Folders() {
    }

    /** {@code dir} made absolute and created, or a new temporary folder when {@code dir} is null. */
    public static Path prepare(Path dir, String tempPrefix) {
        try {
            if (dir == null) {
                return Files.createTempDirectory(tempPrefix).toAbsolutePath();
            }
            return Files.createDirectories(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + dir + ": check its permissions and free space", e);
        }
    }

    /** Deletes a folder tree; best effort, since it only tidies up after the servers stopped. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left behind in the temp folder: harmless.
        }
    }
}
