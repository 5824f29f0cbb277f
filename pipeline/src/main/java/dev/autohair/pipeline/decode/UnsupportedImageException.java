package dev.autohair.pipeline.decode;

/** The bytes are not a JPEG, PNG or WebP image. */
public final class UnsupportedImageException extends InvalidImageException {

    public UnsupportedImageException(String message) {
        super(message);
    }
}
