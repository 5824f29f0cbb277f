package dev.autohair.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The sample photos as composite backgrounds, loaded once for all quality tests. */
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
        return dev.autohair.pipeline.testing.Samples.dir();
    }
}
