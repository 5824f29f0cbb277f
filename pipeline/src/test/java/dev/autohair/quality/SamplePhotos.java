package dev.autohair.quality;

import dev.autohair.testing.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The sample photos as composite backgrounds, loaded once for all quality tests. */
final class SamplePhotos {

    private static BackgroundPhotos photos;

    private SamplePhotos() {
    }

    static synchronized BackgroundPhotos photos() {
        if (photos == null) {
            try {
                photos = BackgroundPhotos.load(Samples.dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photos;
    }
}
