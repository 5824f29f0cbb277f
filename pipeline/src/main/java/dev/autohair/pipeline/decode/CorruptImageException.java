package dev.autohair.pipeline.decode;

/** The bytes start like a known format but are truncated or damaged. */
public final class CorruptImageException extends InvalidImageException {

    public CorruptImageException(String message) {
        super(message);
    }
}
