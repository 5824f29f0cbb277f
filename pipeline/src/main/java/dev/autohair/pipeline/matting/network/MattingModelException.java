package dev.autohair.pipeline.matting.network;

/** A matting model file is missing, cannot be loaded, or broke its contract while running. */
public class MattingModelException extends RuntimeException {

    public MattingModelException(String message) {
        super(message);
    }

    public MattingModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
