package dev.autohair.pipeline.decode;

/** The input cannot become an image for the pipeline; retrying the same bytes will not help. */
public abstract sealed class InvalidImageException extends RuntimeException
        permits UnsupportedImageException, CorruptImageException, ImageTooLargeException {

    protected InvalidImageException(String message) {
        super(message);
    }
}
