package dev.autohair.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's samples/ folder from wherever Maven runs the tests. */
final class Samples {

    private static BackgroundPhotos photos;

    private Samples() {
    }

    static synchronized BackgroundPhotos photos() {
        if (photos == null) {
            try {
                photos = BackgroundPhotos.load(directory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photos;
    }

    static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("samples/LICENSES.md"))) {
                return dir.resolve("samples");
            }
        }
        throw new IllegalStateException("no samples/ folder above " + Path.of("").toAbsolutePath());
    }
}
