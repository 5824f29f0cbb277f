package dev.autohair.pipeline.decode;

/** The file or its canvas is over the configured {@link ImageLimits}. */
public final class ImageTooLargeException extends InvalidImageException {

    public ImageTooLargeException(String message) {
        super(message);
    }
}
